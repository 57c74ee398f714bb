namespace Auth.Domain.Sessions;

/// <summary>
/// How a session's sign-in was proven: RFC 8176 <c>amr</c> values, and the NIST SP 800-63B assurance level they make.
/// </summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";

    /// <summary>A one-time code: an authenticator app's TOTP or a recovery code.</summary>
    public const string OneTimePassword = "otp";

    /// <summary>
    /// A passkey bound to one device (RFC 8176 "proof-of-possession of a hardware-secured key"): its key cannot leave
    /// the authenticator.
    /// </summary>
    public const string HardwareKey = "hwk";

    /// <summary>A synced passkey (backup eligible): its key is copied between the owner's devices by their provider.</summary>
    public const string SoftwareKey = "swk";

    /// <summary>
    /// An external identity provider vouched for the person (not an RFC 8176 value: the provider's own values, when it
    /// reports them, come beside it).
    /// </summary>
    public const string External = "ext";

    /// <summary>More than one factor was proven.</summary>
    public const string MultiFactor = "mfa";

    public const string Aal1 = "aal1";

    public const string Aal2 = "aal2";

    public static IReadOnlyList<string> PasswordOnly { get; } = [Password];

    public static IReadOnlyList<string> PasswordAndOneTimeCode { get; } = [Password, OneTimePassword, MultiFactor];

    /// <summary>
    /// A passkey with user verification: possession of the key, and the PIN or biometric the authenticator checked
    /// (see docs/decisions/0013-passkeys.md).
    /// </summary>
    public static IReadOnlyList<string> Passkey(bool backupEligible) => [backupEligible ? SoftwareKey : HardwareKey, MultiFactor];

    /// <summary>A password, then a passkey as the second factor.</summary>
    public static IReadOnlyList<string> PasswordAndPasskey(bool backupEligible) => [Password, backupEligible ? SoftwareKey : HardwareKey, MultiFactor];

    /// <summary>
    /// An external sign-in: <c>ext</c>, then the provider's own RFC 8176 values, except <c>mfa</c>: what another
    /// service says of its own sign-in does not make two factors here (see docs/decisions/0014-external-providers.md).
    /// </summary>
    public static IReadOnlyList<string> ExternalSignIn(IEnumerable<string> reported) =>
        [External, .. reported.Where(Registered.Contains).Where(v => v != MultiFactor).Distinct()];

    /// <summary>The RFC 8176 values a provider may report that a session here repeats.</summary>
    private static readonly HashSet<string> Registered = ["face", "fpt", "geo", "hwk", "iris", "kba", "mca", "mfa", "otp", "pin", "pop", "pwd", "rba", "retina", "sc", "sms", "swk", "tel", "user", "vbm", "wia"];

    /// <summary>A second factor after a first one (a password, or an external provider): both are named, then <c>mfa</c>.</summary>
    public static IReadOnlyList<string> TwoFactors(IEnumerable<string> first, string second) =>
        [.. first.Where(v => v != MultiFactor).Append(second).Append(MultiFactor).Distinct()];

    /// <summary>Two factors make AAL2; one makes AAL1.</summary>
    public static string AssuranceLevel(IEnumerable<string> amr) => amr.Contains(MultiFactor) ? Aal2 : Aal1;
}
