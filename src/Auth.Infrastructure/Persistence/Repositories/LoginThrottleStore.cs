using System.Data.Common;
using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Auth.Infrastructure.Persistence.Configurations;
using Auth.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

/// <summary>
/// Each change is one conditional <c>UPDATE</c> run at once (<c>ExecuteUpdate</c>), never through the change tracker,
/// so it commits on its own and two instances counting the same key both count: the database applies
/// <c>Failures = Failures + 1</c> to the row as it is, and the condition "not locked" is checked by the same
/// statement that counts.
/// </summary>
internal sealed class LoginThrottleStore(AuthDbContext db, WriteGate writeGate, DatabaseProvider provider) : ILoginThrottleStore
{
    // A first failure inserts the row and counts it on the next pass; a pass only repeats when the row was created
    // or its lockout ended in between, so three are plenty.
    private const int Passes = 3;

    private const string Table = LoginThrottleConfiguration.TableName;

    // Portable SQL (SQLite and SQL Server alike); {0} is the key.
    private static readonly string InsertIfMissing =
        $"INSERT INTO \"{Table}\" (\"Key\", \"Failures\", \"LockedUntil\") SELECT {{0}}, 0, NULL " +
        $"WHERE NOT EXISTS (SELECT 1 FROM \"{Table}\" WHERE \"Key\" = {{0}})";

    public async Task<FailureCount> CountFailureAsync(string key, DateTimeOffset now, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken)
    {
        DateTimeOffset? until = now + lockout;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            for (var pass = 1; pass <= Passes; pass++)
            {
                // Among unlocked rows a set LockedUntil is a lockout that has ended: the budget starts afresh.
                var belowLimit = await Unlocked(key, now)
                    .Where(t => (t.LockedUntil != null ? 0 : t.Failures) + 1 < maxFailures)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Failures, t => (t.LockedUntil != null ? 0 : t.Failures) + 1)
                        .SetProperty(t => t.LockedUntil, (DateTimeOffset?)null)
                        .SetProperty(t => t.LastFailureAt, now), cancellationToken);
                if (belowLimit == 1)
                {
                    return FailureCount.Counted;
                }

                var reachesLimit = await Unlocked(key, now)
                    .Where(t => (t.LockedUntil != null ? 0 : t.Failures) + 1 >= maxFailures)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Failures, t => (t.LockedUntil != null ? 0 : t.Failures) + 1)
                        .SetProperty(t => t.LockedUntil, until)
                        .SetProperty(t => t.LastFailureAt, now), cancellationToken);
                if (reachesLimit == 1)
                {
                    return new FailureCount(null, LockStarted: true);
                }

                var row = await db.LoginThrottles.AsNoTracking().Where(t => t.Key == key)
                    .Select(t => new { t.LockedUntil }).FirstOrDefaultAsync(cancellationToken);
                if (row?.LockedUntil is { } lockedUntil && lockedUntil > now)
                {
                    return new FailureCount(lockedUntil, LockStarted: false);
                }

                if (row is null)
                {
                    await InsertAsync(key, cancellationToken);
                }
            }
        }

        throw new InvalidOperationException("The login throttle row kept changing while a failure was counted.");
    }

    public async Task ForgiveAsync(string key, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.LoginThrottles
                .Where(t => t.Key == key && (t.Failures != 0 || t.LockedUntil != null))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, 0).SetProperty(t => t.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
    }

    public async Task WithdrawAsync(string key, bool liftLock, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.LoginThrottles
                .Where(t => t.Key == key && t.Failures > 0)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Failures, t => t.Failures - 1)
                    .SetProperty(t => t.LockedUntil, t => liftLock ? null : t.LockedUntil), cancellationToken);
        }
    }

    private IQueryable<LoginThrottle> Unlocked(string key, DateTimeOffset now) =>
        db.LoginThrottles.Where(t => t.Key == key && (t.LockedUntil == null || t.LockedUntil <= now));

    private async Task InsertAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(InsertIfMissing, [key], cancellationToken);
        }
        catch (DbException e) when (provider.Classify(e, db.Model).Kind == ConstraintKind.Unique)
        {
            // Another instance inserted it between the check and the write: the row exists, which is all we need.
        }
    }
}
