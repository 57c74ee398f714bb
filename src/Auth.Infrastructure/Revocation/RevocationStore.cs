using Auth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Revocation;

/// <summary>The database side of the revocation list: reads for loading and polling, and pruning.</summary>
internal sealed class RevocationStore(AuthDbContext db, WriteGate writeGate)
{
    public async Task<IReadOnlyList<(Guid SessionId, DateTimeOffset ExpiresAt, DateTimeOffset RevokedAt)>> ReadAsync(
        DateTimeOffset revokedSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.SessionRevocations.AsNoTracking()
            .Where(r => r.RevokedAt >= revokedSince && r.ExpiresAt > now)
            .Select(r => new { r.SessionId, r.ExpiresAt, r.RevokedAt })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (r.SessionId, r.ExpiresAt, r.RevokedAt));
    }

    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.SessionRevocations.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
