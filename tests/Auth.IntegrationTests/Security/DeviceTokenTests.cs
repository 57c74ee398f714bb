using System.Net;
using System.Net.Http.Json;
using Auth.Api.Http;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Auth.IntegrationTests.Security;

/// <summary>Device tokens (OWASP device cookies): the lockout locks out unknown clients, never the owner's known device.</summary>
public sealed class DeviceTokenTests
{
    private const int MaxFailures = 5;

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new AuthApiFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task An_attacker_hammering_the_account_cannot_stop_the_owners_known_device_and_gets_at_most_the_configured_guesses()
    {
        var user = await client.SignUpAsync();
        var deviceToken = await DeviceTokenOfLoginAsync(user);

        var attack = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => LoginAsync(user.Email, "wrong password!")));
        var ownerDuringAttack = await LoginAsync(user.Email, user.Password, deviceToken);
        var attempts = await attack;
        var ownerAfterAttack = await LoginAsync(user.Email, user.Password, deviceToken);
        var strangerWithThePassword = await LoginAsync(user.Email, user.Password);

        Assert.Multiple(() =>
        {
            Assert.That(ownerDuringAttack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ownerAfterAttack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(attempts.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), Is.EqualTo(MaxFailures), "passwords checked for the attacker");
            Assert.That(attempts.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(30 - MaxFailures));
            Assert.That(strangerWithThePassword.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "unknown clients share the locked budget");
        });
    }

    [Test]
    public async Task A_known_device_is_locked_only_by_its_own_failures()
    {
        var user = await client.SignUpAsync();
        var deviceToken = await DeviceTokenOfLoginAsync(user);

        for (var i = 0; i < MaxFailures; i++)
        {
            Assert.That((await LoginAsync(user.Email, "wrong password!", deviceToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var device = await LoginAsync(user.Email, user.Password, deviceToken);
        var elsewhere = await LoginAsync(user.Email, user.Password);

        await device.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the device's failures spend none of the email's budget");
    }

    [Test]
    public async Task A_made_up_device_token_gets_the_shared_budget()
    {
        var user = await client.SignUpAsync();
        for (var i = 0; i < MaxFailures; i++)
        {
            await LoginAsync(user.Email, "wrong password!");
        }

        var forged = await LoginAsync(user.Email, user.Password, "not-a-device-token-anyone-was-given");

        await forged.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Test]
    public async Task A_password_reset_clears_the_lockout_and_forgets_every_known_device()
    {
        var user = await client.SignUpAsync();
        var deviceToken = await DeviceTokenOfLoginAsync(user);
        for (var i = 0; i < MaxFailures; i++)
        {
            await LoginAsync(user.Email, "wrong password!");
        }

        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);
        var reset = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "a brand new passphrase" });
        var afterReset = await LoginAsync(user.Email, "a brand new passphrase");
        for (var i = 0; i < MaxFailures; i++)
        {
            await LoginAsync(user.Email, "wrong password!");
        }

        var oldDevice = await LoginAsync(user.Email, "a brand new passphrase", deviceToken);

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterReset.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the reset cleared the lockout");
        await oldDevice.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Test]
    public async Task Cookie_mode_keeps_the_device_token_in_an_httponly_cookie_that_only_login_sees()
    {
        await using var cookieMode = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Auth:RefreshTokenTransport"] = "cookie" });
        var jar = new CookieContainer();
        using var owner = cookieMode.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar));
        using var attacker = cookieMode.CreateDefaultClient(new Uri("https://localhost"));
        var user = await owner.SignUpAsync();

        var login = await owner.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        for (var i = 0; i < MaxFailures + 2; i++)
        {
            await attacker.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password!" });
        }

        var ownerAgain = await owner.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeviceTokenTransport.CookieName + "=", StringComparison.Ordinal));
        Assert.Multiple(async () =>
        {
            Assert.That(cookie.Split("; ").Skip(1), Is.SupersetOf(new[] { "path=/auth/login", "secure", "samesite=strict", "httponly" }));
            Assert.That(cookie, Does.Contain("max-age=15552000"), "180 days by default");
            Assert.That((await login.ReadJsonAsync()).TryGetProperty("deviceToken", out _), Is.False);
            Assert.That(jar.GetCookies(new Uri("https://localhost/auth/refresh"))[DeviceTokenTransport.CookieName], Is.Null, "no other path sees it");
            Assert.That(ownerAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private async Task<string> DeviceTokenOfLoginAsync(SignedUpUser user)
    {
        var login = await LoginAsync(user.Email, user.Password);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await login.ReadJsonAsync()).GetProperty("deviceToken").GetString()!;
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password, string? deviceToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email, password }) };
        if (deviceToken is not null)
        {
            request.Headers.Add(DeviceTokenTransport.HeaderName, deviceToken);
        }

        return client.SendAsync(request);
    }
}
