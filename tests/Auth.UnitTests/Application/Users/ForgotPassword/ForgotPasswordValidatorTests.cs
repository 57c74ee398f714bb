using Auth.Application.Users.ForgotPassword;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.ForgotPassword;

public class ForgotPasswordValidatorTests
{
    private readonly ForgotPasswordValidator validator = new();

    [Test]
    public void A_well_formed_email_passes() =>
        Assert.That(validator.Validate(new ForgotPasswordCommand("ada@example.com", Ports.Client)).IsValid, Is.True);

    [TestCase("", "Email is required.")]
    [TestCase("not-an-email", "Email is not a valid address.")]
    [TestCase("ada@localhost", "Email is not a valid address.")]
    public void A_missing_or_malformed_email_fails_on_Email(string email, string message)
    {
        var result = validator.Validate(new ForgotPasswordCommand(email, Ports.Client));

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Email" }));
            Assert.That(result.MessagesFor("Email"), Does.Contain(message));
        });
    }

    [Test]
    public void An_overlong_email_fails_on_Email() =>
        Assert.That(
            validator.Validate(new ForgotPasswordCommand(new string('a', 250) + "@x.io", Ports.Client)).MessagesFor("Email"),
            Does.Contain("Email must be at most 254 characters."));
}
