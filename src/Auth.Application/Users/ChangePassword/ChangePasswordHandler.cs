using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Sessions.Login;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Users.ChangePassword;

/// <summary>Replaces the password after proving the current one, and ends every other session (a thief's included).</summary>
public sealed class ChangePasswordHandler(
    IUserRepository users,
    ISessionRepository sessions,
    IPasswordHasher passwordHasher,
    LoginThrottler throttler,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ChangePasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        // Proving the password here is as good as a login to a guesser holding a stolen token: same lockout.
        var attempt = await throttler.BeginAttemptAsync(user.NormalizedEmail, time.GetUtcNow(), cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        if (await passwordHasher.VerifyAsync(user.PasswordHash, command.CurrentPassword, cancellationToken) == PasswordVerification.Failed)
        {
            return AuthErrors.WrongPassword;
        }

        var now = time.GetUtcNow();
        user.ChangePassword(await passwordHasher.HashAsync(command.NewPassword, cancellationToken), now);
        var others = (await sessions.ListActiveAsync(user.Id, now, cancellationToken)).Where(s => s.Id != command.SessionId);
        SessionRevoker.End(others, SessionEndReason.PasswordChanged, now);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        await throttler.ResetAsync(user.NormalizedEmail, cancellationToken);
        return Result.Success;
    }
}
