using Auth.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/react's session in both refresh-token transports: sign up and log in, a reload that keeps the user, the
/// token renewed before it expires, and the sessions page (device names, ending one, logging out here, elsewhere,
/// everywhere) including what an idle page shows when its session is ended from another.
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class ReactSessionTests(string transport) : ReactAppTest(transport)
{
    /// <summary>Short enough to watch a renewal, long enough that a step never races its own token.</summary>
    protected override TimeSpan? AccessTokenLifetime => TimeSpan.FromSeconds(4);

    [Test]
    public async Task Sign_up_reload_renew_silently_and_be_signed_out_by_logout_everywhere_elsewhere()
    {
        var (page, email) = await SignedUpAsync("Ada Lovelace");
        var unauthorized = 0;
        page.Response += (_, r) => unauthorized += r.Status == 401 && !r.Url.EndsWith("/auth/refresh", StringComparison.Ordinal) ? 1 : 0;
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");

        await page.ReloadAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");

        // Nobody clicks: the app renews the access token before it expires...
        var renewal = await page.WaitForResponseAsync(r => r.Url.EndsWith("/auth/refresh", StringComparison.Ordinal), new() { Timeout = Timeout });
        Assert.That(renewal.Status, Is.EqualTo(200));
        await Expect(page.Locator("#token-status")).ToContainTextAsync("renewed");
        // ...so a call made after the first token's expiry still succeeds, without ever meeting a 401.
        await page.WaitForTimeoutAsync((float)AccessTokenLifetime!.Value.TotalMilliseconds);
        await page.Locator("#name-form input[name=name]").FillAsync("Ada King");
        await page.Locator("#name-form button").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada King");
        await Expect(page.Locator("#message")).ToHaveTextAsync("Name saved.");
        Assert.That(unauthorized, Is.Zero);

        var other = await OpenAsync();
        await LogInAsync(other, email);
        await GoToAsync(other, "Sessions");
        await Expect(other.Locator("#sessions li")).ToHaveCountAsync(2);
        await other.Locator("#logout-everywhere").ClickAsync();
        await Expect(other.Locator("#login-form")).ToBeVisibleAsync();

        // Nobody clicks here either: the next renewal (within a token lifetime) is refused and the app signs out.
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("session ended");
        await page.ReloadAsync();
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Sessions_show_readable_devices_and_one_ends_another_then_logs_out()
    {
        var (first, email) = await SignedUpAsync("Grace Hopper");
        var second = await OpenAsync();
        await LogInAsync(second, email);
        await GoToAsync(first, "Sessions");
        await Expect(first.Locator("#sessions li")).ToHaveCountAsync(2);
        // Headless Chromium on Linux says "HeadlessChrome/...": read as the service's mails read it.
        await Expect(first.Locator("#sessions li .device").First).ToHaveTextAsync("Chrome on Linux");
        await Expect(first.Locator("#sessions li.current")).ToContainTextAsync("this browser");

        await first.Locator("#sessions li:not(.current) button").ClickAsync();
        await Expect(first.Locator("#sessions li")).ToHaveCountAsync(1);
        await Expect(first.Locator("#message")).ToHaveTextAsync("The session ended.");
        // Its next call or its next renewal, whichever comes first, finds the session ended.
        await Expect(second.Locator("#login-form")).ToBeVisibleAsync();

        await first.Locator("#logout").ClickAsync();
        await Expect(first.Locator("#login-form")).ToBeVisibleAsync();
        await first.ReloadAsync();
        await Expect(first.Locator("#login-form")).ToBeVisibleAsync();
        await LogInAsync(first, email);
        await Expect(first.Locator("#user-name")).ToHaveTextAsync("Grace Hopper");
    }

    [Test]
    public async Task Log_out_other_sessions_keeps_this_one()
    {
        var (first, email) = await SignedUpAsync("Katherine Johnson");
        var second = await OpenAsync();
        await LogInAsync(second, email);
        var third = await OpenAsync("/sessions");
        await LogInAsync(third, email);
        // Signed in from /sessions (the new-device alert's link), the app stays there.
        await Expect(third.Locator("#sessions li")).ToHaveCountAsync(3);

        await third.Locator("#logout-others").ClickAsync();
        await Expect(third.Locator("#message")).ToHaveTextAsync("Every other session ended.");
        await Expect(third.Locator("#sessions li")).ToHaveCountAsync(1);
        await Expect(first.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(second.Locator("#login-form")).ToBeVisibleAsync();
        await third.ReloadAsync();
        await Expect(third.Locator("#user-name")).ToHaveTextAsync("Katherine Johnson");
    }

    [Test]
    public async Task Deleting_the_account_asks_for_the_password_and_ends_every_session()
    {
        var (page, email) = await SignedUpAsync("Annie Easley");
        var other = await OpenAsync();
        await LogInAsync(other, email);

        await page.Locator("#delete-form input[name=password]").FillAsync("not the password");
        await page.Locator("#delete-form button").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("The password is incorrect.");
        await page.Locator("#delete-form input[name=password]").FillAsync(Password);
        await page.Locator("#delete-form button").ClickAsync();

        await Expect(page.Locator("#message")).ToHaveTextAsync("Your account was deleted.");
        await Expect(page.Locator("#signup-form")).ToBeVisibleAsync();
        await Expect(other.Locator("#login-form")).ToBeVisibleAsync();
        await SubmitLoginAsync(other, email);
        await Expect(other.Locator("#message")).ToHaveTextAsync("The email or password is incorrect.");
    }

    [Test]
    public async Task A_wrong_password_is_said_and_the_form_stays()
    {
        var (page, email) = await SignedUpAsync("Mary Jackson");
        await page.Locator("#logout").ClickAsync();

        await SubmitLoginAsync(page, email, "not the password");

        await Expect(page.Locator("#message")).ToHaveTextAsync("The email or password is incorrect.");
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();
    }
}
