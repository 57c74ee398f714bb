using Auth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Audit;

internal sealed class AuditStore(AuthDbContext db)
{
    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        db.AuditEntries.Where(e => e.At < olderThan).ExecuteDeleteAsync(cancellationToken);
}
