using Auth.Application.Users.ConfirmEmail;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.ConfirmEmail;

public class ConfirmEmailValidatorTests
{
    private readonly ConfirmEmailValidator validator = new();

    [Test]
    public void A_token_passes() => Assert.That(validator.Validate(new ConfirmEmailCommand("abc", Ports.Client)).IsValid, Is.True);

    [Test]
    public void A_token_of_256_characters_passes() =>
        Assert.That(validator.Validate(new ConfirmEmailCommand(new string('t', 256), Ports.Client)).IsValid, Is.True);

    [Test]
    public void An_empty_token_fails_on_Token()
    {
        var result = validator.Validate(new ConfirmEmailCommand("", Ports.Client));

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Token" }));
            Assert.That(result.MessagesFor("Token"), Is.EqualTo(new[] { "Token is required." }));
        });
    }

    [Test]
    public void An_overlong_token_fails_on_Token() =>
        Assert.That(
            validator.Validate(new ConfirmEmailCommand(new string('t', 257), Ports.Client)).FailedProperties(),
            Is.EqualTo(new[] { "Token" }));
}
