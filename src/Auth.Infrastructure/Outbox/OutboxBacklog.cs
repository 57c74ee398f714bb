using System.Collections.Frozen;
using Auth.Domain.Users;

namespace Auth.Infrastructure.Outbox;

/// <summary>
/// The undelivered outbox rows as the dispatcher last counted them (after each round), for the queue-depth gauges:
/// a metrics scrape reads these numbers and never queries the database.
/// </summary>
internal sealed class OutboxBacklog
{
    /// <summary>The stored types of the events that ask for a mail: every <see cref="IMailEvent"/>.</summary>
    public static readonly IReadOnlySet<string> MailTypes = typeof(IMailEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMailEvent).IsAssignableFrom(t))
        .Select(t => t.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    private long mails;
    private long events;

    /// <summary>Mails not yet sent (nor given up).</summary>
    public long Mails => Interlocked.Read(ref mails);

    /// <summary>Events whose effects (audit entry, mail) are not yet applied.</summary>
    public long Events => Interlocked.Read(ref events);

    public void Update(long pendingMails, long pendingEvents)
    {
        Interlocked.Exchange(ref mails, pendingMails);
        Interlocked.Exchange(ref events, pendingEvents);
    }
}
