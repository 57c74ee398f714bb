using Auth.Application.Common.Security;
using Auth.Application.Sessions.Login;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.Login;

public class LoginValidatorTests
{
    private static readonly LoginCommand Valid = new("ada@example.com", "correct horse", ClientInfo.Unknown);

    private readonly LoginValidator validator = new();

    [Test]
    public void Valid_credentials_pass() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [Test]
    public void A_short_password_passes_so_login_does_not_reveal_the_password_policy() =>
        Assert.That(validator.Validate(Valid with { Password = "x" }).IsValid, Is.True);

    [Test]
    public void A_malformed_email_passes_so_login_answers_like_any_unknown_account() =>
        Assert.That(validator.Validate(Valid with { Email = "not-an-email" }).IsValid, Is.True);

    [Test]
    public void An_empty_email_fails_on_Email()
    {
        var result = validator.Validate(Valid with { Email = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Email" }));
            Assert.That(result.MessagesFor("Email"), Is.EqualTo(new[] { "Email is required." }));
        });
    }

    [Test]
    public void An_email_over_256_characters_fails_on_Email() =>
        Assert.That(validator.Validate(Valid with { Email = new string('e', 257) }).FailedProperties(), Is.EqualTo(new[] { "Email" }));

    [Test]
    public void An_email_of_256_characters_passes() =>
        Assert.That(validator.Validate(Valid with { Email = new string('e', 256) }).IsValid, Is.True);

    [Test]
    public void An_empty_password_fails_on_Password()
    {
        var result = validator.Validate(Valid with { Password = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Password" }));
            Assert.That(result.MessagesFor("Password"), Is.EqualTo(new[] { "Password is required." }));
        });
    }

    [Test]
    public void A_password_over_128_characters_fails_on_Password_so_nobody_makes_us_hash_megabytes() =>
        Assert.That(validator.Validate(Valid with { Password = new string('p', 129) }).FailedProperties(), Is.EqualTo(new[] { "Password" }));
}
