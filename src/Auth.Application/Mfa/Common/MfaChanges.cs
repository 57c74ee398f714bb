using Auth.Application.Abstractions;
using Auth.Application.Users.Common;
using Auth.Domain.Mfa;
using Auth.Domain.Users;

namespace Auth.Application.Mfa.Common;

/// <summary>What every change of an account's second factor does besides the change itself.</summary>
public sealed class MfaChanges(AccountTokens accountTokens, IRecoveryCodeRepository recoveryCodes)
{
    /// <summary>A reset link mailed before the change must not outlive it (as for a password change).</summary>
    public Task SpendResetLinksAsync(User user, DateTimeOffset now, CancellationToken cancellationToken) =>
        accountTokens.SpendAllAsync(user.Id, AccountTokenPurpose.PasswordReset, now, cancellationToken);

    /// <summary>Turns TOTP off in the unit of work; the recovery codes and outstanding reset links go with it.</summary>
    /// <returns>False when TOTP was not on (nothing changes).</returns>
    public async Task<bool> TurnOffAsync(User user, MfaChangeGrounds grounds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!user.DisableTotp(grounds, now))
        {
            return false;
        }

        await recoveryCodes.RemoveAllAsync(user.Id, cancellationToken);
        await SpendResetLinksAsync(user, now, cancellationToken);
        return true;
    }
}
