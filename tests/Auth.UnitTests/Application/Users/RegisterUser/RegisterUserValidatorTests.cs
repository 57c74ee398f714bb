using Auth.Application.Common.Security;
using Auth.Application.Users.RegisterUser;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.RegisterUser;

public class RegisterUserValidatorTests
{
    private static readonly RegisterUserCommand Valid =
        new("ada@example.com", "correct horse battery staple", "Ada Lovelace", ClientInfo.Unknown);

    private readonly RegisterUserValidator validator = new();

    [Test]
    public void A_valid_signup_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [Test]
    public void An_email_of_exactly_254_characters_passes_and_surrounding_space_does_not_count()
    {
        var email = new string('a', 254 - "@example.com".Length) + "@example.com";

        Assert.That(validator.Validate(Valid with { Email = "  " + email + "  " }).IsValid, Is.True);
    }

    [Test]
    public void An_empty_email_fails_on_Email()
    {
        var result = validator.Validate(Valid with { Email = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Email" }));
            Assert.That(result.MessagesFor("Email"), Does.Contain("Email is required."));
        });
    }

    [Test]
    public void An_email_longer_than_254_characters_fails_on_Email()
    {
        var email = new string('a', 255 - "@example.com".Length) + "@example.com";

        var result = validator.Validate(Valid with { Email = email });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Email" }));
            Assert.That(result.MessagesFor("Email"), Is.EqualTo(new[] { "Email must be at most 254 characters." }));
        });
    }

    [TestCase("ada")]
    [TestCase("ada@localhost")]
    [TestCase("ada @example.com")]
    public void A_malformed_email_fails_on_Email(string email)
    {
        var result = validator.Validate(Valid with { Email = email });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Email" }));
            Assert.That(result.MessagesFor("Email"), Is.EqualTo(new[] { "Email is not a valid address." }));
        });
    }

    [Test]
    public void An_empty_password_fails_on_Password()
    {
        var result = validator.Validate(Valid with { Password = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Password" }));
            Assert.That(result.MessagesFor("Password"), Does.Contain("Password is required."));
        });
    }

    [TestCase(7)]
    [TestCase(129)]
    public void A_password_outside_8_to_128_characters_fails_on_Password(int length)
    {
        var result = validator.Validate(Valid with { Password = new string('p', length) });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Password" }));
            Assert.That(result.MessagesFor("Password"), Is.EqualTo(new[] { "Password must be 8 to 128 characters." }));
        });
    }

    [TestCase(8)]
    [TestCase(128)]
    public void A_password_at_the_length_bounds_passes(int length) =>
        Assert.That(validator.Validate(Valid with { Password = new string('p', length) }).IsValid, Is.True);

    [Test]
    public void A_password_has_no_composition_rules() =>
        Assert.That(validator.Validate(Valid with { Password = "aaaaaaaa" }).IsValid, Is.True);

    [TestCase("", "Name is required.")]
    [TestCase("   ", "Name is required.")]
    [TestCase("Ada\u0007Lovelace", "Name must not contain control, invisible or text-direction characters.")]
    public void An_invalid_name_fails_on_Name(string name, string message)
    {
        var result = validator.Validate(Valid with { Name = name });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Name" }));
            Assert.That(result.MessagesFor("Name"), Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public void A_name_longer_than_100_characters_fails_on_Name()
    {
        var result = validator.Validate(Valid with { Name = new string('n', 101) });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Name" }));
            Assert.That(result.MessagesFor("Name"), Is.EqualTo(new[] { "Name must be at most 100 characters." }));
        });
    }

    [Test]
    public void A_name_of_100_characters_plus_surrounding_space_passes() =>
        Assert.That(validator.Validate(Valid with { Name = "  " + new string('n', 100) + "  " }).IsValid, Is.True);

    [Test]
    public void Every_invalid_field_is_reported()
    {
        var result = validator.Validate(new RegisterUserCommand("nope", "short", " ", ClientInfo.Unknown));

        Assert.That(result.FailedProperties(), Is.EquivalentTo(new[] { "Email", "Password", "Name" }));
    }
}
