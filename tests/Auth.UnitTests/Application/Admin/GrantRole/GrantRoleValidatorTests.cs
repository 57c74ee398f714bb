using Auth.Application.Admin.GrantRole;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.GrantRole;

public class GrantRoleValidatorTests
{
    private readonly GrantRoleValidator validator = new();

    [TestCase(RoleNames.Admin)]
    [TestCase(RoleNames.User)]
    public void A_known_role_passes(string role) => Assert.That(validator.Validate(Command(role)).IsValid, Is.True);

    [TestCase("root")]
    [TestCase("Admin")]
    [TestCase("")]
    public void An_unknown_role_fails_on_Role_naming_the_known_ones(string role)
    {
        var result = validator.Validate(Command(role));

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Role" }));
            Assert.That(result.MessagesFor("Role"), Is.EqualTo(new[] { "Role must be one of: user, admin." }));
        });
    }

    private static GrantRoleCommand Command(string role) => new(Guid.NewGuid(), Guid.NewGuid(), role, Ports.Client);
}
