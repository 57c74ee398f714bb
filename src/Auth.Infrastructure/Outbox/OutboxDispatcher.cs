using Auth.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Outbox;

/// <summary>
/// Delivers stored events: at start (what a crash left), whenever this instance commits some, and every poll
/// interval (retries, and rows another instance could not finish).
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    Persistence.DatabaseSchemaStatus schema,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : PeriodicService(schema, time, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        int claimed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            claimed = await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DeliverDueAsync(cancellationToken);
        }
        while (claimed == options.Value.BatchSize);

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().CountBacklogAsync(cancellationToken);
        }
    }

    protected override Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(Interval, Time, cancellationToken);
}
