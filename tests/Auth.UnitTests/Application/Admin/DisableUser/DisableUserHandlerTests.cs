using Auth.Application.Admin.DisableUser;
using Auth.Application.Common.Errors;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.DisableUser;

public class DisableUserHandlerTests
{
    private Ports ports = null!;
    private DisableUserHandler handler = null!;
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
        ports.AdminCountIs(1);
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<DisableUserHandler>();
    }

    [Test]
    public async Task Disabling_marks_the_account_and_ends_every_session_after_the_commit()
    {
        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Disabled, Is.True);
            Assert.That(user.DisabledAt, Is.EqualTo(ports.Now));
            Assert.That(first.EndReason, Is.EqualTo(SessionEndReason.AccountDisabled));
            Assert.That(second.EndReason, Is.EqualTo(SessionEndReason.AccountDisabled));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(ports.Recorded, Is.EqualTo(new[]
            {
                new AccountDisabled(user.Id, ports.Now),
            }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Disabling_another_admin_is_allowed_while_an_admin_remains()
    {
        var other = ports.AddAdmin("other@example.com");
        ports.AdminCountIs(2);

        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.That(result.Value.Disabled, Is.True);
    }

    [Test]
    public async Task The_only_admin_disabling_themselves_is_last_admin()
    {
        var result = await handler.Handle(Command(admin.Id), CancellationToken.None);

        AssertRefused(result.Error, AuthErrors.LastAdmin);
    }

    [Test]
    public async Task An_admin_disabling_themselves_while_others_exist_cannot_change_own_access()
    {
        ports.AdminCountIs(2);

        var result = await handler.Handle(Command(admin.Id), CancellationToken.None);

        AssertRefused(result.Error, AuthErrors.CannotChangeOwnAccess);
    }

    [Test]
    public async Task Disabling_a_disabled_account_changes_nothing()
    {
        user.Disable(TestClock.Start);

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Disabled, Is.True);
            Assert.That(user.DisabledAt, Is.EqualTo(TestClock.Start));
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
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

    private void AssertRefused(Error? error, Error expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.EqualTo(expected));
            Assert.That(admin.IsDisabled, Is.False);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    private DisableUserCommand Command(Guid userId) => new(admin.Id, userId, Ports.Client);
}
