using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The one place a proven identity becomes a session, whichever verifier proved it: the account checks come here,
/// after the proof, so the answers about the account tell a guesser nothing.
/// </summary>
public sealed class SignIn(
    SessionStarter sessionStarter,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time)
{
    public async Task<Result<AuthResult>> StartSessionAsync(ProvenIdentity identity, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = identity.User;
        if (user.IsDisabled)
        {
            return AuthErrors.AccountDisabled;
        }

        if (policy.RequireConfirmedEmail && !user.EmailConfirmed)
        {
            return AuthErrors.EmailNotConfirmed;
        }

        var session = sessionStarter.Start(user, client, time.GetUtcNow());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        securityEvents.Record(new SecurityEvent(SecurityEventType.LoginSucceeded, user.Id, session.SessionId, client));
        return session;
    }
}
