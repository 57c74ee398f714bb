using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;

namespace Auth.Application.Common.Passwords;

/// <summary>
/// Judges a password as NIST SP 800-63B §3.1.1.2 asks: refuses values that are commonly used, expected or
/// compromised, and imposes no composition rules. Used where a password is set, and again at each successful login.
/// </summary>
public sealed class PasswordPolicy(IPasswordBlocklist blocklist, IBreachedPasswords breaches, IPasswordPolicySettings settings)
{
    /// <summary>
    /// The <c>weak_password</c> error naming every reason, or null when the password may be used. <paramref name="email"/>
    /// and <paramref name="name"/> are the account's.
    /// </summary>
    public ValueTask<Error?> CheckAsync(string password, string email, string name, CancellationToken cancellationToken) =>
        JudgeAsync(password, email, name, settings.BreachCheckFailClosed, cancellationToken);

    /// <summary>
    /// The same judgement for a password already in use, at a successful login: an unreachable breach corpus never
    /// counts against it (FailClosed guards new passwords only), so an outage does not mail every user who signs in.
    /// </summary>
    public ValueTask<Error?> RecheckAsync(string password, string email, string name, CancellationToken cancellationToken) =>
        JudgeAsync(password, email, name, failClosed: false, cancellationToken);

    private async ValueTask<Error?> JudgeAsync(string password, string email, string name, bool failClosed, CancellationToken cancellationToken)
    {
        var reasons = settings.BlocklistEnabled ? OfflineReasons(password, email, name, blocklist) : [];
        if (settings.BreachCheckEnabled)
        {
            var breach = await breaches.CheckAsync(password, cancellationToken);
            if (breach == BreachCheck.Breached || (breach == BreachCheck.Unavailable && failClosed))
            {
                reasons.Add(PasswordWeakness.Breached);
            }
        }

        return reasons.Count == 0 ? null : AuthErrors.WeakPassword(reasons);
    }

    /// <summary>The reasons found without leaving the process, in a stable order.</summary>
    public static List<string> OfflineReasons(string password, string email, string name, IPasswordBlocklist blocklist)
    {
        var reasons = new List<string>(3);
        if (PasswordDisguises.Candidates(password).Any(blocklist.Contains))
        {
            reasons.Add(PasswordWeakness.TooCommon);
        }

        if (PersonalInfo.IsMadeOf(password, email, name))
        {
            reasons.Add(PasswordWeakness.ContainsPersonalInfo);
        }

        if (PasswordPatterns.IsRepetitive(password) || PasswordPatterns.IsSequence(password))
        {
            reasons.Add(PasswordWeakness.Repetitive);
        }

        return reasons;
    }
}
