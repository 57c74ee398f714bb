using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Sessions.Login;
using Auth.Application.Users.Common;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ResetPassword;

/// <summary>
/// Replaces the password of whoever holds the mailed token, then ends every session (whoever forgot the password
/// may not be the only one who had it), kills older reset links and clears the login lockout.
/// </summary>
public sealed class ResetPasswordHandler(
    AccountTokens tokens,
    IAccountTokenRepository tokenRepository,
    IUserRepository users,
    IPasswordHasher passwordHasher,
    SessionRevoker revoker,
    LoginThrottler throttler,
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

        foreach (var older in await tokenRepository.ListUsableAsync(user.Id, AccountTokenPurpose.PasswordReset, now, cancellationToken))
        {
            older.Use(now);
        }

        user.ResetPassword(await passwordHasher.HashAsync(command.NewPassword, cancellationToken), now);
        await revoker.EndAllAsync(user.Id, SessionEndReason.PasswordReset, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidAccountToken : saved;
        }

        await throttler.ResetAsync(user.NormalizedEmail, cancellationToken);
        return Result.Success;
    }
}
