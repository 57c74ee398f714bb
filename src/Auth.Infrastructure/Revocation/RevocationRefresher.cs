using Microsoft.Extensions.Hosting;
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
    ILogger<RevocationRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextPrune = time.GetUtcNow() + settings.PruneInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
                await schema.WaitWhileRefusedAsync(stoppingToken);
                await synchronizer.SynchronizeAsync(stoppingToken);
                if (time.GetUtcNow() >= nextPrune)
                {
                    nextPrune = time.GetUtcNow() + settings.PruneInterval;
                    var pruned = await synchronizer.PruneAsync(stoppingToken);
                    LogPruned(pruned);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed poll (database briefly away) must not stop polling.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPollFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} expired session revocations")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading session revocations failed; retrying on the next poll")]
    private partial void LogPollFailed(Exception exception);
}
