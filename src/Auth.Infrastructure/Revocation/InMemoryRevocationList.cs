using System.Collections.Concurrent;
using Auth.Application.Abstractions;

namespace Auth.Infrastructure.Revocation;

/// <summary>
/// Ended sessions whose tokens may still be unexpired, in memory: one dictionary lookup per authenticated request.
/// Its size is bounded by the logouts of one access-token lifetime, not by history, because entries are pruned
/// once every token they cover has expired.
/// </summary>
public sealed class InMemoryRevocationList : IRevocationList
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> revoked = new();
    private volatile bool loaded;
    private long added;

    /// <summary>False until the list was read from the database once; until then every session counts as revoked.</summary>
    public bool IsLoaded => loaded;

    public int Count => revoked.Count;

    public bool IsRevoked(Guid sessionId) => !loaded || revoked.ContainsKey(sessionId);

    /// <summary>Sessions this instance has added since start, its own and other instances' (the revocations metric).</summary>
    public long Added => Interlocked.Read(ref added);

    public void Revoke(Guid sessionId, DateTimeOffset until)
    {
        if (revoked.TryAdd(sessionId, until))
        {
            Interlocked.Increment(ref added);
            return;
        }

        revoked.AddOrUpdate(sessionId, until, (_, existing) => existing > until ? existing : until);
    }

    public void MarkLoaded() => loaded = true;

    public int Prune(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (sessionId, until) in revoked)
        {
            if (until <= now && revoked.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(sessionId, until)))
            {
                removed++;
            }
        }

        return removed;
    }
}
