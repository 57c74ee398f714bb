using System.Net;
using Auth.Api.Http;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Passkeys;

/// <summary>In cookie mode the passkey sign-in keeps its device cookie on its own path, so a browser is a known device there too.</summary>
public sealed class PasskeyCookieModeTests
{
    [Test]
    public async Task The_second_passkey_sign_in_of_a_browser_is_a_known_device_through_its_own_cookie()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Auth:RefreshTokenTransport"] = "cookie" });
        var jar = new CookieContainer();
        using var browser = factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar));
        browser.DefaultRequestHeaders.Add("X-Requested-With", "fetch");
        var user = await browser.SignUpAsync();
        var authenticator = new SoftwareAuthenticator();
        await browser.AddPasskeyAsync(user.AccessToken, authenticator);

        var (firstChallenge, firstOptions) = await browser.SignInOptionsAsync();
        var first = await browser.PasskeyLoginAsync(firstChallenge, authenticator.Get(firstOptions));
        var (secondChallenge, secondOptions) = await browser.SignInOptionsAsync();
        var second = await browser.PasskeyLoginAsync(secondChallenge, authenticator.Get(secondOptions));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeviceTokenTransport.CookieName + "=", StringComparison.Ordinal));
        Assert.That(cookie.Split("; ").Skip(1), Is.SupersetOf(new[] { "path=/auth/passkeys/login", "secure", "samesite=strict", "httponly" }));
        Assert.That((await first.ReadJsonAsync()).TryGetProperty("deviceToken", out _), Is.False);
        var devices = await factory.WithDatabaseAsync(async db =>
        {
            var id = (await db.Users.AsNoTracking().SingleAsync(u => u.Email == user.Email)).Id;
            return await db.KnownDevices.AsNoTracking().CountAsync(d => d.UserId == id);
        });
        Assert.That(devices, Is.EqualTo(1), "the second sign-in presented the first one's cookie");
    }
}
