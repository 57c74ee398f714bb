using Auth.Infrastructure.Revocation;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Infrastructure.Revocation;

public class InMemoryRevocationListTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Test]
    public void Until_loaded_every_session_counts_as_revoked()
    {
        var list = new InMemoryRevocationList();

        Assert.Multiple(() =>
        {
            Assert.That(list.IsLoaded, Is.False);
            Assert.That(list.IsRevoked(Guid.NewGuid()), Is.True, "fail closed: an unloaded list must not let ended sessions through");
        });
    }

    [Test]
    public void Once_loaded_only_revoked_sessions_count()
    {
        var list = new InMemoryRevocationList();
        var revoked = Guid.NewGuid();
        list.Revoke(revoked, Now.AddMinutes(15));

        list.MarkLoaded();

        Assert.Multiple(() =>
        {
            Assert.That(list.IsLoaded, Is.True);
            Assert.That(list.IsRevoked(revoked), Is.True);
            Assert.That(list.IsRevoked(Guid.NewGuid()), Is.False);
            Assert.That(list.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void Revoking_after_loading_takes_effect_at_once()
    {
        var list = Loaded();
        var sessionId = Guid.NewGuid();

        list.Revoke(sessionId, Now.AddMinutes(15));

        Assert.That(list.IsRevoked(sessionId), Is.True);
    }

    [Test]
    public void Prune_drops_entries_whose_tokens_have_all_expired_and_keeps_the_rest()
    {
        var list = Loaded();
        var expired = Guid.NewGuid();
        var expiringNow = Guid.NewGuid();
        var live = Guid.NewGuid();
        list.Revoke(expired, Now.AddMinutes(-1));
        list.Revoke(expiringNow, Now);
        list.Revoke(live, Now.AddTicks(1));

        var removed = list.Prune(Now);

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(list.Count, Is.EqualTo(1));
            Assert.That(list.IsRevoked(expired), Is.False);
            Assert.That(list.IsRevoked(expiringNow), Is.False);
            Assert.That(list.IsRevoked(live), Is.True);
        });
    }

    [Test]
    public void Revoking_twice_keeps_the_later_expiry()
    {
        var list = Loaded();
        var sessionId = Guid.NewGuid();
        list.Revoke(sessionId, Now.AddMinutes(30));
        list.Revoke(sessionId, Now.AddMinutes(10));

        list.Prune(Now.AddMinutes(20));

        Assert.Multiple(() =>
        {
            Assert.That(list.IsRevoked(sessionId), Is.True, "an earlier expiry must not shorten the revocation");
            Assert.That(list.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_later_expiry_extends_the_revocation()
    {
        var list = Loaded();
        var sessionId = Guid.NewGuid();
        list.Revoke(sessionId, Now.AddMinutes(10));
        list.Revoke(sessionId, Now.AddMinutes(30));

        Assert.Multiple(() =>
        {
            Assert.That(list.Prune(Now.AddMinutes(20)), Is.Zero);
            Assert.That(list.Prune(Now.AddMinutes(30)), Is.EqualTo(1));
        });
    }

    [Test]
    public void Prune_of_an_empty_list_removes_nothing() => Assert.That(Loaded().Prune(Now), Is.Zero);

    private static InMemoryRevocationList Loaded()
    {
        var list = new InMemoryRevocationList();
        list.MarkLoaded();
        return list;
    }

    [Test]
    public void After_a_million_logouts_whose_tokens_have_expired_the_list_is_empty_again()
    {
        var list = Loaded();
        for (var i = 0; i < 1_000_000; i++)
        {
            list.Revoke(Guid.CreateVersion7(), Now.AddMinutes(15));
        }

        var pruned = list.Prune(Now.AddMinutes(15));

        Assert.Multiple(() =>
        {
            Assert.That(pruned, Is.EqualTo(1_000_000));
            Assert.That(list.Count, Is.Zero, "memory is bounded by the access-token lifetime, not by history");
        });
    }
}
