namespace Auth.Infrastructure.Security.Passwords.Breaches;

/// <summary>
/// The most recently used ranges, each kept for a while: a popular password's range is asked once, not at every
/// login. Small and bounded; a missed entry costs one HTTP call.
/// </summary>
internal sealed class PwnedRangeCache(int capacity, TimeSpan lifetime, TimeProvider time)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> byPrefix = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private readonly Lock gate = new();

    public PwnedRange? Get(string prefix)
    {
        lock (gate)
        {
            if (!byPrefix.TryGetValue(prefix, out var node))
            {
                return null;
            }

            if (time.GetUtcNow() >= node.Value.Expires)
            {
                Remove(node);
                return null;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value.Range;
        }
    }

    public void Add(string prefix, PwnedRange range)
    {
        if (capacity == 0 || lifetime <= TimeSpan.Zero)
        {
            return;
        }

        lock (gate)
        {
            if (byPrefix.TryGetValue(prefix, out var existing))
            {
                Remove(existing);
            }

            byPrefix[prefix] = recency.AddFirst(new Entry(prefix, range, time.GetUtcNow() + lifetime));
            while (byPrefix.Count > capacity)
            {
                Remove(recency.Last!);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        byPrefix.Remove(node.Value.Prefix);
    }

    private sealed record Entry(string Prefix, PwnedRange Range, DateTimeOffset Expires);
}
