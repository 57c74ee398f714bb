using Auth.Domain.Audit;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Audit;

public class AuditEntryTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Test]
    public void An_entry_keeps_every_field_and_gets_a_time_ordered_id()
    {
        var userId = Guid.NewGuid();
        var actorId = Guid.NewGuid();
        var sessionId = Guid.NewGuid();

        var entry = new AuditEntry(Guid.CreateVersion7(Now), Now, "RoleGranted", userId, actorId, sessionId, "203.0.113.7", "UnitTest/1.0");
        var next = new AuditEntry(Guid.CreateVersion7(Now.AddSeconds(1)), Now.AddSeconds(1), "RoleGranted", userId, actorId, sessionId, null, null);

        Assert.Multiple(() =>
        {
            Assert.That(entry.At, Is.EqualTo(Now));
            Assert.That(entry.Type, Is.EqualTo("RoleGranted"));
            Assert.That(entry.UserId, Is.EqualTo(userId));
            Assert.That(entry.ActorId, Is.EqualTo(actorId));
            Assert.That(entry.SessionId, Is.EqualTo(sessionId));
            Assert.That(entry.ClientAddress, Is.EqualTo("203.0.113.7"));
            Assert.That(entry.UserAgent, Is.EqualTo("UnitTest/1.0"));
            Assert.That(entry.Id.Version, Is.EqualTo(7));
            Assert.That(entry.Id.CompareTo(next.Id), Is.LessThan(0));
        });
    }

    [Test]
    public void A_user_agent_of_the_maximum_length_is_kept_whole()
    {
        var agent = new string('a', AuditEntry.MaxUserAgentLength);

        Assert.That(new AuditEntry(Guid.CreateVersion7(Now), Now, "LoginSucceeded", null, null, null, null, agent).UserAgent, Is.EqualTo(agent));
    }

    [Test]
    public void A_longer_user_agent_is_cut_to_the_maximum_length()
    {
        var agent = new string('a', AuditEntry.MaxUserAgentLength) + "tail";

        var entry = new AuditEntry(Guid.CreateVersion7(Now), Now, "LoginSucceeded", null, null, null, null, agent);

        Assert.Multiple(() =>
        {
            Assert.That(AuditEntry.MaxUserAgentLength, Is.EqualTo(512));
            Assert.That(entry.UserAgent, Has.Length.EqualTo(AuditEntry.MaxUserAgentLength));
            Assert.That(entry.UserAgent, Is.EqualTo(agent[..AuditEntry.MaxUserAgentLength]));
        });
    }

    [Test]
    public void No_user_agent_stays_null() =>
        Assert.That(new AuditEntry(Guid.CreateVersion7(Now), Now, "LoginSucceeded", null, null, null, null, null).UserAgent, Is.Null);

    [Test]
    public void Its_time_is_the_utc_instant_to_the_millisecond_it_is_shown_with()
    {
        var at = new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.FromHours(5)).AddTicks(1_234_567);

        var entry = new AuditEntry(Guid.CreateVersion7(at), at, "LoginSucceeded", null, null, null, null, null);

        Assert.That(entry.At.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(entry.At, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero)));
    }
}
