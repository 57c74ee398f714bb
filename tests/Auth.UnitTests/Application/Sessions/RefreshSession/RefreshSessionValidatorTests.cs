using Auth.Application.Common.Security;
using Auth.Application.Sessions.RefreshSession;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.RefreshSession;

public class RefreshSessionValidatorTests
{
    private readonly RefreshSessionValidator validator = new();

    [TestCase(1)]
    [TestCase(43)]
    [TestCase(256)]
    public void A_token_up_to_256_characters_passes(int length) =>
        Assert.That(validator.Validate(Command(new string('t', length))).IsValid, Is.True);

    [Test]
    public void An_empty_token_fails_on_RefreshToken()
    {
        var result = validator.Validate(Command(""));

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "RefreshToken" }));
            Assert.That(result.MessagesFor("RefreshToken"), Is.EqualTo(new[] { "Refresh token is required." }));
        });
    }

    [Test]
    public void A_token_over_256_characters_fails_on_RefreshToken() =>
        Assert.That(validator.Validate(Command(new string('t', 257))).FailedProperties(), Is.EqualTo(new[] { "RefreshToken" }));

    private static RefreshSessionCommand Command(string token) => new(token, ClientInfo.Unknown);
}
