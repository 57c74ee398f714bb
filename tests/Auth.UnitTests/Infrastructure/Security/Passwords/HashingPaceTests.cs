using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Telemetry;

namespace Auth.UnitTests.Infrastructure.Security.Passwords;

public sealed class HashingPaceTests
{
    [Test]
    public void Nothing_measured_is_zero_and_the_first_hash_sets_the_pace()
    {
        var pace = new HashingPace();
        Assert.That(pace.TypicalHash, Is.EqualTo(TimeSpan.Zero));

        pace.Record(TimeSpan.FromMilliseconds(12));

        Assert.That(pace.TypicalHash, Is.EqualTo(TimeSpan.FromMilliseconds(12)));
    }

    [Test]
    public void The_pace_follows_a_slowdown_within_a_few_dozen_hashes_and_one_outlier_barely_moves_it()
    {
        var pace = new HashingPace();
        pace.Record(TimeSpan.FromMilliseconds(10));
        pace.Record(TimeSpan.FromMilliseconds(90));
        Assert.That(pace.TypicalHash, Is.EqualTo(TimeSpan.FromMilliseconds(20)), "an eighth of the way");

        for (var i = 0; i < 40; i++)
        {
            pace.Record(TimeSpan.FromMilliseconds(50));
        }

        Assert.That(pace.TypicalHash.TotalMilliseconds, Is.EqualTo(50).Within(1));
    }

    [Test]
    public async Task The_real_hasher_reports_what_its_hashes_take()
    {
        var pace = new HashingPace();
        using var hasher = new Argon2idPasswordHasher(
            Microsoft.Extensions.Options.Options.Create(new PasswordHashingOptions { MemoryKiB = 7168, Iterations = 5 }), pace: pace);

        await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.That(pace.TypicalHash, Is.GreaterThan(TimeSpan.Zero).And.LessThan(TimeSpan.FromSeconds(5)));
    }
}
