using System.Threading.Channels;
using Auth.Domain.Audit;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Audit;

/// <summary>
/// Events on their way to the audit table. Recording one never waits: the hot paths (login, refresh) do not pay
/// for an extra database write, and <see cref="AuditWriter"/> stores them in batches.
/// </summary>
internal sealed class AuditQueue(IOptions<AuditOptions> options)
{
    private readonly Channel<AuditEntry> channel = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<AuditEntry> Reader => channel.Reader;

    /// <returns>False when the queue is full and the entry was dropped.</returns>
    public bool TryAdd(AuditEntry entry) => channel.Writer.TryWrite(entry);
}
