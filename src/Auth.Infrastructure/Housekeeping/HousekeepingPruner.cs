using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Housekeeping;

/// <summary>Runs <see cref="HousekeepingStore"/> at start and then every <see cref="HousekeepingOptions.PruneInterval"/>.</summary>
internal sealed partial class HousekeepingPruner(
    IServiceScopeFactory scopes,
    IOptions<HousekeepingOptions> options,
    Persistence.DatabaseSchemaStatus schema,
    TimeProvider time,
    ILogger<HousekeepingPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A database from unknown migrations has nothing to prune; the start-up check says what to do.
                await schema.WaitWhileRefusedAsync(stoppingToken);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var now = time.GetUtcNow();
                    var pruned = await scope.ServiceProvider.GetRequiredService<HousekeepingStore>()
                        .PruneAsync(now, now - options.Value.Retention, stoppingToken);
                    LogPruned(pruned.Sessions, pruned.RefreshTokens, pruned.AccountTokens, pruned.LoginThrottles);
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
                await Task.Delay(options.Value.PruneInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Sessions} sessions, {RefreshTokens} refresh tokens, {AccountTokens} account tokens, {Throttles} login throttles")]
    private partial void LogPruned(int sessions, int refreshTokens, int accountTokens, int throttles);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping prune failed; retrying at the next interval")]
    private partial void LogPruneFailed(Exception exception);
}
