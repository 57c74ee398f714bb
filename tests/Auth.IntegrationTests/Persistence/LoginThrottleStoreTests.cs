using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Persistence;

/// <summary>The counter as two instances sharing one database see it: each statement atomic, nothing cached.</summary>
public sealed class LoginThrottleStoreTests
{
    private const string Key = "ada@example.com";
    private const int MaxFailures = 5;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private string database = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        database = Support.TestDatabase.New();
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    [Test]
    public async Task Failures_counted_by_two_instances_at_once_all_count_and_lock_exactly_at_the_limit()
    {
        // Two instances: each its own context and write gate, so only the database orders them.
        var counts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var db = Context();
            using var gate = new WriteGate(Support.TestDatabase.DatabaseProvider.SingleWriter);
            return await new LoginThrottleStore(db, gate, Support.TestDatabase.DatabaseProvider).CountFailureAsync(Key, Now, MaxFailures, Lockout, CancellationToken.None);
        }));

        Assert.Multiple(() =>
        {
            Assert.That(counts.Count(c => c.LockedUntil is null), Is.EqualTo(MaxFailures), "no more failures are counted than the budget");
            Assert.That(counts.Count(c => c.LockStarted), Is.EqualTo(1));
            Assert.That(counts.Where(c => c.LockedUntil is not null).Select(c => c.LockedUntil), Is.All.EqualTo(Now + Lockout));
        });
    }

    [Test]
    public async Task A_lockout_that_has_ended_starts_a_fresh_budget()
    {
        await using var db = Context();
        using var gate = new WriteGate(Support.TestDatabase.DatabaseProvider.SingleWriter);
        var store = new LoginThrottleStore(db, gate, Support.TestDatabase.DatabaseProvider);
        for (var i = 0; i < MaxFailures; i++)
        {
            await store.CountFailureAsync(Key, Now, MaxFailures, Lockout, CancellationToken.None);
        }

        var later = Now + Lockout;
        var first = await store.CountFailureAsync(Key, later, MaxFailures, Lockout, CancellationToken.None);
        var row = await db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Key == Key);

        Assert.Multiple(() =>
        {
            Assert.That(first.LockedUntil, Is.Null);
            Assert.That(row.Failures, Is.EqualTo(1));
            Assert.That(row.LockedUntil, Is.Null);
        });
    }

    [Test]
    public async Task Forgiving_clears_failures_and_lockout_and_touches_no_other_key()
    {
        await using var db = Context();
        using var gate = new WriteGate(Support.TestDatabase.DatabaseProvider.SingleWriter);
        var store = new LoginThrottleStore(db, gate, Support.TestDatabase.DatabaseProvider);
        for (var i = 0; i < MaxFailures; i++)
        {
            await store.CountFailureAsync(Key, Now, MaxFailures, Lockout, CancellationToken.None);
        }

        await store.CountFailureAsync("grace@example.com", Now, MaxFailures, Lockout, CancellationToken.None);

        await store.ForgiveAsync(Key, CancellationToken.None);

        var rows = await db.LoginThrottles.AsNoTracking().OrderBy(t => t.Key).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.Key, r.Failures, r.LockedUntil)), Is.EqualTo(new[]
            {
                (Key, 0, (DateTimeOffset?)null),
                ("grace@example.com", 1, (DateTimeOffset?)null),
            }));
            Assert.That(db.ChangeTracker.Entries(), Is.Empty, "the counter never enters a unit of work");
        });
    }

    [TearDown]
    public Task DropDatabase() => Support.TestDatabase.DropAsync(database);

    private AuthDbContext Context() => Support.TestDatabase.Context(database);
}
