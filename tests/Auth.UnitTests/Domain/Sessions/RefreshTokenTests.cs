using Auth.Domain.Sessions;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Sessions;

public class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private static readonly Guid SessionId = Guid.NewGuid();

    [Test]
    public void Issue_creates_an_unused_token_of_the_session()
    {
        var token = RefreshToken.Issue(SessionId, "hash", Now);

        Assert.Multiple(() =>
        {
            Assert.That(token.SessionId, Is.EqualTo(SessionId));
            Assert.That(token.Hash, Is.EqualTo("hash"));
            Assert.That(token.IssuedAt, Is.EqualTo(Now));
            Assert.That(token.UsedAt, Is.Null);
            Assert.That(token.SealedSuccessor, Is.Null);
        });
    }

    [Test]
    public void MarkUsed_records_the_time_and_the_sealed_successor()
    {
        var token = RefreshToken.Issue(SessionId, "hash", Now);

        token.MarkUsed(Now.AddMinutes(3), "sealed-successor");

        Assert.Multiple(() =>
        {
            Assert.That(token.UsedAt, Is.EqualTo(Now.AddMinutes(3)));
            Assert.That(token.SealedSuccessor, Is.EqualTo("sealed-successor"));
        });
    }

    [Test]
    public void An_unused_token_was_not_used_within_any_grace()
    {
        var token = RefreshToken.Issue(SessionId, "hash", Now);

        Assert.That(token.WasUsedWithin(TimeSpan.MaxValue, Now), Is.False);
    }

    [Test]
    public void A_second_presentation_inside_the_grace_window_counts_as_a_racing_tab()
    {
        var token = RefreshToken.Issue(SessionId, "hash", Now);
        token.MarkUsed(Now, "sealed");

        Assert.Multiple(() =>
        {
            Assert.That(token.WasUsedWithin(Grace, Now), Is.True);
            Assert.That(token.WasUsedWithin(Grace, Now + Grace), Is.True, "the window includes its end");
        });
    }

    [Test]
    public void A_presentation_after_the_grace_window_is_reuse()
    {
        var token = RefreshToken.Issue(SessionId, "hash", Now);
        token.MarkUsed(Now, "sealed");

        Assert.That(token.WasUsedWithin(Grace, Now + Grace + TimeSpan.FromTicks(1)), Is.False);
    }
}
