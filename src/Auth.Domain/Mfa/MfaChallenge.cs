namespace Auth.Domain.Mfa;

/// <summary>What an mfaToken lets its holder do.</summary>
public enum MfaChallengePurpose
{
    /// <summary>The password was right; a second factor finishes the sign-in.</summary>
    SignIn,

    /// <summary>The password was right but the account's role needs a second factor it lacks: enrol, nothing else.</summary>
    Enrolment,
}

/// <summary>
/// The ticket a sign-in hands out between the password and the second factor (the <c>mfaToken</c>): random, single
/// use, short-lived, bound to the client that proved the password. Only its hash is stored. Wrong codes against it
/// count, and the last allowed one spends it.
/// </summary>
public sealed class MfaChallenge
{
    // For EF Core.
    private MfaChallenge() => TokenHash = string.Empty;

    private MfaChallenge(string tokenHash, Guid userId, MfaChallengePurpose purpose, Guid? deviceId, string? userAgent, DateTimeOffset now, TimeSpan lifetime,
        string? passkeyOptions)
    {
        PasskeyOptions = passkeyOptions;
        TokenHash = tokenHash;
        UserId = userId;
        Purpose = purpose;
        DeviceId = deviceId;
        UserAgent = Sessions.Session.TruncateUserAgent(userAgent);
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public string TokenHash { get; private set; }

    public Guid UserId { get; private set; }

    public MfaChallengePurpose Purpose { get; private set; }

    /// <summary>The known device the password came from: its lockout budget, not the email's, pays for wrong codes.</summary>
    public Guid? DeviceId { get; private set; }

    /// <summary>The client that proved the password; another one cannot finish its sign-in.</summary>
    public string? UserAgent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Failures { get; private set; }

    /// <summary>
    /// The WebAuthn request options (JSON, with their random challenge) handed out with the token when the account has
    /// passkeys: a passkey's assertion answering them proves the second factor. Spent with the token.
    /// </summary>
    public string? PasskeyOptions { get; private set; }

    /// <summary>Set when used or worn out by wrong codes; a concurrency token (single use under concurrency).</summary>
    public DateTimeOffset? SpentAt { get; private set; }

    /// <summary>
    /// How the first factor was proven (<c>amr</c> values, space-separated): a password's sign-in, or an external
    /// provider's. The session names both factors. Null on rows from before it was kept: a password.
    /// </summary>
    public string? FirstFactor { get; private set; }

    public IReadOnlyList<string> FirstFactorAmr =>
        FirstFactor is { Length: > 0 } first ? first.Split(' ') : Sessions.AuthenticationMethods.PasswordOnly;

    public static MfaChallenge Issue(string tokenHash, Guid userId, MfaChallengePurpose purpose, Guid? deviceId, string? userAgent,
        DateTimeOffset now, TimeSpan lifetime, string? passkeyOptions = null, IEnumerable<string>? firstFactor = null) =>
        new(tokenHash, userId, purpose, deviceId, userAgent, now, lifetime, passkeyOptions)
        {
            FirstFactor = firstFactor is null ? null : string.Join(' ', firstFactor),
        };

    /// <summary>Unspent, unexpired, for this purpose and presented by the client it was issued to.</summary>
    public bool IsUsable(MfaChallengePurpose purpose, string? userAgent, DateTimeOffset now) =>
        Purpose == purpose && SpentAt is null && now < ExpiresAt
        && string.Equals(UserAgent, Sessions.Session.TruncateUserAgent(userAgent), StringComparison.Ordinal);

    /// <summary>Counts a wrong code; the <paramref name="maxFailures"/>th spends the challenge.</summary>
    public void Fail(int maxFailures, DateTimeOffset now)
    {
        Failures++;
        if (Failures >= maxFailures)
        {
            SpentAt ??= now;
        }
    }

    /// <summary>The sign-in finished.</summary>
    public void Spend(DateTimeOffset now) => SpentAt ??= now;
}
