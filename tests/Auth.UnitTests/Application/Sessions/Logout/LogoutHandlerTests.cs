using Auth.Application.Common.Errors;
using Auth.Application.Sessions.Logout;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.Logout;

public class LogoutHandlerTests
{
    private Ports ports = null!;
    private LogoutHandler handler = null!;
    private User user = null!;
    private Session current = null!;
    private Session phone = null!;
    private Session laptop = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        current = ports.AddSession(user);
        phone = ports.AddSession(user);
        laptop = ports.AddSession(user);
        ports.ActiveSessionsAre(user, current, phone, laptop);
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<LogoutHandler>();
    }

    [TestCase(null)]
    [TestCase(LogoutScope.Local)]
    public async Task Local_ends_only_the_current_session(string? scope)
    {
        var result = await handler.Handle(Command(scope), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(current.EndedAt, Is.EqualTo(ports.Now));
            Assert.That(current.EndReason, Is.EqualTo(SessionEndReason.Logout));
            Assert.That(phone.EndedAt, Is.Null);
            Assert.That(laptop.EndedAt, Is.Null);
            Assert.That(ports.Ended, Is.EqualTo(new[] { current.Id }));
            Assert.That(ports.Ended, Is.EqualTo(new[] { current.Id }));
        });
        ports.Sessions.Verify(s => s.ListActiveAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Global_ends_every_active_session_of_the_user()
    {
        await handler.Handle(Command(LogoutScope.Global), CancellationToken.None);

        Assert.Multiple(() =>
        {
            foreach (var session in new[] { current, phone, laptop })
            {
                Assert.That(session.EndReason, Is.EqualTo(SessionEndReason.LogoutEverywhere));
            }

            Assert.That(ports.Ended, Is.EquivalentTo(new[] { current.Id, phone.Id, laptop.Id }));
        });
        ports.Sessions.Verify(s => s.ListActiveAsync(user.Id, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task Others_ends_every_session_but_the_current_one()
    {
        await handler.Handle(Command(LogoutScope.Others), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(current.EndedAt, Is.Null);
            Assert.That(phone.EndReason, Is.EqualTo(SessionEndReason.LogoutOthers));
            Assert.That(laptop.EndReason, Is.EqualTo(SessionEndReason.LogoutOthers));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { phone.Id, laptop.Id }));
        });
    }

    [Test]
    public async Task Global_logout_commits_the_end_of_every_session()
    {
        await handler.Handle(Command(LogoutScope.Global), CancellationToken.None);

        Assert.That(ports.CommittedOf<SessionEnded>().Select(e => e.Reason), Is.Not.Empty.And.All.EqualTo(SessionEndReason.LogoutEverywhere));
    }

    [Test]
    public async Task Logging_out_an_already_ended_session_succeeds_without_a_second_revocation()
    {
        current.End(ports.Now, SessionEndReason.EndedByUser);
        current.ClearDomainEvents();

        var result = await handler.Handle(Command(null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(current.EndReason, Is.EqualTo(SessionEndReason.EndedByUser));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Ended, Is.Empty);
        });
    }

    [Test]
    public async Task Logging_out_a_session_that_is_gone_succeeds()
    {
        var result = await handler.Handle(new LogoutCommand(user.Id, Guid.NewGuid(), null, Ports.Client), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(ports.Ended, Is.Empty);
        });
    }

    [Test]
    public async Task A_failed_commit_publishes_no_revocation_and_logs_nothing()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(LogoutScope.Global), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty, "tokens of sessions that live on must keep working");
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private LogoutCommand Command(string? scope) => new(user.Id, current.Id, scope, Ports.Client);
}
