namespace Auth.Application.Sessions.Login;

/// <summary>
/// Lets one update of an email's lockout counter run at a time in this instance. The counter is updated
/// optimistically (read, change, save if nobody saved in between, else retry); concurrent logins of one account
/// would otherwise mostly fail that check and retry, each failure an exception. Other instances still meet the
/// optimistic check. Entries live only while someone holds or waits for them.
/// </summary>
public sealed class PerEmailTurns
{
    private readonly Dictionary<string, Slot> slots = new(StringComparer.Ordinal);

    /// <summary>Emails held or waited for now.</summary>
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

    public async ValueTask<Turn> EnterAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        Slot slot;
        lock (slots)
        {
            if (!slots.TryGetValue(normalizedEmail, out slot!))
            {
                slot = new Slot();
                slots.Add(normalizedEmail, slot);
            }

            slot.Users++;
        }

        try
        {
            await slot.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(normalizedEmail, slot);
            throw;
        }

        return new Turn(this, normalizedEmail, slot);
    }

    private void Leave(string normalizedEmail, Slot slot)
    {
        lock (slots)
        {
            if (--slot.Users == 0)
            {
                slots.Remove(normalizedEmail);
            }
        }
    }

    /// <summary>Held while the counter is read and saved; disposing it lets the next update of the email run.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly PerEmailTurns turns;
        private readonly string email;
        private readonly Slot slot;

        internal Turn(PerEmailTurns turns, string email, Slot slot)
        {
            this.turns = turns;
            this.email = email;
            this.slot = slot;
        }

        public void Dispose()
        {
            slot.Gate.Release();
            turns.Leave(email, slot);
        }
    }

    internal sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Guarded by the dictionary's lock.
        public int Users { get; set; }
    }
}
