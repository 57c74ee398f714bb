using Auth.Application.Common.Security;
using Auth.Application.Sessions.Logout;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.Logout;

public class LogoutValidatorTests
{
    private readonly LogoutValidator validator = new();

    [TestCase(null)]
    [TestCase("local")]
    [TestCase("global")]
    [TestCase("others")]
    public void Known_scopes_and_no_scope_pass(string? scope) =>
        Assert.That(validator.Validate(Command(scope)).IsValid, Is.True);

    [TestCase("everywhere")]
    [TestCase("Global")]
    [TestCase("")]
    public void Other_scopes_fail_on_Scope(string scope)
    {
        var result = validator.Validate(Command(scope));

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Scope" }));
            Assert.That(result.MessagesFor("Scope"), Is.EqualTo(new[] { "Scope must be one of: local, global, others." }));
        });
    }

    private static LogoutCommand Command(string? scope) => new(Guid.NewGuid(), Guid.NewGuid(), scope, ClientInfo.Unknown);
}
