using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
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
            unitOfWork.Raise(new LoginFailed(user?.Id, now));
            if (attempt.LockStarted)
            {
                unitOfWork.Raise(new LockedOut(user?.Id, now));
            }

            var recorded = await unitOfWork.SaveChangesAsync(cancellationToken);
            return recorded.IsSuccess ? AuthErrors.InvalidCredentials : recorded.Error!;
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
        unitOfWork.Raise(new LoginSucceeded(user.Id, session.SessionId, now));
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        // After the login is committed: a retried throttle update resets the change tracker, which would
        // otherwise drop the rehash and the new session.
        await throttler.ResetAsync(email, cancellationToken);
        return session;
    }
}
