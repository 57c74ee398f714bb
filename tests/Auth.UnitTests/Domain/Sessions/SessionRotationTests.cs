using Auth.Domain.Sessions;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Sessions;

public class SessionRotationTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly RotationRules Rules = new(IdleLifetime: TimeSpan.FromDays(7), ReuseGrace: TimeSpan.FromSeconds(30));

    private Session session = null!;
    private RefreshToken first = null!;
    private int successorsMade;

    [SetUp]
    public void SetUp()
    {
        session = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30), null, null);
        first = session.IssueRefreshToken("hash-1", Now);
        successorsMade = 0;
    }

    [Test]
    public void A_current_token_is_spent_and_a_successor_of_the_same_session_issued()
    {
        var later = Now + TimeSpan.FromHours(1);

        var rotation = session.Rotate(first, later, Rules, Successor);

        Assert.Multiple(() =>
        {
            Assert.That(rotation.Outcome, Is.EqualTo(RotationOutcome.Rotated));
            Assert.That(rotation.Issued!.Hash, Is.EqualTo("hash-next"));
            Assert.That(rotation.Issued.SessionId, Is.EqualTo(session.Id));
            Assert.That(rotation.Issued.IssuedAt, Is.EqualTo(later));
            Assert.That(first.UsedAt, Is.EqualTo(later));
            Assert.That(first.SealedSuccessor, Is.EqualTo("sealed-next"));
            Assert.That(session.LastUsedAt, Is.EqualTo(later));
        });
    }

    [Test]
    public void A_spent_token_within_the_grace_window_yields_the_sealed_successor_and_issues_nothing()
    {
        session.Rotate(first, Now, Rules, Successor);

        var again = session.Rotate(first, Now + Rules.ReuseGrace, Rules, Successor);

        Assert.Multiple(() =>
        {
            Assert.That(again.Outcome, Is.EqualTo(RotationOutcome.Replayed));
            Assert.That(again.SealedSuccessor, Is.EqualTo("sealed-next"));
            Assert.That(successorsMade, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_spent_token_after_the_grace_window_is_reuse()
    {
        session.Rotate(first, Now, Rules, Successor);

        var replay = session.Rotate(first, Now + Rules.ReuseGrace + TimeSpan.FromTicks(1), Rules, Successor);

        Assert.That(replay.Outcome, Is.EqualTo(RotationOutcome.Reused));
        Assert.That(successorsMade, Is.EqualTo(1));
    }

    [Test]
    public void An_ended_or_idle_session_refuses_without_spending_the_token()
    {
        var idle = session.Rotate(first, Now + Rules.IdleLifetime, Rules, Successor);
        session.End(Now, SessionEndReason.Logout);
        var ended = session.Rotate(first, Now, Rules, Successor);

        Assert.Multiple(() =>
        {
            Assert.That(idle.Outcome, Is.EqualTo(RotationOutcome.Refused));
            Assert.That(ended.Outcome, Is.EqualTo(RotationOutcome.Refused));
            Assert.That(first.UsedAt, Is.Null);
            Assert.That(successorsMade, Is.Zero);
        });
    }

    [Test]
    public void A_token_of_another_session_is_a_programming_error()
    {
        var other = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30), null, null).IssueRefreshToken("hash-x", Now);

        Assert.That(() => session.Rotate(other, Now, Rules, Successor), Throws.ArgumentException);
    }

    private SuccessorToken Successor()
    {
        successorsMade++;
        return new SuccessorToken("hash-next", "sealed-next");
    }
}
