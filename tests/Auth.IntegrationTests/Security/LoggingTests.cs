using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Security;

public sealed class LoggingTests
{
    [Test]
    public async Task Logs_name_security_events_but_never_contain_a_password_token_or_hash()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "a wrong password" });
        var login = await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password })).ReadJsonAsync();
        await client.LogoutAsync(user.AccessToken);

        var logs = string.Join("\n", factory.Logs.Lines);

        Assert.Multiple(() =>
        {
            Assert.That(logs, Does.Contain("SignedUp").And.Contain("LoginFailed").And.Contain("LoginSucceeded").And.Contain("LoggedOut"));
            Assert.That(logs, Does.Contain(user.Auth.User.Id.ToString()));
            Assert.That(logs, Does.Not.Contain(user.Password));
            Assert.That(logs, Does.Not.Contain("a wrong password"));
            Assert.That(logs, Does.Not.Contain(user.AccessToken));
            Assert.That(logs, Does.Not.Contain(user.Auth.RefreshToken));
            Assert.That(logs, Does.Not.Contain(login.GetProperty("refreshToken").GetString()));
            Assert.That(logs, Does.Not.Contain("$argon2id$"));
            Assert.That(logs, Does.Not.Contain("PRIVATE KEY"));
        });
    }
}
