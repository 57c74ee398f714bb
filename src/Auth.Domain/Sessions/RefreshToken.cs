namespace Auth.Domain.Sessions;

/// <summary>
/// One refresh token of a session, stored by hash. Each works once: using it records when, and seals its
/// successor so that a racing second tab can be handed the same successor within a short grace window.
/// Kept after use so that a replay of an old token is recognised as reuse. Only its <see cref="Session"/> issues
/// and rotates it.
/// </summary>
public sealed class RefreshToken
{
    // For EF Core: materialization sets every property.
    private RefreshToken() => Hash = string.Empty;

    private RefreshToken(string hash, Guid sessionId, DateTimeOffset issuedAt)
    {
        Hash = hash;
        SessionId = sessionId;
        IssuedAt = issuedAt;
    }

    public string Hash { get; private set; }

    public Guid SessionId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>When it was exchanged; null while it is the session's current token.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The successor, encrypted under a key only this token's plaintext yields (see the token sealer).</summary>
    public string? SealedSuccessor { get; private set; }

    internal static RefreshToken Issue(Guid sessionId, string hash, DateTimeOffset now) => new(hash, sessionId, now);

    internal void MarkUsed(DateTimeOffset now, string sealedSuccessor)
    {
        UsedAt = now;
        SealedSuccessor = sealedSuccessor;
    }

    /// <summary>Used so recently that a second presentation is a racing tab, not a replay.</summary>
    public bool WasUsedWithin(TimeSpan grace, DateTimeOffset now) => UsedAt is { } used && now - used <= grace;
}
