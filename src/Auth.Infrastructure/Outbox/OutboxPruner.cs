using Auth.Infrastructure.Hosting;
using Auth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Outbox;

/// <summary>Deletes messages delivered (or given up) longer ago than <see cref="OutboxOptions.Retention"/>; pending ones stay.</summary>
internal sealed partial class OutboxPruner(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    DatabaseSchemaStatus schema,
    TimeProvider time,
    ILogger<OutboxPruner> logger) : PeriodicService(schema, time, logger)
{
    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var olderThan = Time.GetUtcNow() - options.Value.Retention;
        int pruned;
        using (await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(cancellationToken))
        {
            pruned = await db.OutboxMessages.TagWith(OutboxProcessor.QueryTag).Where(m => m.ProcessedAt != null && m.ProcessedAt < olderThan).ExecuteDeleteAsync(cancellationToken);
        }

        LogPruned(pruned);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} delivered outbox messages past their retention")]
    private partial void LogPruned(int count);
}
