using Auth.Application.Abstractions;
using Auth.Application.Common.Events;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;

namespace Auth.Application.Users.ForgotPassword;

/// <summary>
/// Mails a reset link when the account exists and has not had too many this hour. Runs in the background, after
/// the request has answered (<see cref="ForgotPasswordHandler"/>), so neither the answer nor its timing says
/// whether the account exists.
/// </summary>
public sealed class PasswordResetIssuer(
    IUserRepository users,
    IAccountTokenRepository tokenRepository,
    AccountTokens tokens,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    EventOrigin origin,
    TimeProvider time)
{
    public async Task<Result> IssueAsync(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        // Background work has no request: the events it raises belong to the client that asked.
        origin.Client = command.Client;
        var now = time.GetUtcNow();
        var user = await users.FindByEmailAsync(Email.Normalize(command.Email), cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return Result.Success;
        }

        var recent = await tokenRepository.CountIssuedSinceAsync(user.Id, AccountTokenPurpose.PasswordReset, now - TimeSpan.FromHours(1), cancellationToken);
        if (recent >= policy.PasswordResetsPerHour)
        {
            return Result.Success;
        }

        var token = tokens.Issue(user.Id, AccountTokenPurpose.PasswordReset, now, policy.PasswordResetLifetime);
        user.RequestPasswordReset(token, policy.PasswordResetLifetime, now);
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
