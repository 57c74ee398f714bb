namespace Auth.Infrastructure.Outbox;

/// <summary>Wakes the dispatcher when this instance commits events, so delivery does not wait for the next poll.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Wake()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one round delivers everything due.
        }
    }

    /// <summary>Completes when woken, or when <paramref name="timeout"/> (on <paramref name="time"/>) has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = pending.WaitAsync(linked.Token);
        var elapsed = Task.Delay(timeout, time, linked.Token);
        var first = await Task.WhenAny(woken, elapsed);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        await first;
    }

    public void Dispose() => pending.Dispose();
}
