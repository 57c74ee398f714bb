namespace Auth.Domain.Passkeys;

/// <summary>What a passkey challenge was issued for.</summary>
public enum PasskeyCeremony
{
    /// <summary>Creating a passkey for a signed-in account.</summary>
    Registration,

    /// <summary>Signing in with a passkey, no password.</summary>
    SignIn,
}

/// <summary>
/// A WebAuthn ceremony begun and not yet finished: the options sent to the browser (with their random challenge), kept
/// in the database so any instance can finish it. Single use: finishing deletes the row, and only the caller whose
/// delete removed it goes on. Expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class PasskeyChallenge
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // For EF Core.
    private PasskeyChallenge() => Options = string.Empty;

    private PasskeyChallenge(PasskeyCeremony ceremony, Guid? userId, string options, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Ceremony = ceremony;
        UserId = userId;
        Options = options;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public PasskeyCeremony Ceremony { get; private set; }

    /// <summary>The account a registration is for, or the account a sign-in was narrowed to by its email; else null.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The options as sent (JSON): the verifier checks the browser's answer against them.</summary>
    public string Options { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static PasskeyChallenge Issue(PasskeyCeremony ceremony, Guid? userId, string options, DateTimeOffset now) => new(ceremony, userId, options, now);
}
