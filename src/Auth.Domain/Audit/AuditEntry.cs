using Auth.Domain.Sessions;

namespace Auth.Domain.Audit;

/// <summary>
/// One stored security event: who did what to which account, when and from where. Never a password, token or hash.
/// </summary>
public sealed class AuditEntry
{
    // For EF Core.
    private AuditEntry()
    {
        Type = string.Empty;
    }

    /// <param name="id">Time-ordered; the id of the stored event it records, so recording it twice is detectable.</param>
    public AuditEntry(Guid id, DateTimeOffset at, string type, Guid? userId, Guid? actorId, Guid? sessionId, string? clientAddress, string? userAgent)
    {
        Id = id;
        // Kept in UTC to the millisecond, the precision the trail is shown with, so a time copied from a listing
        // into from/to matches the entry it came from.
        At = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        Type = type;
        UserId = userId;
        ActorId = actorId;
        SessionId = sessionId;
        ClientAddress = clientAddress;
        UserAgent = Session.TruncateUserAgent(userAgent);
    }

    public const int MaxUserAgentLength = Session.MaxUserAgentLength;

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The event's name (<c>LoginFailed</c>, <c>RoleGranted</c>, ...).</summary>
    public string Type { get; private set; }

    /// <summary>The account the event is about.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Who acted, when not the user themselves (an administrator).</summary>
    public Guid? ActorId { get; private set; }

    public Guid? SessionId { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }
}
