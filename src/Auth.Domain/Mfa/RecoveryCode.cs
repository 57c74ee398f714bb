namespace Auth.Domain.Mfa;

/// <summary>
/// One of an account's single-use recovery codes, standing in for the authenticator app once. Only a keyed hash is
/// stored; the code has 60 random bits, so a fast hash is enough (it is never a password).
/// </summary>
public sealed class RecoveryCode
{
    /// <summary>Codes in a set.</summary>
    public const int SetSize = 10;

    // For EF Core.
    private RecoveryCode() => Hash = string.Empty;

    private RecoveryCode(Guid userId, string hash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        Hash = hash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set once; a concurrency token, so two requests spending one code cannot both commit.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsUsed => UsedAt is not null;

    public static RecoveryCode Issue(Guid userId, string hash, DateTimeOffset now) => new(userId, hash, now);

    /// <returns>False when already used.</returns>
    public bool Use(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            return false;
        }

        UsedAt = now;
        return true;
    }
}
