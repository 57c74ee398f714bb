namespace Auth.Infrastructure.Outbox;

/// <summary>
/// A domain event stored in the transaction of the change that raised it, with who caused it, until its durable
/// effects (audit row, mail) are applied. Rows are kept a while after delivery, then pruned.
/// </summary>
public sealed class OutboxMessage
{
    // For EF Core: materialization sets every property.
    private OutboxMessage() => Type = string.Empty;

    internal OutboxMessage(Guid id, DateTimeOffset occurredAt, string type, string payload, string? clientAddress, string? userAgent, Guid? actorId, Guid? sessionId)
    {
        Id = id;
        OccurredAt = occurredAt;
        Type = type;
        Payload = payload;
        ClientAddress = clientAddress;
        UserAgent = userAgent;
        ActorId = actorId;
        SessionId = sessionId;
        NextAttemptAt = occurredAt;
    }

    /// <summary>Time-ordered (version 7) and reused as the audit entry's id, which makes writing that entry idempotent.</summary>
    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event's type name (<c>UserRegistered</c>, ...).</summary>
    public string Type { get; private set; }

    /// <summary>The event as JSON; emptied once delivered when it carried a mailed token.</summary>
    public string? Payload { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>Who acted, when not the account's owner (an administrator).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The session the event concerns: its own, or the caller's when the caller is the account's owner.</summary>
    public Guid? SessionId { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Set once delivered or given up; until then the dispatcher keeps trying.</summary>
    public DateTimeOffset? ProcessedAt { get; private set; }

    public bool GaveUp { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>A dispatcher holds the row until then; another instance takes it over only after.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public Guid? LeaseOwner { get; private set; }

    public void Delivered(DateTimeOffset now, bool forgetPayload)
    {
        Attempts++;
        ProcessedAt = now;
        LastError = null;
        LeaseUntil = null;
        LeaseOwner = null;
        if (forgetPayload)
        {
            Payload = null;
        }
    }

    /// <returns>The wait before the next try, or null when this was the last.</returns>
    public TimeSpan? Failed(DateTimeOffset now, string error, int maxAttempts, TimeSpan firstRetryDelay)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        LeaseUntil = null;
        LeaseOwner = null;
        if (Attempts >= maxAttempts)
        {
            ProcessedAt = now;
            GaveUp = true;
            Payload = null;
            return null;
        }

        var delay = firstRetryDelay * Math.Pow(2, Attempts - 1);
        NextAttemptAt = now + delay;
        return delay;
    }

    public const int MaxErrorLength = 500;
}
