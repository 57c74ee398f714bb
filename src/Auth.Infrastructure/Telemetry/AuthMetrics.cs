using System.Diagnostics.Metrics;
using Auth.Application.Common.Security;
using Auth.Infrastructure.Outbox;
using Auth.Infrastructure.Revocation;

namespace Auth.Infrastructure.Telemetry;

/// <summary>
/// The instruments of the <c>Auth</c> meter. Queue depths are the outbox's undelivered rows, as the dispatcher last
/// counted them.
/// </summary>
public sealed class AuthMetrics
{
    private readonly Counter<long> logins;
    private readonly Counter<long> lockouts;
    private readonly Counter<long> refreshes;
    private readonly Counter<long> refreshReuses;
    private readonly Histogram<double> hashDuration;
    private readonly UpDownCounter<long> hashQueue;
    private readonly Counter<long> mailFailures;
    private readonly Counter<long> auditFailures;
    private readonly Counter<long> tokenCacheLookups;

    internal AuthMetrics(IMeterFactory meters, InMemoryRevocationList revocations, OutboxBacklog outbox)
    {
        var meter = meters.Create(AuthTelemetry.Name);
        logins = meter.CreateCounter<long>("auth.logins", "{login}", "Password logins, by outcome (success, failure).");
        lockouts = meter.CreateCounter<long>("auth.lockouts", "{lockout}", "Accounts locked after too many failed logins.");
        refreshes = meter.CreateCounter<long>("auth.refreshes", "{refresh}", "Refresh tokens exchanged for new tokens.");
        refreshReuses = meter.CreateCounter<long>("auth.refresh_token.reuse_detections", "{reuse}", "Rotated refresh tokens presented again: their sessions end.");
        meter.CreateObservableCounter("auth.revocations", () => revocations.Added, "{session}", "Sessions added to the in-memory revocation list.");
        meter.CreateObservableGauge("auth.revocation_list.size", () => revocations.Count, "{session}", "Ended sessions held in memory while their tokens may live.");
        hashDuration = meter.CreateHistogram<double>("auth.password_hash.duration", "s", "Argon2id hash and verify time, queueing excluded.");
        hashQueue = meter.CreateUpDownCounter<long>("auth.password_hash.queue_length", "{request}", "Hashes waiting for a free slot (PasswordHashing:MaxConcurrency).");
        meter.CreateObservableGauge("auth.mail.queue.depth", () => outbox.Mails, "{message}", "Mails waiting in the outbox to be sent.");
        mailFailures = meter.CreateCounter<long>("auth.mail.failures", "{message}", "Failed mail deliveries, by result (retried, dropped).");
        meter.CreateObservableGauge("auth.audit.queue.depth", () => outbox.Events, "{event}", "Events waiting in the outbox for their audit entry (and mail).");
        auditFailures = meter.CreateCounter<long>("auth.audit.failures", "{event}", "Outbox deliveries of an audit entry that failed and will be retried (store_failed).");
        tokenCacheLookups = meter.CreateCounter<long>("auth.token_cache.lookups", "{lookup}", "Validated-token cache lookups, by result (hit, miss): the hit ratio.");
    }

    /// <summary>Counts what a security event says happened.</summary>
    public void Record(SecurityEventType type)
    {
        switch (type)
        {
            case SecurityEventType.LoginSucceeded:
                logins.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
                break;
            case SecurityEventType.LoginFailed:
                logins.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
                break;
            case SecurityEventType.LockedOut:
                lockouts.Add(1);
                break;
            case SecurityEventType.Refreshed:
                refreshes.Add(1);
                break;
            case SecurityEventType.RefreshTokenReused:
                refreshReuses.Add(1);
                break;
        }
    }

    /// <summary>Counts a hash request waiting for its turn until the returned scope ends.</summary>
    public HashQueueScope WaitingForHash()
    {
        hashQueue.Add(1);
        return new HashQueueScope(hashQueue);
    }

    public void HashComputed(string operation, TimeSpan elapsed) =>
        hashDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    public void MailFailed(bool dropped) =>
        mailFailures.Add(1, new KeyValuePair<string, object?>("result", dropped ? "dropped" : "retried"));

    public void AuditFailed(string reason, int events = 1) =>
        auditFailures.Add(events, new KeyValuePair<string, object?>("reason", reason));

    public void TokenCacheLookup(bool hit) =>
        tokenCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public readonly struct HashQueueScope(UpDownCounter<long> queue) : IDisposable
    {
        public void Dispose() => queue.Add(-1);
    }
}
