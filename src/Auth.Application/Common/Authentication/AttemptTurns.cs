namespace Auth.Application.Common.Authentication;

/// <summary>
/// Lets one password attempt per lockout budget run at a time in this instance: counting the failure, checking the
/// password and forgiving it when it proves right. Concurrent correct logins of one account (a mobile reconnect
/// storm, a shared service account) then each see the budget as the one before left it, instead of all counting
/// before any is forgiven. Other instances are bounded by the database's atomic counter. Entries live only while
/// someone holds or waits for them.
/// </summary>
public sealed class AttemptTurns
{
    private readonly Dictionary<string, Slot> slots = new(StringComparer.Ordinal);

    /// <summary>Budgets held or waited for now.</summary>
    public int Count
    {
        get
        {
            lock (slots)
            {
                return slots.Count;
            }
        }
    }

    public async ValueTask<Turn> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Slot slot;
        lock (slots)
        {
            if (!slots.TryGetValue(key, out slot!))
            {
                slot = new Slot();
                slots.Add(key, slot);
            }

            slot.Users++;
        }

        try
        {
            await slot.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, slot);
            throw;
        }

        return new Turn(this, key, slot);
    }

    private void Leave(string key, Slot slot)
    {
        lock (slots)
        {
            if (--slot.Users == 0)
            {
                slots.Remove(key);
            }
        }
    }

    /// <summary>Held for the whole attempt; disposing it lets the next attempt on the budget run.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly AttemptTurns turns;
        private readonly string key;
        private Slot? slot;

        internal Turn(AttemptTurns turns, string key, Slot slot)
        {
            this.turns = turns;
            this.key = key;
            this.slot = slot;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref slot, null) is { } held)
            {
                held.Gate.Release();
                turns.Leave(key, held);
            }
        }
    }

    internal sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Guarded by the dictionary's lock.
        public int Users { get; set; }
    }
}
