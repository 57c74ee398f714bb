using Auth.Domain.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Audit;

/// <summary>Drains the audit queue into the table in batches.</summary>
internal sealed partial class AuditWriter(
    AuditQueue queue,
    IServiceScopeFactory scopes,
    ILogger<AuditWriter> logger,
    Telemetry.AuthMetrics? metrics = null) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>(BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteAvailableAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: store what is already queued rather than lose it.
            await WriteAvailableAsync(batch, CancellationToken.None);
        }
    }

    private async Task WriteAvailableAsync(List<AuditEntry> batch, CancellationToken cancellationToken)
    {
        while (queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
            if (batch.Count == BatchSize)
            {
                await StoreAsync(batch, cancellationToken);
            }
        }

        await StoreAsync(batch, cancellationToken);
    }

    private async Task StoreAsync(List<AuditEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditStore>().AddAsync(batch, cancellationToken);
        }
#pragma warning disable CA1031 // The trail must not stop the service; the events are in the log as well.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            metrics?.AuditFailed("store_failed", batch.Count);
            LogWriteFailed(batch.Count, e);
        }

        batch.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} audit entries failed; they remain in the log only")]
    private partial void LogWriteFailed(int count, Exception exception);
}
