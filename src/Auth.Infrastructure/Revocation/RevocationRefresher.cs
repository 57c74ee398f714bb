using Auth.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Revocation;

/// <summary>
/// Polls the database for revocations written by other instances every <see cref="RevocationOptions.PollInterval"/>,
/// and prunes expired ones. This is the only database work revocation costs: requests never query it.
/// </summary>
internal sealed partial class RevocationRefresher(
    RevocationSynchronizer synchronizer,
    Persistence.DatabaseSchemaStatus schema,
    IOptions<RevocationOptions> options,
    TimeProvider time,
    ILogger<RevocationRefresher> logger) : PeriodicService(schema, time, logger)
{
    private DateTimeOffset nextPrune = time.GetUtcNow() + options.Value.PruneInterval;

    protected override TimeSpan Interval => options.Value.PollInterval;

    // The start-up loads the list before the first request; the first poll comes one interval later.
    protected override bool RunsAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await synchronizer.SynchronizeAsync(cancellationToken);
        if (Time.GetUtcNow() >= nextPrune)
        {
            nextPrune = Time.GetUtcNow() + options.Value.PruneInterval;
            var pruned = await synchronizer.PruneAsync(cancellationToken);
            LogPruned(pruned);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} expired session revocations")]
    private partial void LogPruned(int count);
}
