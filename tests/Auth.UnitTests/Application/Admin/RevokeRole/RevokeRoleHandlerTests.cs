using Auth.Application.Admin.RevokeRole;
using Auth.Application.Common.Errors;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.RevokeRole;

public class RevokeRoleHandlerTests
{
    private Ports ports = null!;
    private RevokeRoleHandler handler = null!;
    private User admin = null!;
    private User other = null!;
    private Session first = null!;
    private Session second = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        admin = ports.AddAdmin();
        other = ports.AddAdmin("other@example.com", "Other Admin");
        first = ports.AddSession(other);
        second = ports.AddSession(other);
        ports.ActiveSessionsAre(other, first, second);
        ports.AdminCountIs(2);
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<RevokeRoleHandler>();
    }

    [Test]
    public async Task Revoking_admin_removes_the_role_and_ends_every_session_at_once()
    {
        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Roles, Is.EqualTo(new[] { RoleNames.User }));
            Assert.That(other.HasRole(RoleNames.Admin), Is.False);
            Assert.That(other.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(first.EndReason, Is.EqualTo(SessionEndReason.RoleRevoked));
            Assert.That(second.EndReason, Is.EqualTo(SessionEndReason.RoleRevoked));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(ports.Recorded, Is.EqualTo(new[]
            {
                new RoleRevoked(other.Id, RoleNames.Admin, ports.Now),
            }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task The_only_admin_revoking_their_own_admin_is_last_admin()
    {
        ports.AdminCountIs(1);

        var result = await handler.Handle(new RevokeRoleCommand(admin.Id, admin.Id, RoleNames.Admin, Ports.Client), CancellationToken.None);

        AssertRefused(result.Error, AuthErrors.LastAdmin, admin);
    }

    [Test]
    public async Task An_admin_revoking_their_own_admin_while_others_exist_cannot_change_own_access()
    {
        var result = await handler.Handle(new RevokeRoleCommand(admin.Id, admin.Id, RoleNames.Admin, Ports.Client), CancellationToken.None);

        AssertRefused(result.Error, AuthErrors.CannotChangeOwnAccess, admin);
    }

    [Test]
    public async Task Revoking_a_role_not_held_changes_nothing_and_ends_no_session()
    {
        var user = ports.AddUser();
        var session = ports.AddSession(user);
        ports.ActiveSessionsAre(user, session);

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Roles, Is.EqualTo(new[] { RoleNames.User }));
            Assert.That(session.EndedAt, Is.Null);
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

        var result = await handler.Handle(Command(other.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private void AssertRefused(Error? error, Error expected, User target)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.EqualTo(expected));
            Assert.That(target.HasRole(RoleNames.Admin), Is.True);
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    private RevokeRoleCommand Command(Guid userId) => new(admin.Id, userId, RoleNames.Admin, Ports.Client);
}
