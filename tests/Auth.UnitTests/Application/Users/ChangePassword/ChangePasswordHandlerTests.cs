using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Users.ChangePassword;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.ChangePassword;

public class ChangePasswordHandlerTests
{
    private Ports ports = null!;
    private ChangePasswordHandler handler = null!;
    private User user = null!;
    private Session current = null!;
    private Session other = null!;
    private Session another = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        current = ports.AddSession(user);
        other = ports.AddSession(user);
        another = ports.AddSession(user);
        ports.ActiveSessionsAre(user, current, other, another);
        ports.PasswordCheckIs("stored-hash", "old password", PasswordVerification.Succeeded);
        ports.PasswordCheckIs("stored-hash", "not it", PasswordVerification.Failed);
        ports.PasswordHasher.Setup(p => p.HashAsync("new password", It.IsAny<CancellationToken>())).ReturnsAsync("new-hash");
        ports.Time.Advance(TimeSpan.FromHours(2));
        handler = ports.Handler<ChangePasswordHandler>();
    }

    [Test]
    public async Task The_right_current_password_replaces_the_hash_and_ends_every_other_session()
    {
        var result = await handler.Handle(Command("old password"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(user.PasswordHash, Is.EqualTo("new-hash"));
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(current.EndedAt, Is.Null, "the session that changed the password stays signed in");
            Assert.That(other.EndReason, Is.EqualTo(SessionEndReason.PasswordChanged));
            Assert.That(another.EndReason, Is.EqualTo(SessionEndReason.PasswordChanged));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { other.Id, another.Id }));
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new PasswordChanged(user.Id, ports.Now) }));
        });
        // Listed once, inside the commit with the account's row held, so no login can slip in between.
        ports.Users.Verify(u => u.HoldAsync(user.Id, It.IsAny<CancellationToken>()), Times.Once());
        ports.Sessions.Verify(s => s.ListActiveAsync(user.Id, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
        ports.VerifySavedOnce(); // the lockout's counter is not in the unit of work
    }

    [Test]
    public async Task A_correct_password_due_for_a_rehash_also_counts_as_proven()
    {
        ports.PasswordCheckIs("stored-hash", "old password", PasswordVerification.SucceededRehashNeeded);

        var result = await handler.Handle(Command("old password"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(user.PasswordHash, Is.EqualTo("new-hash"));
        });
    }

    [Test]
    public async Task A_wrong_current_password_is_invalid_credentials_and_changes_nothing()
    {
        var result = await handler.Handle(Command("not it"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.WrongPassword));
            Assert.That(user.PasswordHash, Is.EqualTo("stored-hash"));
            Assert.That(other.EndedAt, Is.Null);
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.PasswordHasher.Verify(p => p.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifyNeverSaved();
        Assert.That(ports.Throttles.FailuresOf(LockoutKeys.Session(current.Id)), Is.EqualTo(1), "the attempt counts against the session's budget");
    }

    [Test]
    public async Task An_unknown_user_makes_the_token_invalid()
    {
        var result = await handler.Handle(
            new ChangePasswordCommand(Guid.NewGuid(), current.Id, "old password", "new password", Ports.Client), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidToken));
        ports.PasswordHasher.Verify(p => p.VerifyAsync(It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_publishes_no_revocation()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command("old password"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    [Test]
    public async Task A_new_password_made_of_the_users_name_is_refused_and_the_old_hash_stays()
    {
        var result = await handler.Handle(Command("old password") with { NewPassword = "Lovelace.Ada1815" }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo(AuthErrors.WeakPasswordCode));
            Assert.That(result.Error.Reasons, Is.EqualTo(new[] { "contains_personal_info" }));
            Assert.That(user.PasswordHash, Is.EqualTo("stored-hash"));
            Assert.That(ports.Ended, Is.Empty);
        });
    }

    [Test]
    public async Task A_wrong_current_password_is_reported_before_judging_the_new_one()
    {
        var result = await handler.Handle(Command("not it") with { NewPassword = "password" }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.WrongPassword));
    }

    private ChangePasswordCommand Command(string currentPassword) =>
        new(user.Id, current.Id, currentPassword, "new password", Ports.Client);
}
