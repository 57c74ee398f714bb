using Auth.Application.Common.Security;
using Auth.Application.Users.ChangePassword;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.ChangePassword;

public class ChangePasswordValidatorTests
{
    private static readonly ChangePasswordCommand Valid =
        new(Guid.NewGuid(), Guid.NewGuid(), "old secret", "a brand new secret", ClientInfo.Unknown);

    private readonly ChangePasswordValidator validator = new();

    [Test]
    public void A_valid_change_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [Test]
    public void A_short_current_password_passes_because_older_accounts_may_have_one() =>
        Assert.That(validator.Validate(Valid with { CurrentPassword = "x" }).IsValid, Is.True);

    [Test]
    public void An_empty_current_password_fails_on_CurrentPassword()
    {
        var result = validator.Validate(Valid with { CurrentPassword = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "CurrentPassword" }));
            Assert.That(result.MessagesFor("CurrentPassword"), Is.EqualTo(new[] { "Current password is required." }));
        });
    }

    [Test]
    public void An_overlong_current_password_fails_on_CurrentPassword() =>
        Assert.That(
            validator.Validate(Valid with { CurrentPassword = new string('p', 129) }).FailedProperties(),
            Is.EqualTo(new[] { "CurrentPassword" }));

    [Test]
    public void An_empty_new_password_fails_on_NewPassword()
    {
        var result = validator.Validate(Valid with { NewPassword = "" });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "NewPassword" }));
            Assert.That(result.MessagesFor("NewPassword"), Does.Contain("Password is required."));
        });
    }

    [TestCase(7)]
    [TestCase(129)]
    public void A_new_password_outside_8_to_128_characters_fails_on_NewPassword(int length)
    {
        var result = validator.Validate(Valid with { NewPassword = new string('p', length) });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "NewPassword" }));
            Assert.That(result.MessagesFor("NewPassword"), Is.EqualTo(new[] { "Password must be 8 to 128 characters." }));
        });
    }
}
