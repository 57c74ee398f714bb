using System.Text.Json;
using Auth.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// Passkeys in samples/web with Chromium's own WebAuthn stack: a virtual authenticator (Chrome DevTools Protocol
/// <c>WebAuthn.addVirtualAuthenticator</c>: CTAP2, internal transport, resident keys, user verification) stands in
/// for the device's, and <c>navigator.credentials</c> is the browser's, not a mock. The app and the API are both on
/// <c>localhost</c> (the RP id): WebAuthn accepts no IP address as one.
/// </summary>
public sealed class PasskeyAppTests : BrowserTest
{
    private const string Password = "correct horse battery";

    private StaticHost app = null!;
    private KestrelApi api = null!;

    private string AppOrigin => OnLocalhost(app.BaseUrl);

    private string ApiUrl => OnLocalhost(api.BaseUrl);

    [OneTimeSetUp]
    public async Task StartAppAndApi()
    {
        app = await StaticHost.StartAsync(SampleApp.RequireBuilt());
        var origin = OnLocalhost(app.BaseUrl);
        api = new KestrelApi(new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = origin,
            ["Passkeys:RelyingPartyId"] = "localhost",
            ["Passkeys:Origins:0"] = origin,
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task Add_a_passkey_log_out_sign_in_with_it_rename_and_delete_it()
    {
        var email = $"passkey-{Guid.NewGuid():N}@example.com";
        var page = await NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var authenticatorId = await AddVirtualAuthenticatorAsync(cdp);
        await page.GotoAsync($"{AppOrigin}/index.html?api={Uri.EscapeDataString(ApiUrl)}&transport=body");
        await SignUpAsync(page, "Ada Lovelace", email);

        await page.Locator("#passkey-name").FillAsync("Laptop");
        await page.Locator("#add-passkey").ClickAsync();
        await Expect(page.Locator("#passkey-list li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#passkey-list li .passkey-name")).ToHaveTextAsync("Laptop");
        await Expect(page.Locator("#passkey-list li")).ToContainTextAsync("not used yet");
        var stored = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        var credential = stored!.Value.GetProperty("credentials").EnumerateArray().Single();
        Assert.That(credential.GetProperty("isResidentCredential").GetBoolean(), Is.True, "a discoverable credential, so no email is needed to sign in");
        Assert.That(credential.GetProperty("rpId").GetString(), Is.EqualTo("localhost"));

        await page.Locator("#logout").ClickAsync();
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        var login = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#passkey-login").ClickAsync(), r => r.Url.EndsWith("/auth/passkeys/login", StringComparison.Ordinal));
        Assert.That(login.Status, Is.EqualTo(200));
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");
        var accessToken = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString()!;
        Assert.That(Amr(accessToken), Is.EqualTo(new[] { "hwk", "mfa" }));
        await Expect(page.Locator("#passkey-list li")).ToContainTextAsync("last used");
        var signCount = (await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId }))!
            .Value.GetProperty("credentials")[0].GetProperty("signCount").GetInt32();
        Assert.That(signCount, Is.GreaterThan(0), "the authenticator counted the sign-in");

        var item = page.Locator("#passkey-list li");
        await item.Locator("input[name=name]").FillAsync("Work laptop");
        await item.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(page.Locator("#passkey-list li .passkey-name")).ToHaveTextAsync("Work laptop");

        await page.Locator("#passkey-list li").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.Locator("#passkey-list li")).ToHaveCountAsync(0);

        // The authenticator still holds the key, but the service no longer knows it.
        await page.Locator("#logout").ClickAsync();
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await page.Locator("#passkey-login").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("The passkey could not be verified");
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();
    }

    /// <summary>A platform authenticator that verifies the user every time (no prompt in headless Chromium).</summary>
    private static async Task<string> AddVirtualAuthenticatorAsync(ICDPSession cdp)
    {
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return added!.Value.GetProperty("authenticatorId").GetString()!;
    }

    private static async Task SignUpAsync(IPage page, string name, string email)
    {
        var form = page.Locator("#signup-form");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(Password);
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }

    private static string[] Amr(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='));
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("amr").EnumerateArray().Select(a => a.GetString()!)];
    }

    /// <summary>The same loopback server named <c>localhost</c>, the RP id's host.</summary>
    private static string OnLocalhost(string url) => new UriBuilder(url) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority);
}
