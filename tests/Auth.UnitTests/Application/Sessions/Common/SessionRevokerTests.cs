using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.Common;

public class SessionRevokerTests
{
    private Ports ports = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
    }

    [Test]
    public async Task EndAll_ends_every_active_session_each_raising_its_end_for_the_commit()
    {
        var first = ports.AddSession(user);
        var second = ports.AddSession(user);
        ports.ActiveSessionsAre(user, first, second);
        ports.Time.Advance(TimeSpan.FromMinutes(3));

        var ended = await ports.SessionRevoker().EndAllAsync(user.Id, SessionEndReason.EndedByAdmin, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.EqualTo(2));
            Assert.That(first.EndedAt, Is.EqualTo(ports.Now));
            Assert.That(second.EndReason, Is.EqualTo(SessionEndReason.EndedByAdmin));
            Assert.That(first.DomainEvents, Is.EqualTo(new[] { new SessionEnded(first.Id, user.Id, SessionEndReason.EndedByAdmin, ports.Now) }));
            Assert.That(ports.Ended, Is.Empty, "nothing is revoked before the commit");
        });
        ports.Sessions.Verify(s => s.ListActiveAsync(user.Id, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task EndAllOnCommit_lists_inside_the_commit_after_holding_the_account_and_spares_the_kept_session()
    {
        var kept = ports.AddSession(user);
        var other = ports.AddSession(user);
        var order = new List<string>();
        ports.Users.Setup(u => u.HoldAsync(user.Id, It.IsAny<CancellationToken>())).Callback(() => order.Add("hold")).Returns(Task.CompletedTask);
        ports.Sessions.Setup(s => s.ListActiveAsync(user.Id, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("list")).ReturnsAsync([kept, other]);

        ports.SessionRevoker().EndAllOnCommit(user.Id, SessionEndReason.PasswordChanged, ports.Now, keep: kept.Id);
        Assert.That(order, Is.Empty, "nothing is read before the commit");
        await ports.UnitOfWork.Object.SaveChangesAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order, Is.EqualTo(new[] { "hold", "list" }));
            Assert.That(kept.EndedAt, Is.Null);
            Assert.That(ports.Ended, Is.EqualTo(new[] { other.Id }));
        });
    }

    [Test]
    public void An_ended_session_is_not_ended_again()
    {
        var session = ports.AddSession(user);
        SessionRevoker.End([session], SessionEndReason.Logout, ports.Now);

        var endedAgain = SessionRevoker.End([session], SessionEndReason.AccountDisabled, ports.Now);

        Assert.Multiple(() =>
        {
            Assert.That(endedAgain, Is.Zero);
            Assert.That(session.EndReason, Is.EqualTo(SessionEndReason.Logout));
            Assert.That(session.DomainEvents, Has.Count.EqualTo(1));
        });
    }
}
