using Auth.Application.Common.Events;
using Auth.Application.Common.Security;
using Auth.Domain.Events;

namespace Auth.Infrastructure.Outbox;

/// <summary>A domain event with who caused it, as stored in the outbox and handed to the post-commit observers.</summary>
/// <param name="Record">What the audit trail and the security log call it; null when they do not record it.</param>
internal sealed record CommittedEvent(IDomainEvent Event, SecurityRecord? Record, Guid? ActorId, Guid? SessionId, ClientInfo Client)
{
    public static CommittedEvent Stamp(IDomainEvent domainEvent, EventOrigin origin)
    {
        var record = SecurityEventMap.For(domainEvent);
        var userId = record?.UserId;
        var callerIsOwner = origin.CallerId is null || origin.CallerId == userId;
        return new CommittedEvent(
            domainEvent,
            record,
            callerIsOwner ? null : origin.CallerId,
            record?.SessionId ?? (callerIsOwner ? origin.SessionId : null),
            origin.Client);
    }
}

/// <summary>
/// Told of each event right after its commit, in the instance that committed it: for what must hold before the
/// response leaves (this instance refusing an ended session's tokens) and for logs and metrics. Not retried, not
/// durable: what must survive a crash is an outbox effect instead.
/// </summary>
internal interface ICommittedEventObserver
{
    void OnCommitted(CommittedEvent committed);
}
