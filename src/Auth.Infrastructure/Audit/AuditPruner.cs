using Auth.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Audit;

/// <summary>Deletes audit entries older than <see cref="AuditOptions.Retention"/>, at start and then every interval.</summary>
internal sealed partial class AuditPruner(
    IServiceScopeFactory scopes,
    Persistence.DatabaseSchemaStatus schema,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditPruner> logger) : PeriodicService(schema, time, logger)
{
    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var olderThan = Time.GetUtcNow() - options.Value.Retention;
        var pruned = await scope.ServiceProvider.GetRequiredService<AuditStore>().PruneAsync(olderThan, cancellationToken);
        LogPruned(pruned);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} audit entries past their retention")]
    private partial void LogPruned(int count);
}
