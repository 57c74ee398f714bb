using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.Common;

public class SessionLimitTests
{
    private Ports ports = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        ports.Policy.Setup(p => p.MaxSessionsPerUser).Returns(3);
    }

    [Test]
    public async Task Below_the_limit_nothing_ends()
    {
        var sessions = Sessions(2);
        ports.ActiveSessionsAre(user, sessions);

        await ports.SessionLimit().MakeRoomAsync(user.Id, ports.Now, CancellationToken.None);

        Assert.That(sessions.Select(s => s.EndedAt), Is.All.Null);
    }

    [Test]
    public async Task At_the_limit_the_least_recently_used_session_ends_for_the_new_one()
    {
        var sessions = Sessions(3);
        // The oldest session was used last; the second is the one nobody touched longest.
        sessions[0].Touch(ports.Now);

        await ports.SessionLimit().MakeRoomAsync(user.Id, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(sessions.Select(s => s.EndReason), Is.EqualTo(new SessionEndReason?[] { null, SessionEndReason.SessionLimit, null }));
            Assert.That(sessions[1].DomainEvents, Is.EqualTo(new[] { new SessionEnded(sessions[1].Id, user.Id, SessionEndReason.SessionLimit, ports.Now) }));
        });
    }

    [Test]
    public async Task Past_the_limit_after_it_was_lowered_enough_end_to_fit_one_more()
    {
        var sessions = Sessions(5);

        await ports.SessionLimit().MakeRoomAsync(user.Id, ports.Now, CancellationToken.None);

        Assert.That(sessions.Count(s => s.EndReason == SessionEndReason.SessionLimit), Is.EqualTo(3));
        Assert.That(sessions.TakeLast(2).Select(s => s.EndedAt), Is.All.Null, "the newest stay");
    }

    [Test]
    public async Task Sessions_idle_past_the_idle_lifetime_do_not_count()
    {
        var idle = Sessions(3);
        ports.Time.Advance(Ports.IdleLifetime + TimeSpan.FromMinutes(1));
        var fresh = ports.AddSession(user);
        ports.ActiveSessionsAre(user, [.. idle, fresh]);

        await ports.SessionLimit().MakeRoomAsync(user.Id, ports.Now, CancellationToken.None);

        Assert.That(idle.Append(fresh).Select(s => s.EndedAt), Is.All.Null);
    }

    /// <summary><paramref name="count"/> sessions started a minute apart, oldest first, all the user's active ones.</summary>
    private Session[] Sessions(int count)
    {
        var sessions = new Session[count];
        for (var i = 0; i < count; i++)
        {
            sessions[i] = ports.AddSession(user);
            ports.Time.Advance(TimeSpan.FromMinutes(1));
        }

        ports.ActiveSessionsAre(user, sessions);
        return sessions;
    }
}
