using Auth.Domain.Users;
using Auth.Infrastructure.Mail;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Outbox;

/// <summary>
/// One round of delivery: claims due messages (a lease, so two instances never work on one row at once), applies
/// every effect to each, and marks it delivered, or failed with a doubling delay until the last try.
/// </summary>
internal sealed partial class OutboxProcessor(
    AuthDbContext db,
    WriteGate writeGate,
    IEnumerable<IOutboxEffect> effects,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<EmailOptions> emailOptions,
    OutboxBacklog backlog,
    AuthMetrics metrics,
    TimeProvider time,
    ILogger<OutboxProcessor> logger)
{
    /// <summary>Marks the dispatcher's own queries in the SQL they send (logs, and tests counting a request's queries).</summary>
    public const string QueryTag = "Outbox dispatcher";

    /// <returns>How many messages were claimed; fewer than a batch means nothing more is due.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var batch = await ClaimAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var ids = batch.ConvertAll(m => m.Id);
        var audited = (await db.AuditEntries.TagWith(QueryTag).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var message in batch)
        {
            var sentMail = await DeliverAsync(message, audited, cancellationToken);
            if (sentMail)
            {
                // A mail has left: record it now, so a crash later in the round does not send it again.
                await SaveAsync(cancellationToken);
            }
        }

        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The audit entries of the round are not stored; the rows stay due and the next round writes them.
            metrics.AuditFailed("store_failed", batch.Count);
            throw;
        }

        return batch.Count;
    }

    /// <summary>Counts what is still undelivered, for the queue-depth gauges.</summary>
    public async Task CountBacklogAsync(CancellationToken cancellationToken)
    {
        var pending = await db.OutboxMessages.TagWith(QueryTag).Where(m => m.ProcessedAt == null)
            .GroupBy(m => m.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        backlog.Update(pending.Where(p => OutboxBacklog.MailTypes.Contains(p.Type)).Sum(p => (long)p.Count), pending.Sum(p => (long)p.Count));
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages.TagWith(QueryTag).AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(outboxOptions.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var claim = Guid.NewGuid();
        var leaseUntil = now + outboxOptions.Value.Lease;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            // Conditional: a row another dispatcher claimed in the meantime is left to it.
            await db.OutboxMessages.TagWith(QueryTag)
                .Where(m => due.Contains(m.Id) && m.ProcessedAt == null && (m.LeaseUntil == null || m.LeaseUntil <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        }

        var claimed = await db.OutboxMessages.TagWith(QueryTag).Where(m => m.LeaseOwner == claim).ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)];
    }

    /// <returns>True when a mail was sent.</returns>
    private async Task<bool> DeliverAsync(OutboxMessage message, ISet<Guid> audited, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var domainEvent = DomainEventSerializer.Deserialize(message.Type, message.Payload);
        if (domainEvent is null)
        {
            LogUnknownEvent(message.Id, message.Type);
            message.Failed(now, $"Unknown event type {message.Type}.", maxAttempts: 1, TimeSpan.Zero);
            return false;
        }

        try
        {
            foreach (var effect in effects)
            {
                await effect.ApplyAsync(new OutboxDelivery(message, domainEvent, db, audited), cancellationToken);
            }
        }
#pragma warning disable CA1031 // Any failure of an effect is retried later; none may stop the round.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var settings = emailOptions.Value;
            var retryIn = message.Failed(now, e.Message, settings.MaxAttempts, settings.RetryDelay);
            if (domainEvent is IMailEvent)
            {
                metrics.MailFailed(dropped: retryIn is null);
            }

            LogFailure(domainEvent, message, retryIn, e);
            return false;
        }

        message.Delivered(now, forgetPayload: domainEvent is IMailEvent);
        return domainEvent is IMailEvent;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void LogFailure(Domain.Events.IDomainEvent domainEvent, OutboxMessage message, TimeSpan? retryIn, Exception e)
    {
        // Only mail can fail on its own (an audit row fails with the whole round); its recipient is logged masked.
        var recipient = domainEvent is IMailEvent mail ? MaskedAddress.Of(mail.Email) : message.Type;
        if (retryIn is { } delay)
        {
            LogRetrying(recipient, message.Attempts, delay, e.Message);
        }
        else
        {
            LogGaveUp(recipient, message.Attempts, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail to {Recipient} failed (try {Attempt}); retrying in {Delay}: {Reason}")]
    private partial void LogRetrying(string recipient, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up sending mail to {Recipient} after {Attempts} tries")]
    private partial void LogGaveUp(string recipient, int attempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} has an unknown event type {EventType}; it is set aside")]
    private partial void LogUnknownEvent(Guid messageId, string eventType);
}
