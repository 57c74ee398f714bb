using Auth.Domain.Users;

namespace Auth.UnitTests.Domain.Users;

public class RoleNamesTests
{
    // Role names end up in access tokens and in stored rows: changing one is a breaking change.
    [Test]
    public void Role_names_are_the_contract_strings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RoleNames.User, Is.EqualTo("user"));
            Assert.That(RoleNames.Admin, Is.EqualTo("admin"));
        });
    }

    [Test]
    public void A_new_user_holds_only_the_user_role()
    {
        var user = User.Register("ada@example.com", "Ada", "hash", DateTimeOffset.UnixEpoch);

        Assert.That(user.Roles, Is.EqualTo(new[] { RoleNames.User }));
    }
}
