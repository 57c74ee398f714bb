using Auth.Application.Admin.GrantRole;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.GrantRole;

public class GrantRoleHandlerTests
{
    private Ports ports = null!;
    private GrantRoleHandler handler = null!;
    private User admin = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        admin = ports.AddAdmin();
        user = ports.AddUser();
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<GrantRoleHandler>();
    }

    [Test]
    public async Task Granting_admin_adds_the_role_saves_and_raises_the_event_the_trail_records()
    {
        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
            Assert.That(user.HasRole(RoleNames.Admin), Is.True);
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.Recorded, Is.EqualTo(new[]
            {
                new RoleGranted(user.Id, RoleNames.Admin, RoleGrantGrounds.ByAdmin, ports.Now),
            }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Granting_a_role_already_held_is_idempotent_and_saves_nothing()
    {
        user.GrantRole(RoleNames.Admin, TestClock.Start);

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Value.Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
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
    public async Task A_failed_commit_is_returned_and_records_nothing()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private GrantRoleCommand Command(Guid userId) => new(admin.Id, userId, RoleNames.Admin, Ports.Client);
}
