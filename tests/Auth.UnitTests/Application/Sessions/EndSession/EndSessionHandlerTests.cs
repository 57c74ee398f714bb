using Auth.Application.Common.Errors;
using Auth.Application.Sessions.EndSession;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.EndSession;

public class EndSessionHandlerTests
{
    private Ports ports = null!;
    private EndSessionHandler handler = null!;
    private User user = null!;
    private Session current = null!;
    private Session other = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        current = ports.AddSession(user);
        other = ports.AddSession(user);
        ports.Time.Advance(TimeSpan.FromMinutes(10));
        handler = ports.Handler<EndSessionHandler>();
    }

    [Test]
    public async Task Ending_another_own_session_ends_and_revokes_only_it()
    {
        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(other.EndedAt, Is.EqualTo(ports.Now));
            Assert.That(other.EndReason, Is.EqualTo(SessionEndReason.EndedByUser));
            Assert.That(current.EndedAt, Is.Null);
            Assert.That(ports.Ended.Single(), Is.EqualTo(other.Id));
            Assert.That(ports.Ended, Is.EqualTo(new[] { other.Id }));
            Assert.That(ports.Committed, Is.EqualTo(new[] { new SessionEnded(other.Id, user.Id, SessionEndReason.EndedByUser, ports.Now) }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task The_current_session_may_be_ended_too()
    {
        var result = await handler.Handle(Command(current.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(current.EndReason, Is.EqualTo(SessionEndReason.EndedByUser));
        });
    }

    [Test]
    public async Task Another_users_session_answers_like_a_missing_one_and_is_left_alone()
    {
        var stranger = ports.AddUser("eve@example.com");
        var theirs = ports.AddSession(stranger);

        var result = await handler.Handle(Command(theirs.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.SessionNotFound));
            Assert.That(theirs.EndedAt, Is.Null);
            Assert.That(ports.Ended, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task An_unknown_session_is_not_found()
    {
        var result = await handler.Handle(Command(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.SessionNotFound));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task An_already_ended_session_is_not_found()
    {
        other.End(ports.Now, SessionEndReason.Logout);

        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.SessionNotFound));
            Assert.That(other.EndReason, Is.EqualTo(SessionEndReason.Logout));
        });
    }

    [Test]
    public async Task An_expired_session_is_not_found()
    {
        ports.Time.Advance(Ports.SessionLifetime);

        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.SessionNotFound));
    }

    [Test]
    public async Task A_failed_commit_publishes_no_revocation()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private EndSessionCommand Command(Guid target) => new(user.Id, current.Id, target, Ports.Client);
}
