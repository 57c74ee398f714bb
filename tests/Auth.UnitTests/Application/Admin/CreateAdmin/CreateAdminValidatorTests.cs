using Auth.Application.Admin.CreateAdmin;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.CreateAdmin;

public class CreateAdminValidatorTests
{
    private static readonly CreateAdminCommand Valid = new("root@example.com", "a long enough secret", "Root");

    private readonly CreateAdminValidator validator = new();

    [Test]
    public void A_valid_command_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [TestCase("")]
    [TestCase("root")]
    public void A_bad_email_fails_on_Email(string email) =>
        Assert.That(validator.Validate(Valid with { Email = email }).FailedProperties(), Is.EqualTo(new[] { "Email" }));

    [TestCase("")]
    [TestCase("short")]
    public void A_missing_or_short_password_fails_on_Password(string password) =>
        Assert.That(validator.Validate(Valid with { Password = password }).FailedProperties(), Is.EqualTo(new[] { "Password" }));

    [Test]
    public void A_blank_name_fails_on_Name()
    {
        var result = validator.Validate(Valid with { Name = "   " });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Name" }));
            Assert.That(result.MessagesFor("Name"), Does.Contain("Name is required."));
        });
    }
}
