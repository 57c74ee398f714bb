using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Audit;

/// <summary>Deletes audit entries older than <see cref="AuditOptions.Retention"/>, at start and then every interval.</summary>
internal sealed partial class AuditPruner(
    IServiceScopeFactory scopes,
    Persistence.DatabaseSchemaStatus schema,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schema.WaitWhileRefusedAsync(stoppingToken);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var olderThan = time.GetUtcNow() - options.Value.Retention;
                    var pruned = await scope.ServiceProvider.GetRequiredService<AuditStore>().PruneAsync(olderThan, stoppingToken);
                    LogPruned(pruned);
                }

                await Task.Delay(options.Value.PruneInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed prune (database briefly away) must not stop pruning.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPruneFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} audit entries past their retention")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning audit entries failed; retrying at the next interval")]
    private partial void LogPruneFailed(Exception exception);
}
