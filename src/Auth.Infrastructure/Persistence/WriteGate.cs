using Auth.Infrastructure.Persistence.Providers;

namespace Auth.Infrastructure.Persistence;

/// <summary>
/// One writer at a time within this process, on a provider that admits a single writer anyway
/// (<see cref="DatabaseProvider.SingleWriter"/>: SQLite). There a second writer that finds the lock taken is retried
/// by Microsoft.Data.Sqlite with a blocking 150 ms sleep per attempt: under concurrent refreshes that turned 2 ms
/// writes into 130 ms ones. Waiting here instead is asynchronous and in arrival order. Every write takes it: the unit
/// of work, the audit writer and the prunes. Providers with row locks pass through.
/// </summary>
internal sealed class WriteGate(bool enabled) : IDisposable
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
