using Auth.Domain.Sessions;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Sessions;

public class SessionTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan Idle = TimeSpan.FromDays(7);
    private static readonly Guid UserId = Guid.NewGuid();

    [Test]
    public void Start_records_owner_times_and_client()
    {
        var session = Session.Start(UserId, Now, Lifetime, "203.0.113.7", "Firefox");

        Assert.Multiple(() =>
        {
            Assert.That(session.Id.Version, Is.EqualTo(7));
            Assert.That(session.UserId, Is.EqualTo(UserId));
            Assert.That(session.CreatedAt, Is.EqualTo(Now));
            Assert.That(session.LastUsedAt, Is.EqualTo(Now));
            Assert.That(session.ExpiresAt, Is.EqualTo(Now + Lifetime));
            Assert.That(session.ClientAddress, Is.EqualTo("203.0.113.7"));
            Assert.That(session.UserAgent, Is.EqualTo("Firefox"));
            Assert.That(session.EndedAt, Is.Null);
            Assert.That(session.EndReason, Is.Null);
        });
    }

    [Test]
    public void Start_truncates_an_overlong_user_agent()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, new string('x', Session.MaxUserAgentLength + 100));

        Assert.That(session.UserAgent, Has.Length.EqualTo(Session.MaxUserAgentLength));
    }

    [Test]
    public void Start_keeps_a_missing_client_as_null()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);

        Assert.Multiple(() =>
        {
            Assert.That(session.ClientAddress, Is.Null);
            Assert.That(session.UserAgent, Is.Null);
        });
    }

    [Test]
    public void IsActive_until_just_before_the_absolute_expiry()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);

        Assert.Multiple(() =>
        {
            Assert.That(session.IsActive(Now), Is.True);
            Assert.That(session.IsActive(Now + Lifetime - TimeSpan.FromTicks(1)), Is.True);
            Assert.That(session.IsActive(Now + Lifetime), Is.False);
        });
    }

    [Test]
    public void IsActive_with_idle_window_ends_when_unused_that_long()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);

        Assert.Multiple(() =>
        {
            Assert.That(session.IsActive(Now + Idle - TimeSpan.FromTicks(1), Idle), Is.True);
            Assert.That(session.IsActive(Now + Idle, Idle), Is.False);
        });
    }

    [Test]
    public void Touch_moves_the_idle_window()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);
        var later = Now + TimeSpan.FromDays(5);

        session.Touch(later);

        Assert.Multiple(() =>
        {
            Assert.That(session.LastUsedAt, Is.EqualTo(later));
            Assert.That(session.IsActive(Now + Idle, Idle), Is.True);
            Assert.That(session.IsActive(later + Idle, Idle), Is.False);
        });
    }

    [Test]
    public void Touch_does_not_extend_the_absolute_lifetime()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);

        session.Touch(Now + Lifetime - TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(session.ExpiresAt, Is.EqualTo(Now + Lifetime));
            Assert.That(session.IsActive(Now + Lifetime, Idle), Is.False);
        });
    }

    [Test]
    public void End_marks_the_session_ended_and_inactive()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);
        var at = Now.AddMinutes(10);

        var ended = session.End(at, SessionEndReason.Logout);

        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.True);
            Assert.That(session.EndedAt, Is.EqualTo(at));
            Assert.That(session.EndReason, Is.EqualTo(SessionEndReason.Logout));
            Assert.That(session.IsActive(at), Is.False);
            Assert.That(session.IsActive(at, Idle), Is.False);
        });
    }

    [Test]
    public void End_twice_keeps_the_first_reason_and_time()
    {
        var session = Session.Start(UserId, Now, Lifetime, null, null);
        session.End(Now.AddMinutes(1), SessionEndReason.Logout);

        var endedAgain = session.End(Now.AddMinutes(2), SessionEndReason.PasswordChanged);

        Assert.Multiple(() =>
        {
            Assert.That(endedAgain, Is.False);
            Assert.That(session.EndedAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(session.EndReason, Is.EqualTo(SessionEndReason.Logout));
        });
    }
}
