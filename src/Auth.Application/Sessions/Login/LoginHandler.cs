using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Sessions.Login;

public sealed class LoginHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    LoginThrottler throttler,
    SessionStarter sessionStarter,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time) : ICommandHandler<LoginCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = Email.Normalize(command.Email);
        var now = time.GetUtcNow();
        var attempt = await throttler.BeginAttemptAsync(email, now, cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        var user = await users.FindByEmailAsync(email, cancellationToken);

        // Unknown accounts are verified against a dummy hash so both failures cost the same time.
        var verification = await passwordHasher.VerifyAsync(user?.PasswordHash, command.Password, cancellationToken);
        if (user is null || verification == PasswordVerification.Failed)
        {
            // The attempt was counted before the check; a wrong password leaves it counted.
            securityEvents.Record(new SecurityEvent(SecurityEventType.LoginFailed, user?.Id, null, command.Client));
            if (attempt.LockStarted)
            {
                securityEvents.Record(new SecurityEvent(SecurityEventType.LockedOut, user?.Id, null, command.Client));
            }

            return AuthErrors.InvalidCredentials;
        }

        // Only now, with the password proven, may the answer say anything about the account.
        if (user.IsDisabled)
        {
            return AuthErrors.AccountDisabled;
        }

        if (policy.RequireConfirmedEmail && !user.EmailConfirmed)
        {
            return AuthErrors.EmailNotConfirmed;
        }

        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password, cancellationToken), now);
        }

        var session = sessionStarter.Start(user, command.Client, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        // After the login is committed: a retried throttle update resets the change tracker, which would
        // otherwise drop the rehash and the new session.
        await throttler.ResetAsync(email, cancellationToken);
        securityEvents.Record(new SecurityEvent(SecurityEventType.LoginSucceeded, user.Id, session.SessionId, command.Client));
        return session;
    }
}
