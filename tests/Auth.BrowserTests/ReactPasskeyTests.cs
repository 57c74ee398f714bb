using System.Text.Json;
using Auth.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// Passkeys in samples/react with Chromium's own WebAuthn stack: a virtual authenticator (Chrome DevTools Protocol
/// <c>WebAuthn.addVirtualAuthenticator</c>: CTAP2, internal transport, resident keys, user verification) stands in
/// for the device's, and <c>navigator.credentials</c> is the browser's, not a mock.
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class ReactPasskeyTests(string transport) : ReactAppTest(transport)
{
    [Test]
    public async Task Add_a_passkey_log_out_sign_in_with_it_rename_and_delete_it()
    {
        var page = await NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var authenticatorId = await AddVirtualAuthenticatorAsync(cdp);
        await page.GotoAsync(AppUrl + "/signup");
        await SignUpAsync(page, "Ada Lovelace", NewEmail());
        await GoToAsync(page, "Passkeys");

        await page.Locator("#passkey-name").FillAsync("Laptop");
        await page.Locator("#add-passkey").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Passkey added.");
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
        await GoToAsync(page, "Passkeys");
        await Expect(page.Locator("#passkey-list li")).ToContainTextAsync("last used");

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

    [Test]
    public async Task A_passkey_answers_the_second_step_of_a_password_sign_in()
    {
        var page = await NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await AddVirtualAuthenticatorAsync(cdp);
        var email = NewEmail();
        await page.GotoAsync(AppUrl + "/signup");
        await SignUpAsync(page, "Grace Hopper", email);
        await GoToAsync(page, "Two-step verification");
        await page.Locator("#mfa-start-form input[name=currentPassword]").FillAsync(Password);
        await page.Locator("#mfa-start-form button").ClickAsync();
        var secret = await page.Locator("#mfa-secret").TextContentAsync();
        await page.Locator("#mfa-confirm-form input[name=code]").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp());
        await page.Locator("#mfa-confirm-form button").ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        // Adding a passkey to an account with two-step verification needs a session that used it: this one did not.
        await GoToAsync(page, "Passkeys");
        await page.Locator("#add-passkey").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("sign in again with your second factor");

        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email);
        await page.Locator("#mfa-form input[name=code]").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.Locator("#mfa-form button").ClickAsync();
        await GoToAsync(page, "Passkeys");
        await page.Locator("#add-passkey").ClickAsync();
        await Expect(page.Locator("#passkey-list li")).ToHaveCountAsync(1);

        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email);
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        await page.Locator("#mfa-passkey").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Grace Hopper");
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

    private static string[] Amr(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='));
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("amr").EnumerateArray().Select(a => a.GetString()!)];
    }
}
