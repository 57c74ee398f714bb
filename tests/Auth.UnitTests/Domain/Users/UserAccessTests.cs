using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Users;

/// <summary>The account-lifecycle methods of <see cref="User"/>: confirmation, roles, disabling.</summary>
public class UserAccessTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    private User user = null!;

    [SetUp]
    public void SetUp() => user = User.Register("ada@example.com", "Ada", "hash", Now);

    [Test]
    public void A_new_user_holds_only_the_user_role_and_is_enabled_and_unconfirmed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(user.Roles, Is.EqualTo(new[] { RoleNames.User }));
            Assert.That(user.HasRole(RoleNames.User), Is.True);
            Assert.That(user.HasRole(RoleNames.Admin), Is.False);
            Assert.That(user.IsDisabled, Is.False);
            Assert.That(user.DisabledAt, Is.Null);
            Assert.That(user.EmailConfirmed, Is.False);
        });
    }

    [Test]
    public void HasRole_is_case_sensitive() => Assert.That(user.HasRole("USER"), Is.False);

    [Test]
    public void ConfirmEmail_confirms_once_and_bumps_UpdatedAt()
    {
        var first = user.ConfirmEmail(Later);
        var second = user.ConfirmEmail(Later.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(user.EmailConfirmed, Is.True);
            Assert.That(user.UpdatedAt, Is.EqualTo(Later), "a repeated confirmation changes nothing");
        });
    }

    [Test]
    public void GrantRole_adds_a_role_once()
    {
        var first = user.GrantRole(RoleNames.Admin, Later);
        var second = user.GrantRole(RoleNames.Admin, Later.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(user.Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
            Assert.That(user.HasRole(RoleNames.Admin), Is.True);
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void GrantRole_of_the_user_role_changes_nothing() =>
        Assert.That(user.GrantRole(RoleNames.User, Later), Is.False);

    [TestCase("root")]
    [TestCase("Admin")]
    [TestCase("")]
    public void GrantRole_of_an_unknown_role_throws_and_changes_nothing(string role)
    {
        var exception = Assert.Throws<ArgumentException>(() => user.GrantRole(role, Later));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo("role"));
            Assert.That(user.Roles, Is.EqualTo(new[] { RoleNames.User }));
            Assert.That(user.UpdatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void RevokeRole_removes_a_held_role_once()
    {
        user.GrantRole(RoleNames.Admin, Now);

        var first = user.RevokeRole(RoleNames.Admin, Later);
        var second = user.RevokeRole(RoleNames.Admin, Later.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(user.Roles, Is.EqualTo(new[] { RoleNames.User }));
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void RevokeRole_of_the_user_role_throws_because_everyone_keeps_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => user.RevokeRole(RoleNames.User, Later));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo("role"));
            Assert.That(user.HasRole(RoleNames.User), Is.True);
        });
    }

    [Test]
    public void Disable_sets_the_time_once()
    {
        var first = user.Disable(Later);
        var second = user.Disable(Later.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(user.IsDisabled, Is.True);
            Assert.That(user.DisabledAt, Is.EqualTo(Later), "the first disabling is kept");
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void Enable_clears_the_disabling_once()
    {
        user.Disable(Now);

        var first = user.Enable(Later);
        var second = user.Enable(Later.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(user.IsDisabled, Is.False);
            Assert.That(user.DisabledAt, Is.Null);
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void Enable_of_an_enabled_account_changes_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(user.Enable(Later), Is.False);
            Assert.That(user.UpdatedAt, Is.EqualTo(Now));
        });
    }
}
