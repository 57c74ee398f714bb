using Auth.Application.Users.ResetPassword;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.ResetPassword;

public class ResetPasswordValidatorTests
{
    private static readonly ResetPasswordCommand Valid = new("a-token", "a brand new secret", Ports.Client);

    private readonly ResetPasswordValidator validator = new();

    [Test]
    public void A_token_and_a_long_enough_password_pass() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [Test]
    public void An_empty_token_fails_on_Token()
    {
        var result = validator.Validate(Valid with { Token = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Token" }));
            Assert.That(result.MessagesFor("Token"), Is.EqualTo(new[] { "Token is required." }));
        });
    }

    [Test]
    public void An_overlong_token_fails_on_Token() =>
        Assert.That(validator.Validate(Valid with { Token = new string('t', 257) }).FailedProperties(), Is.EqualTo(new[] { "Token" }));

    [TestCase(0, "Password is required.")]
    [TestCase(7, "Password must be 8 to 128 characters.")]
    [TestCase(129, "Password must be 8 to 128 characters.")]
    public void A_new_password_outside_8_to_128_characters_fails_on_NewPassword(int length, string message)
    {
        var result = validator.Validate(Valid with { NewPassword = new string('p', length) });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "NewPassword" }));
            Assert.That(result.MessagesFor("NewPassword"), Does.Contain(message));
        });
    }

    [TestCase(8)]
    [TestCase(128)]
    public void A_new_password_at_the_bounds_passes(int length) =>
        Assert.That(validator.Validate(Valid with { NewPassword = new string('p', length) }).IsValid, Is.True);
}
