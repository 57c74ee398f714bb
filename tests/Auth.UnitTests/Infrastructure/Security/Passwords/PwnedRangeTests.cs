using Auth.Infrastructure.Security.Passwords.Breaches;
using Microsoft.Extensions.Time.Testing;

namespace Auth.UnitTests.Infrastructure.Security.Passwords;

public class PwnedRangeTests
{
    private const string Breached = "0018A45C4D1DEF81644B54AB7F969B88D65";
    private const string Padding = "00D4F6E8FA6EECAD2A3AA415EEC418D38EC";

    [Test]
    public void Suffixes_with_a_count_are_breaches_and_padding_entries_are_not()
    {
        var range = PwnedRange.Parse($"{Breached}:3\r\n{Padding}:0\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(range.Contains(Breached), Is.True);
            Assert.That(range.Contains(Padding), Is.False);
            Assert.That(range.Count, Is.EqualTo(1));
        });
    }

    [TestCase("<html>maintenance</html>")]
    [TestCase("ABC:1")]
    [TestCase("0018A45C4D1DEF81644B54AB7F969B88D65:many")]
    public void A_body_that_is_not_the_range_format_is_refused(string body)
    {
        Assert.Throws<FormatException>(() => PwnedRange.Parse(body));
    }

    [Test]
    public void The_cache_keeps_a_range_for_its_lifetime_only()
    {
        var time = new FakeTimeProvider();
        var cache = new PwnedRangeCache(capacity: 4, TimeSpan.FromMinutes(10), time);
        cache.Add("ABCDE", PwnedRange.Parse($"{Breached}:1"));

        time.Advance(TimeSpan.FromMinutes(9));
        var fresh = cache.Get("ABCDE");
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(fresh, Is.Not.Null);
        Assert.That(cache.Get("ABCDE"), Is.Null);
    }

    [Test]
    public void The_cache_drops_the_least_recently_used_range_when_full()
    {
        var cache = new PwnedRangeCache(capacity: 2, TimeSpan.FromHours(1), new FakeTimeProvider());
        cache.Add("AAAAA", PwnedRange.Parse(""));
        cache.Add("BBBBB", PwnedRange.Parse(""));
        cache.Get("AAAAA");

        cache.Add("CCCCC", PwnedRange.Parse(""));

        Assert.Multiple(() =>
        {
            Assert.That(cache.Get("AAAAA"), Is.Not.Null);
            Assert.That(cache.Get("BBBBB"), Is.Null);
            Assert.That(cache.Get("CCCCC"), Is.Not.Null);
        });
    }
}
