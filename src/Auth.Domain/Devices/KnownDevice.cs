using Auth.Domain.Sessions;

namespace Auth.Domain.Devices;

/// <summary>
/// A client that signed in to an account with its password: it holds a device token (OWASP's device cookie), kept
/// here only as a hash. Presenting it at the next login gives the device a lockout budget of its own, so failures
/// from anywhere else cannot lock it out, and tells the owner's sign-ins from new ones.
/// </summary>
public sealed class KnownDevice
{
    // For EF Core: materialization sets every property.
    private KnownDevice() => TokenHash = string.Empty;

    private KnownDevice(Guid userId, string tokenHash, DateTimeOffset now, DateTimeOffset expiresAt, string? clientAddress, string? userAgent)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = now;
        LastSignInAt = now;
        ExpiresAt = expiresAt;
        ClientAddress = clientAddress;
        UserAgent = Session.TruncateUserAgent(userAgent);
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSignInAt { get; private set; }

    /// <summary>Moves forward with every sign-in: a device unused this long is forgotten.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Where the device last signed in from.</summary>
    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static KnownDevice Register(Guid userId, string tokenHash, DateTimeOffset now, TimeSpan lifetime, string? clientAddress, string? userAgent) =>
        new(userId, tokenHash, now, now + lifetime, clientAddress, userAgent);

    /// <summary>Known to <paramref name="userId"/> at <paramref name="now"/>: neither revoked nor expired, and that user's.</summary>
    public bool IsKnownTo(Guid userId, DateTimeOffset now) => UserId == userId && RevokedAt is null && ExpiresAt > now;

    public void SignedIn(DateTimeOffset now, TimeSpan lifetime, string? clientAddress, string? userAgent)
    {
        LastSignInAt = now;
        ExpiresAt = now + lifetime;
        ClientAddress = clientAddress;
        UserAgent = Session.TruncateUserAgent(userAgent);
    }

    /// <summary>Revokes once; a revoked device's token is an unknown client's from then on.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}
