using Auth.Application.Abstractions;
using Auth.Application.Common.Events;
using Auth.Domain.Events;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.Infrastructure.Persistence;

namespace Auth.Infrastructure.Outbox;

/// <summary>
/// The unit of work's side of the events: before the commit it adds their rows to the same transaction (an outbox
/// row for the durable effects, a revocation row for an ended session), after it tells the observers and wakes the
/// dispatcher.
/// </summary>
internal sealed class EventOutbox(
    AuthDbContext db,
    EventOrigin origin,
    ITokenLifetimes lifetimes,
    IEnumerable<ICommittedEventObserver> observers,
    OutboxSignal signal)
{
    /// <returns>What was added, for <see cref="Unstage"/> when the commit fails.</returns>
    public Staged Stage(IReadOnlyList<IDomainEvent> events)
    {
        var committed = new List<CommittedEvent>(events.Count);
        var rows = new List<object>();
        foreach (var domainEvent in events)
        {
            var stamped = CommittedEvent.Stamp(domainEvent, origin);
            committed.Add(stamped);
            if (domainEvent is SessionEnded ended)
            {
                // Other instances learn of the end from this row (see the revocation synchronizer).
                var revocation = SessionRevocation.For(ended.SessionId, ended.At, lifetimes.AccessToken, lifetimes.ClockSkew);
                db.SessionRevocations.Add(revocation);
                rows.Add(revocation);
            }

            if (stamped.Record is not null || domainEvent is IMailEvent)
            {
                var message = new OutboxMessage(
                    Guid.CreateVersion7(domainEvent.At), domainEvent.At, DomainEventSerializer.TypeName(domainEvent),
                    DomainEventSerializer.Serialize(domainEvent), stamped.Client.Address, Session.TruncateUserAgent(stamped.Client.UserAgent),
                    stamped.ActorId, stamped.SessionId);
                db.OutboxMessages.Add(message);
                rows.Add(message);
            }
        }

        return new Staged(committed, rows);
    }

    /// <summary>Takes the rows out of a failed commit, so a retry of the same unit of work does not write them twice.</summary>
    public void Unstage(Staged staged)
    {
        foreach (var row in staged.Rows)
        {
            db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
    }

    public void Committed(Staged staged)
    {
        foreach (var committed in staged.Events)
        {
            foreach (var observer in observers)
            {
                observer.OnCommitted(committed);
            }
        }

        if (staged.Rows.OfType<OutboxMessage>().Any())
        {
            signal.Wake();
        }
    }

    internal sealed record Staged(IReadOnlyList<CommittedEvent> Events, IReadOnlyList<object> Rows);
}
