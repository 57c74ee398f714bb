using Auth.Application.Admin.EndUserSessions;
using Auth.Application.Common.Errors;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.EndUserSessions;

public class EndUserSessionsHandlerTests
{
    private Ports ports = null!;
    private EndUserSessionsHandler handler = null!;
    private User admin = null!;
    private User user = null!;
    private Session first = null!;
    private Session second = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        admin = ports.AddAdmin();
        user = ports.AddUser();
        first = ports.AddSession(user);
        second = ports.AddSession(user);
        ports.ActiveSessionsAre(user, first, second);
        ports.Time.Advance(TimeSpan.FromMinutes(20));
        handler = ports.Handler<EndUserSessionsHandler>();
    }

    [Test]
    public async Task Every_session_ends_as_ended_by_an_admin_with_the_commit()
    {
        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(first.EndReason, Is.EqualTo(SessionEndReason.EndedByAdmin));
            Assert.That(second.EndedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(ports.CommittedOf<SessionEnded>().Select(e => e.Reason), Is.All.EqualTo(SessionEndReason.EndedByAdmin));
            Assert.That(user.IsDisabled, Is.False, "the account itself stays usable");
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task An_unknown_user_is_user_not_found()
    {
        var result = await handler.Handle(Command(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.UserNotFound));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_publishes_no_revocation()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private EndUserSessionsCommand Command(Guid userId) => new(admin.Id, userId, Ports.Client);
}
