using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
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
    PasswordPolicy passwordPolicy,
    SessionRevoker revoker,
    LoginThrottler throttler,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
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

        // Judged only after the current password is proven, so a token thief learns nothing from the answer.
        if (await passwordPolicy.CheckAsync(command.NewPassword, user.Email, user.Name, cancellationToken) is { } weak)
        {
            return weak;
        }

        var now = time.GetUtcNow();
        user.ReplacePasswordHash(await passwordHasher.HashAsync(command.NewPassword, cancellationToken), now);
        var others = (await sessions.ListActiveAsync(user.Id, now, cancellationToken)).Where(s => s.Id != command.SessionId);
        var revocations = revoker.End(others, SessionEndReason.PasswordChanged, now);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        revoker.Publish(revocations);
        await throttler.ResetAsync(user.NormalizedEmail, cancellationToken);
        securityEvents.Record(new SecurityEvent(SecurityEventType.PasswordChanged, user.Id, command.SessionId, command.Client));
        return Result.Success;
    }
}
