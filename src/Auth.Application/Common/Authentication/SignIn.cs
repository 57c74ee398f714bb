using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The one place a proven identity becomes a session, whichever verifier proved it: the account checks come here,
/// after the proof, so the answers about the account tell a guesser nothing. The client becomes (or stays) a known
/// device, and a new device of an account that had others is mailed to the owner.
/// </summary>
public sealed class SignIn(
    SessionStarter sessionStarter,
    KnownDevices devices,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
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

        var now = time.GetUtcNow();
        var device = await devices.SignInAsync(user, identity.Device, client, now, cancellationToken);
        var session = sessionStarter.Start(user, client, now);
        unitOfWork.Raise(new LoginSucceeded(user.Id, session.SessionId, now));
        if (device.AlertOwner)
        {
            unitOfWork.Raise(new NewDeviceSignedIn(user.Id, user.Email, user.Name, client.Address, client.UserAgent, now));
        }

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return session with { DeviceToken = device.Token };
    }
}
