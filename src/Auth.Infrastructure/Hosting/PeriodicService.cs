using Auth.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Hosting;

/// <summary>
/// One piece of background work repeated every <see cref="Interval"/> (polling, pruning, delivering). A failed round
/// (database briefly away) is logged and the next one comes on schedule: nothing stops the loop but shutdown. On a
/// database from unknown migrations no round runs; the start-up check says what to do.
/// </summary>
internal abstract partial class PeriodicService(DatabaseSchemaStatus schema, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>False for work that the start-up has just done (the revocation list's first load).</summary>
    protected virtual bool RunsAtStart => true;

    protected TimeProvider Time => time;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>The pause between rounds; a service that can be woken early overrides it.</summary>
    protected virtual Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(Interval, time, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var run = RunsAtStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (run)
                {
                    await schema.WaitWhileRefusedAsync(stoppingToken);
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round must not end the loop; the next one retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, GetType().Name, Interval, e);
            }

            run = true;
            try
            {
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; retrying in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, string work, TimeSpan interval, Exception exception);
}
