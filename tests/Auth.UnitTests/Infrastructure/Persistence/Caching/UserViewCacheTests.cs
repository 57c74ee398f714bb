using Auth.Application.Users;
using Auth.Infrastructure.Persistence.Caching;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Infrastructure.Persistence.Caching;

public class UserViewCacheTests
{
    [Test]
    public void A_view_is_served_for_its_lifetime_and_then_read_again()
    {
        var time = TestClock.Create();
        var cache = new UserViewCache(time);
        var view = View();
        cache.Add(view, cache.Generation);

        var fresh = cache.TryGet(view.Id, out var hit);
        time.Advance(UserViewCache.Lifetime);
        var stale = cache.TryGet(view.Id, out _);

        Assert.Multiple(() =>
        {
            Assert.That(fresh, Is.True);
            Assert.That(hit, Is.SameAs(view));
            Assert.That(stale, Is.False);
        });
    }

    [Test]
    public void Invalidating_a_user_drops_their_view_at_once()
    {
        var cache = new UserViewCache(TestClock.Create());
        var view = View();
        cache.Add(view, cache.Generation);

        cache.Invalidate(view.Id);

        Assert.That(cache.TryGet(view.Id, out _), Is.False);
    }

    [Test]
    public void A_read_that_started_before_an_invalidation_is_not_cached()
    {
        var cache = new UserViewCache(TestClock.Create());
        var view = View();
        var readStarted = cache.Generation;

        cache.Invalidate(view.Id); // a save committed while the read was in flight
        cache.Add(view, readStarted);

        Assert.That(cache.TryGet(view.Id, out _), Is.False);
    }

    [Test]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new UserViewCache(TestClock.Create(), capacity: 5);

        for (var i = 0; i < 12; i++)
        {
            cache.Add(View(), cache.Generation);
        }

        Assert.That(cache.Count, Is.LessThanOrEqualTo(5));
    }

    private static UserView View() => new(Guid.NewGuid(), "ada@example.com", "Ada", false, ["user"], TestClock.Start);
}
