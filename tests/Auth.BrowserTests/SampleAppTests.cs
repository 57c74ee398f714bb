using Auth.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/web on its own origin against the service, in both refresh-token transports: what a person using the
/// app sees, including what happens when tokens expire or the session is ended elsewhere.
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class SampleAppTests(string transport) : BrowserTest
{
    private const string Password = "correct horse battery";

    // Short enough to watch a renewal, long enough that a step never races its own token.
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(4);

    private StaticHost app = null!;
    private KestrelApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAndApi()
    {
        app = await StaticHost.StartAsync(SampleApp.RequireBuilt());
        api = new KestrelApi(new Dictionary<string, string?>
        {
            ["Auth:RefreshTokenTransport"] = transport,
            ["Cors:AllowedOrigins:0"] = app.BaseUrl,
        }, AccessTokenLifetime);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        // Setup stops with Assert.Ignore, before starting anything, where no browser or built sample app is found.
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
    public async Task Sign_up_reload_renew_silently_and_be_signed_out_by_logout_everywhere_elsewhere()
    {
        var email = $"app-{Guid.NewGuid():N}@example.com";
        var page = await OpenAppAsync();
        var unauthorized = 0;
        page.Response += (_, r) => unauthorized += r.Url.EndsWith("/auth/user", StringComparison.Ordinal) && r.Status == 401 ? 1 : 0;

        await SignUpAsync(page, "Ada Lovelace", email);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");

        await page.ReloadAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");

        // Nobody clicks: the app renews the access token before it expires...
        var renewal = await page.WaitForResponseAsync(r => r.Url.EndsWith("/auth/refresh", StringComparison.Ordinal), new() { Timeout = Timeout });
        Assert.That(renewal.Status, Is.EqualTo(200));
        await Expect(page.Locator("#token-status")).ToContainTextAsync("renewed");
        // ...so a call made after the first token's expiry still succeeds, without ever meeting a 401.
        await page.WaitForTimeoutAsync((float)AccessTokenLifetime.TotalMilliseconds);
        await page.Locator("#name-form input[name=name]").FillAsync("Ada King");
        await page.Locator("#name-form button").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada King");
        Assert.That(unauthorized, Is.Zero);

        var other = await OpenAppAsync();
        await LogInAsync(other, email, Password);
        await Expect(other.Locator("#sessions li")).ToHaveCountAsync(2);
        await other.Locator("#logout-everywhere").ClickAsync();
        await Expect(other.Locator("#login-form")).ToBeVisibleAsync();

        // Nobody clicks here either: the next renewal (within a token lifetime) is refused and the app signs out.
        // A click would race that timer, since the button is gone once the app has signed out by itself.
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("session ended");
    }

    [Test]
    public async Task Log_in_change_the_password_end_another_session_and_log_out()
    {
        var email = $"app-{Guid.NewGuid():N}@example.com";
        var first = await OpenAppAsync();
        await SignUpAsync(first, "Grace Hopper", email);
        var second = await OpenAppAsync();
        await LogInAsync(second, email, Password);
        await first.Locator("#reload-user").ClickAsync();
        await Expect(first.Locator("#sessions li")).ToHaveCountAsync(2);

        await first.Locator("#sessions li button").ClickAsync();
        await Expect(first.Locator("#sessions li")).ToHaveCountAsync(1);
        // Its next call or its next renewal, whichever comes first, finds the session ended.
        await Expect(second.Locator("#login-form")).ToBeVisibleAsync();

        await first.Locator("#password-form input[name=currentPassword]").FillAsync(Password);
        await first.Locator("#password-form input[name=newPassword]").FillAsync("a brand new passphrase");
        await first.Locator("#password-form button").ClickAsync();
        await Expect(first.Locator("#message")).ToContainTextAsync("Password changed");

        await first.Locator("#logout").ClickAsync();
        await Expect(first.Locator("#login-form")).ToBeVisibleAsync();
        await first.ReloadAsync();
        await Expect(first.Locator("#login-form")).ToBeVisibleAsync();
        await LogInAsync(first, email, "a brand new passphrase");
        await Expect(first.Locator("#user-name")).ToHaveTextAsync("Grace Hopper");
    }

    [Test]
    public async Task The_activity_view_shows_sign_ins_and_a_failed_attempt_from_elsewhere()
    {
        var email = $"app-{Guid.NewGuid():N}@example.com";
        var page = await OpenAppAsync();
        await SignUpAsync(page, "Katherine Johnson", email);
        var other = await OpenAppAsync();
        var form = other.Locator("#login-form");
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync("not the password");
        await form.Locator("button").ClickAsync();
        await Expect(other.Locator("#message")).Not.ToBeEmptyAsync();

        // Events are stored a moment after they happen: reload until the failed attempt is listed.
        var failed = page.Locator("#activity li[data-type=LoginFailed]");
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (await failed.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.RunAndWaitForResponseAsync(
                () => page.Locator("#reload-activity").ClickAsync(), r => r.Url.Contains("/auth/activity", StringComparison.Ordinal));
        }

        await Expect(failed).ToContainTextAsync("Failed sign-in attempt");
        await Expect(page.Locator("#activity li").First).ToHaveAttributeAsync("data-type", "LoginFailed");
        await Expect(page.Locator("#activity li[data-type=SignedUp]")).ToContainTextAsync("Account created");
    }

    [Test]
    public async Task Enrol_an_authenticator_log_in_with_a_code_then_a_recovery_code_and_turn_it_off()
    {
        var email = $"app-{Guid.NewGuid():N}@example.com";
        var page = await OpenAppAsync();
        await SignUpAsync(page, "Hedy Lamarr", email);
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("Off.");

        await page.Locator("#mfa-start-form input[name=currentPassword]").FillAsync(Password);
        await page.Locator("#mfa-start-form button").ClickAsync();
        await Expect(page.Locator("#mfa-qr svg")).ToBeVisibleAsync();
        var secret = await page.Locator("#mfa-secret").TextContentAsync();
        // Each code works once: every use takes the next 30-second step's code, which the service accepts early.
        var step = 0;
        string NextCode() => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step++));
        await page.Locator("#mfa-confirm-form input[name=code]").FillAsync(NextCode());
        await page.Locator("#mfa-confirm-form button").ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        var recoveryCodes = await page.Locator("#recovery-codes li").AllTextContentsAsync();
        await Expect(page.Locator("#mfa-status")).ToContainTextAsync("10 recovery codes left");

        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email, Password);
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        await page.Locator("#mfa-form input[name=code]").FillAsync(NextCode());
        await page.Locator("#mfa-form button").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Hedy Lamarr");

        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email, Password);
        await page.Locator("#mfa-form input[name=recoveryCode]").FillAsync(recoveryCodes[0]);
        await page.Locator("#mfa-form button").ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToContainTextAsync("9 recovery codes left");

        await page.Locator("#mfa-disable-form input[name=code]").FillAsync(recoveryCodes[1]);
        await page.Locator("#mfa-disable-form button").ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("Off.");
        await page.Locator("#logout").ClickAsync();
        await LogInAsync(page, email, Password);
    }

    private static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        var form = page.Locator("#login-form");
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(password);
        await form.Locator("button").ClickAsync();
    }

    private async Task<IPage> OpenAppAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/index.html?api={Uri.EscapeDataString(api.BaseUrl)}&transport={transport}");
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        return page;
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

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        var form = page.Locator("#login-form");
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(password);
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }
}
