using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Passwords;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Users.Common;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ChangePassword;

/// <summary>Replaces the password after proving the current one, and ends every other session (a thief's included).</summary>
public sealed class ChangePasswordHandler(
    IPasswordHasher passwordHasher,
    PasswordPolicy passwordPolicy,
    SessionRevoker revoker,
    AccountTokens accountTokens,
    ReAuthentication reAuthentication,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ChangePasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var verified = await reAuthentication.VerifyAsync(command.UserId, command.SessionId, command.CurrentPassword, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified;
        }

        var user = verified.Value;

        // Judged only after the current password is proven, so a token thief learns nothing from the answer.
        if (await passwordPolicy.CheckAsync(command.NewPassword, user.Email, user.Name, cancellationToken) is { } weak)
        {
            return weak;
        }

        var now = time.GetUtcNow();
        user.ChangePassword(await passwordHasher.HashAsync(command.NewPassword, cancellationToken), now);
        revoker.EndAllOnCommit(user.Id, SessionEndReason.PasswordChanged, now, keep: command.SessionId);
        // A reset link mailed before the change must not undo it.
        await accountTokens.SpendAllAsync(user.Id, AccountTokenPurpose.PasswordReset, now, cancellationToken);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }
}
