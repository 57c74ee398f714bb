using Auth.Application.Common.Security;
using Auth.Application.Users.DeleteAccount;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.DeleteAccount;

public class DeleteAccountValidatorTests
{
    private static readonly DeleteAccountCommand Valid = new(Guid.NewGuid(), Guid.NewGuid(), "my password", ClientInfo.Unknown);

    private readonly DeleteAccountValidator validator = new();

    [Test]
    public void A_password_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

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
    public void A_password_over_128_characters_fails_on_Password() =>
        Assert.That(validator.Validate(Valid with { Password = new string('p', 129) }).FailedProperties(), Is.EqualTo(new[] { "Password" }));

    [Test]
    public void A_password_of_128_characters_passes() =>
        Assert.That(validator.Validate(Valid with { Password = new string('p', 128) }).IsValid, Is.True);
}
