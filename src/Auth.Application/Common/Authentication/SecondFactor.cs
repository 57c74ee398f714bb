using Auth.Application.Abstractions;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// Checks a second-factor code against an account and spends it in the unit of work: a TOTP code (RFC 6238, one
/// step either side, each step once) or a recovery code (each once).
/// </summary>
public sealed class SecondFactor(ITotp totp, IMfaSecretProtector protector, RecoveryCodes recoveryCodes)
{
    private const int TotpDigits = 6;

    /// <summary>Six digits are an authenticator's code; anything else is tried as a recovery code.</summary>
    public Task<bool> ProveAsync(User user, string code, DateTimeOffset now, CancellationToken cancellationToken) =>
        IsTotpShaped(code) ? Task.FromResult(ProveTotp(user, code, now)) : ProveAsync(user, null, code, now, cancellationToken);

    /// <summary>Proves with whichever of <paramref name="code"/> (TOTP) or <paramref name="recoveryCode"/> is given.</summary>
    public async Task<bool> ProveAsync(User user, string? code, string? recoveryCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!user.HasMfa)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(code))
        {
            return ProveTotp(user, code, now);
        }

        return !string.IsNullOrEmpty(recoveryCode) && await recoveryCodes.UseAsync(user, recoveryCode, now, cancellationToken);
    }

    /// <returns>The step of <paramref name="code"/> under the pending enrolment's secret; null when wrong or none is pending.</returns>
    public long? MatchPending(User user, string code, DateTimeOffset now) =>
        user.PendingTotpSecret is { } pending && protector.Unprotect(pending) is { } secret && IsTotpShaped(code)
            ? totp.MatchStep(secret, code, now)
            : null;

    private bool ProveTotp(User user, string code, DateTimeOffset now) =>
        user.TotpSecret is { } stored && protector.Unprotect(stored) is { } secret && IsTotpShaped(code)
        && totp.MatchStep(secret, code, now) is { } step && user.UseTotpStep(step);

    private static bool IsTotpShaped(string code) => code.Length == TotpDigits && code.All(char.IsAsciiDigit);
}
