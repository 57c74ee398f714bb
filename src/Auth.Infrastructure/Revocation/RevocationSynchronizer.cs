using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Revocation;

/// <summary>Brings the in-memory list up to date with the database: a full load at start, then deltas.</summary>
public sealed class RevocationSynchronizer(
    IServiceScopeFactory scopes,
    InMemoryRevocationList list,
    IOptions<RevocationOptions> options,
    TimeProvider time)
{
    private DateTimeOffset newestSeen = DateTimeOffset.MinValue;

    /// <summary>Reads every revocation whose tokens may be unexpired (first call) or those since the last read.</summary>
    public async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = list.IsLoaded ? newestSeen - options.Value.Overlap : DateTimeOffset.MinValue;
        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<RevocationStore>().ReadAsync(since, now, cancellationToken);
        foreach (var (sessionId, expiresAt, revokedAt) in rows)
        {
            list.Revoke(sessionId, expiresAt);
            if (revokedAt > newestSeen)
            {
                newestSeen = revokedAt;
            }
        }

        if (!list.IsLoaded)
        {
            // Nothing seen yet: start the window at now, so the next poll does not reread all history.
            newestSeen = newestSeen == DateTimeOffset.MinValue ? now : newestSeen;
            list.MarkLoaded();
        }
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        list.Prune(now);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevocationStore>().PruneAsync(now, cancellationToken);
    }
}
