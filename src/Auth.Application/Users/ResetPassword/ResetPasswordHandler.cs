using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Users.Common;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ResetPassword;

/// <summary>
/// Replaces the password of whoever holds the mailed token, then ends every session (whoever forgot the password
/// may not be the only one who had it), kills older reset links, forgets every known device and clears the login
/// lockout.
/// </summary>
public sealed class ResetPasswordHandler(
    AccountTokens tokens,
    IUserRepository users,
    IPasswordHasher passwordHasher,
    PasswordPolicy passwordPolicy,
    SessionRevoker revoker,
    Lockout lockout,
    KnownDevices devices,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ResetPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await tokens.RedeemAsync(command.Token, AccountTokenPurpose.PasswordReset, now, cancellationToken);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidAccountToken;
        }

        // Nothing is saved on refusal, so the link stays usable for a better password.
        if (await passwordPolicy.CheckAsync(command.NewPassword, user.Email, user.Name, cancellationToken) is { } weak)
        {
            return weak;
        }

        await tokens.SpendAllAsync(user.Id, AccountTokenPurpose.PasswordReset, now, cancellationToken);

        user.ResetPassword(await passwordHasher.HashAsync(command.NewPassword, cancellationToken), now);
        revoker.EndAllOnCommit(user.Id, SessionEndReason.PasswordReset, now);
        // Whoever had the old password may hold a device token: it must not keep a budget of its own.
        await devices.RevokeAllAsync(user.Id, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidAccountToken : saved;
        }

        await lockout.ForgiveAsync(lockout.ForAccount(user.NormalizedEmail), cancellationToken);
        return Result.Success;
    }
}
