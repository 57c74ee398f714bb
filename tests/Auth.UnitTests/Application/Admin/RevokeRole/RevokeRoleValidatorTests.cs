using Auth.Application.Admin.RevokeRole;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.RevokeRole;

public class RevokeRoleValidatorTests
{
    private readonly RevokeRoleValidator validator = new();

    [Test]
    public void Admin_passes() => Assert.That(validator.Validate(Command(RoleNames.Admin)).IsValid, Is.True);

    [TestCase(RoleNames.User)]
    [TestCase("root")]
    [TestCase("")]
    public void The_user_role_or_an_unknown_one_fails_on_Role(string role)
    {
        var result = validator.Validate(Command(role));

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Role" }));
            Assert.That(result.MessagesFor("Role"), Is.EqualTo(new[] { "Only the admin role can be revoked; every user holds 'user'." }));
        });
    }

    private static RevokeRoleCommand Command(string role) => new(Guid.NewGuid(), Guid.NewGuid(), role, Ports.Client);
}
