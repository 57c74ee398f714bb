using Auth.Domain.Users;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Persistence;

public sealed class LoginThrottleRepositoryTests
{
    private const string Email = "ada@example.com";

    [Test]
    public async Task The_counter_is_read_as_the_database_holds_it_even_when_this_context_tracks_an_older_copy()
    {
        var path = Support.TestPaths.NewDatabaseFile();
        await using var login = Context(path);
        await login.Database.MigrateAsync();
        await using var other = Context(path);
        var repository = new LoginThrottleRepository(login);

        // This request counted its attempt (and still tracks the counter) while its hash was computed...
        var counted = LoginThrottle.For(Email);
        counted.RecordFailure(DateTimeOffset.UtcNow, 5, TimeSpan.FromMinutes(15));
        repository.Add(counted);
        await login.SaveChangesAsync();
        // ...and another request counted one more meanwhile.
        var meanwhile = await other.LoginThrottles.SingleAsync(t => t.NormalizedEmail == Email);
        meanwhile.RecordFailure(DateTimeOffset.UtcNow, 5, TimeSpan.FromMinutes(15));
        await other.SaveChangesAsync();

        var read = await repository.FindAsync(Email, CancellationToken.None);

        Assert.That(read!.Failures, Is.EqualTo(2));
        Assert.That(read.Version, Is.EqualTo(meanwhile.Version));
        read.Reset();
        Assert.That(async () => await login.SaveChangesAsync(), Throws.Nothing, "a stale version would fail the optimistic check");
    }

    private static SqliteAuthDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite($"Data Source={path}").Options);
}
