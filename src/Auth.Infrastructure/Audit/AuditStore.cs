using Auth.Domain.Audit;
using Auth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Audit;

/// <summary>The audit table's writes; like every write, they take the SQLite write gate.</summary>
internal sealed class AuditStore(AuthDbContext db, SqliteWriteGate writeGate)
{
    public async Task AddAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        db.AuditEntries.AddRange(entries);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.AuditEntries.Where(e => e.At < olderThan).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
