using Auth.Application.Common.Security;
using Auth.Application.Sessions.RefreshSession;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.RefreshSession;

public class RefreshSessionValidatorTests
{
    private readonly RefreshSessionValidator validator = new();

    [TestCase(1)]
    [TestCase(43)]
    [TestCase(5000)]
    public void A_token_of_any_length_passes_so_the_handler_answers_invalid_refresh_token(int length) =>
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

    private static RefreshSessionCommand Command(string token) => new(token, ClientInfo.Unknown);
}
