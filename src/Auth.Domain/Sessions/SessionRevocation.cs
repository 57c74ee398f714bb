namespace Auth.Domain.Sessions;

/// <summary>
/// A record that access tokens of a session must be refused. It outlives the session row (an account delete
/// removes sessions) and is needed only while a token of that session could still be unexpired.
/// </summary>
public sealed class SessionRevocation
{
    // For EF Core: materialization sets every property.
    private SessionRevocation()
    {
    }

    private SessionRevocation(Guid sessionId, DateTimeOffset revokedAt, DateTimeOffset expiresAt)
    {
        SessionId = sessionId;
        RevokedAt = revokedAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    public Guid SessionId { get; private set; }

    public DateTimeOffset RevokedAt { get; private set; }

    /// <summary>After this no token of the session can be valid, so the record may be pruned.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <param name="accessTokenLifetime">The longest an access token lives; tokens issued before <paramref name="now"/> expire by then.</param>
    /// <param name="clockSkew">The leeway validators allow past <c>exp</c>.</param>
    public static SessionRevocation For(Guid sessionId, DateTimeOffset now, TimeSpan accessTokenLifetime, TimeSpan clockSkew) =>
        new(sessionId, now, now + accessTokenLifetime + clockSkew);
}
