using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Users.DeleteAccount;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.DeleteAccount;

public class DeleteAccountHandlerTests
{
    private Ports ports = null!;
    private DeleteAccountHandler handler = null!;
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
        ports.ActiveSessionsAre(user, current, other);
        ports.PasswordCheckIs("stored-hash", "my password", PasswordVerification.Succeeded);
        ports.PasswordCheckIs("stored-hash", "not it", PasswordVerification.Failed);
        ports.Time.Advance(TimeSpan.FromMinutes(30));
        handler = ports.Handler<DeleteAccountHandler>();
    }

    [Test]
    public async Task The_right_password_ends_every_session_and_removes_the_user()
    {
        var result = await handler.Handle(Command("my password"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(current.EndReason, Is.EqualTo(SessionEndReason.AccountDeleted));
            Assert.That(other.EndReason, Is.EqualTo(SessionEndReason.AccountDeleted));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { current.Id, other.Id }));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { current.Id, other.Id }));
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new AccountDeleted(user.Id, ports.Now) }));
        });
        ports.Users.Verify(u => u.Remove(user), Times.Once());
        ports.VerifySaved(2); // the account closed to new sessions, then the delete (the lockout's counter is not in the unit of work)
    }

    [Test]
    public async Task A_wrong_password_is_invalid_credentials_and_deletes_nothing()
    {
        var result = await handler.Handle(Command("not it"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.WrongPassword));
            Assert.That(current.EndedAt, Is.Null);
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.Users.Verify(u => u.Remove(It.IsAny<User>()), Times.Never());
        ports.VerifyNeverSaved();
        Assert.That(ports.Throttles.FailuresOf(LockoutKeys.Session(current.Id)), Is.EqualTo(1), "the attempt counts against the session's budget");
    }

    [Test]
    public async Task An_unknown_user_makes_the_token_invalid()
    {
        var result = await handler.Handle(new DeleteAccountCommand(Guid.NewGuid(), current.Id, "my password", Ports.Client), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidToken));
        ports.Users.Verify(u => u.Remove(It.IsAny<User>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_publishes_no_revocation()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command("my password"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private DeleteAccountCommand Command(string password) => new(user.Id, current.Id, password, Ports.Client);
}
