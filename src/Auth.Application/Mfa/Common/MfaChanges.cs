using Auth.Application.Users.Common;
using Auth.Domain.Users;

namespace Auth.Application.Mfa.Common;

/// <summary>What every change of an account's second factor does besides the change itself.</summary>
public sealed class MfaChanges(AccountTokens accountTokens)
{
    /// <summary>A reset link mailed before the change must not outlive it (as for a password change).</summary>
    public Task SpendResetLinksAsync(User user, DateTimeOffset now, CancellationToken cancellationToken) =>
        accountTokens.SpendAllAsync(user.Id, AccountTokenPurpose.PasswordReset, now, cancellationToken);
}
