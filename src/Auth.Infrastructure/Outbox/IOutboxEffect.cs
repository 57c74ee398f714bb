using Auth.Domain.Events;
using Auth.Infrastructure.Persistence;

namespace Auth.Infrastructure.Outbox;

/// <summary>
/// One durable consequence of stored events (an audit row, a mail), applied by the dispatcher until it succeeds.
/// Effects must tolerate being applied again: a crash after a mail left but before its row was marked sends it twice.
/// </summary>
internal interface IOutboxEffect
{
    Task ApplyAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}

/// <param name="Db">The dispatcher's context: rows added here commit with the message's state.</param>
/// <param name="Audited">Messages of this round whose audit entry exists already (an earlier try wrote it).</param>
internal sealed record OutboxDelivery(OutboxMessage Message, IDomainEvent Event, AuthDbContext Db, ISet<Guid> Audited);
