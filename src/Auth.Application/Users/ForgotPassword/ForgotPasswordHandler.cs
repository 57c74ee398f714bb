using Auth.Application.Abstractions;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ForgotPassword;

/// <summary>
/// Mails a reset link when the account exists. The answer is the same either way, and so is the work the request
/// does (one lookup, one token made; mail goes out in the background), so it cannot be used to find accounts.
/// </summary>
public sealed class ForgotPasswordHandler(
    IUserRepository users,
    IAccountTokenRepository tokenRepository,
    AccountTokens tokens,
    IRefreshTokenGenerator generator,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ForgotPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindByEmailAsync(Email.Normalize(command.Email), cancellationToken);
        if (user is null || user.IsDisabled)
        {
            _ = generator.Create();
            return Result.Success;
        }

        var recent = await tokenRepository.CountIssuedSinceAsync(user.Id, AccountTokenPurpose.PasswordReset, now - TimeSpan.FromHours(1), cancellationToken);
        if (recent >= policy.PasswordResetsPerHour)
        {
            return Result.Success;
        }

        var token = tokens.Issue(user.Id, AccountTokenPurpose.PasswordReset, now, policy.PasswordResetLifetime);
        user.RequestPasswordReset(token, policy.PasswordResetLifetime, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }
}
