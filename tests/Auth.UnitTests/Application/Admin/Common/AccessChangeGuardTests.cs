using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Admin.Common;

public class AccessChangeGuardTests
{
    private Ports ports = null!;
    private AccessChangeGuard guard = null!;
    private User admin = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        admin = ports.AddAdmin();
        guard = ports.AccessChangeGuard();
    }

    [Test]
    public async Task The_only_admin_acting_on_themselves_is_refused_as_last_admin()
    {
        ports.AdminCountIs(1);

        Assert.That(await guard.CheckAsync(admin.Id, admin, CancellationToken.None), Is.EqualTo(AuthErrors.LastAdmin));
    }

    [Test]
    public async Task An_admin_acting_on_themselves_while_other_admins_exist_cannot_change_their_own_access()
    {
        ports.AdminCountIs(2);

        Assert.That(await guard.CheckAsync(admin.Id, admin, CancellationToken.None), Is.EqualTo(AuthErrors.CannotChangeOwnAccess));
    }

    [Test]
    public async Task Taking_admin_from_another_admin_is_allowed_while_one_remains()
    {
        var other = ports.AddAdmin("other@example.com");
        ports.AdminCountIs(2);

        Assert.That(await guard.CheckAsync(admin.Id, other, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Acting_on_a_plain_user_is_allowed_without_counting_admins()
    {
        var user = ports.AddUser();

        Assert.That(await guard.CheckAsync(admin.Id, user, CancellationToken.None), Is.Null);
        ports.Users.Verify(u => u.ListWithRoleAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Test]
    public async Task Taking_admin_away_makes_the_commit_conditional_on_every_remaining_admin()
    {
        var other = ports.AddAdmin("other@example.com");
        ports.AdminCountIs(2);

        await guard.CheckAsync(admin.Id, other, CancellationToken.None);

        ports.Users.Verify(u => u.RequireUnchanged(admin), Times.Once());
        ports.Users.Verify(u => u.RequireUnchanged(other), Times.Never());
    }
}
