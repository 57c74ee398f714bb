using Auth.Domain.Events;

namespace Auth.Domain.Sessions;

/// <summary>
/// One sign-in on one device. Access tokens name it in their <c>sid</c> claim, so ending it ends them;
/// its refresh token is kept only as a hash.
/// </summary>
public sealed class Session : AggregateRoot
{
    // For EF Core: materialization sets every property.
    private Session()
    {
    }

    private Session(Guid id, Guid userId, DateTimeOffset now, DateTimeOffset expiresAt, string? clientAddress, string? userAgent)
    {
        Id = id;
        UserId = userId;
        CreatedAt = now;
        LastUsedAt = now;
        ExpiresAt = expiresAt;
        ClientAddress = clientAddress;
        UserAgent = userAgent;
    }

    /// <summary>Longest user agent kept; browsers send far less, anything longer is noise or abuse.</summary>
    public const int MaxUserAgentLength = 512;

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    /// <summary>The absolute end of the session: its refresh token stops working then.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public static Session Start(Guid userId, DateTimeOffset now, TimeSpan lifetime, string? clientAddress, string? userAgent) =>
        new(Guid.CreateVersion7(now), userId, now, now + lifetime, clientAddress, TruncateUserAgent(userAgent));

    public bool IsActive(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    /// <summary>Active, and used within <paramref name="idleLifetime"/>: a refresh token unused that long stops working.</summary>
    public bool IsActive(DateTimeOffset now, TimeSpan idleLifetime) => IsActive(now) && LastUsedAt + idleLifetime > now;

    /// <summary>The session's refresh token was exchanged now.</summary>
    public void Touch(DateTimeOffset now)
    {
        LastUsedAt = now;
        Raise(new SessionRefreshed(Id, UserId, now));
    }

    /// <summary>Ends the session once; ending an ended session keeps the first reason and time.</summary>
    public bool End(DateTimeOffset now, SessionEndReason reason)
    {
        if (EndedAt is not null)
        {
            return false;
        }

        EndedAt = now;
        EndReason = reason;
        Raise(new SessionEnded(Id, UserId, reason, now));
        return true;
    }

    /// <summary>A user agent as stored: cut to <see cref="MaxUserAgentLength"/>, since clients choose its length.</summary>
    public static string? TruncateUserAgent(string? value) =>
        value is { Length: > MaxUserAgentLength } ? value[..MaxUserAgentLength] : value;
}
