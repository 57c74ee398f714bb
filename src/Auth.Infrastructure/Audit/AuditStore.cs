using Auth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Audit;

/// <summary>The audit table's pruning; like every write, it takes the SQLite write gate (entries come from the outbox).</summary>
internal sealed class AuditStore(AuthDbContext db, WriteGate writeGate)
{
    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.AuditEntries.Where(e => e.At < olderThan).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
