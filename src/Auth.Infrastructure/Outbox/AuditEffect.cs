using Auth.Domain.Audit;

namespace Auth.Infrastructure.Outbox;

/// <summary>Writes the audit entry of an event, under the message's id so that a retry never writes it twice.</summary>
internal sealed class AuditEffect : IOutboxEffect
{
    public Task ApplyAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var message = delivery.Message;
        if (SecurityEventMap.For(delivery.Event) is { } record && delivery.Audited.Add(message.Id))
        {
            delivery.Db.AuditEntries.Add(new AuditEntry(
                message.Id, message.OccurredAt, record.Type.ToString(), record.UserId, message.ActorId, message.SessionId,
                message.ClientAddress, message.UserAgent));
        }

        return Task.CompletedTask;
    }
}
