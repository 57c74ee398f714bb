namespace Auth.Infrastructure.Persistence;

/// <summary>
/// One writer at a time within this process on SQLite. SQLite admits a single writer anyway, and a second one that
/// finds the lock taken is retried by Microsoft.Data.Sqlite with a blocking 150 ms sleep per attempt: under
/// concurrent refreshes that turned 2 ms writes into 130 ms ones. Waiting here instead is asynchronous and
/// in arrival order. Every write takes it: the unit of work, the audit writer and the prunes. SQL Server has row
/// locks and needs no gate: the provider is known when services are registered, so it is decided once there.
/// </summary>
internal sealed class SqliteWriteGate(bool enabled) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return default;
        }

        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose() => gate.Dispose();

    internal readonly struct Releaser(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
