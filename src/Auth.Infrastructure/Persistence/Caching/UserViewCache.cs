using System.Collections.Concurrent;
using Auth.Application.Users;

namespace Auth.Infrastructure.Persistence.Caching;

/// <summary>
/// This instance's recently read user views, so <c>GET /auth/user</c> needs no query while a frontend polls it.
/// Every save through this instance that changes or deletes a user drops that user's entry
/// (<see cref="UserCacheInvalidator"/>); a change saved by another instance shows here within
/// <see cref="Lifetime"/>, the same bound (about a second) in which its revocations reach this instance.
/// The count is bounded; when full, the whole cache is dropped rather than tracking recency on every read.
/// </summary>
public sealed class UserViewCache(TimeProvider time, int capacity = UserViewCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();
    private long generation;

    public int Count => entries.Count;

    /// <summary>Read before a database read; <see cref="Add"/> refuses the result if an invalidation came between.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(Guid userId, out UserView? view)
    {
        if (entries.TryGetValue(userId, out var entry) && time.GetUtcNow() < entry.Expires)
        {
            view = entry.View;
            return true;
        }

        view = null;
        return false;
    }

    /// <summary>
    /// Caches a view read from the database, unless any user was invalidated since <paramref name="readGeneration"/>:
    /// the read may then predate that change, and caching it would resurrect the old values for a whole lifetime.
    /// </summary>
    public void Add(UserView view, long readGeneration)
    {
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[view.Id] = new Entry(view, time.GetUtcNow() + Lifetime);
        if (Generation != readGeneration)
        {
            entries.TryRemove(view.Id, out _);
        }
    }

    public void Invalidate(Guid userId)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove(userId, out _);
    }

    private sealed record Entry(UserView View, DateTimeOffset Expires);
}
