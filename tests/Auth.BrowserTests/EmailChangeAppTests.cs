using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Auth.BrowserTests.Support;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// "Change email" in samples/web, end to end: the form, both mails in the service's mail folder, and their links
/// opened in the browser as a person would, in both refresh-token transports; and the other mailed links the app
/// opens (the signup confirmation, the new-device alert's sessions page).
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed partial class EmailChangeAppTests(string transport) : BrowserTest
{
    private const string Password = "correct horse battery";

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
            // The mails link to the sample app, as in Development.
            ["Email:LinkBaseUrl"] = app.BaseUrl,
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
    public async Task Change_the_email_and_confirm_it_from_the_link_mailed_to_the_new_address()
    {
        var (page, email) = await SignedUpAsync("Ada Lovelace");
        var newEmail = NewEmail();

        await RequestChangeAsync(page, newEmail, Password);
        await Expect(page.Locator("#message")).ToContainTextAsync($"open the link we mailed to {newEmail}");
        var confirmation = await MailAsync(newEmail, "Confirm your new email address");
        var notice = await MailAsync(email, "A change of your email address was requested");
        Assert.That(notice.TextBody, Does.Contain(newEmail).And.Contain($"{app.BaseUrl}/cancel-email-change?token="));

        await OpenLinkAsync(page, confirmation);

        await Expect(page.Locator("#message")).ToContainTextAsync("Your email address was changed");
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(newEmail);
        Assert.That(page.Url, Does.Not.Contain("token="), "the token leaves the address bar");
        var changed = await MailAsync(email, "Your email address was changed");
        Assert.That(changed.TextBody, Does.Contain(newEmail));

        await page.Locator("#logout").ClickAsync();
        await LogInAsync(page, newEmail);
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(newEmail);
    }

    [Test]
    public async Task Cancel_a_change_from_the_notice_mailed_to_the_current_address()
    {
        var (page, email) = await SignedUpAsync("Grace Hopper");
        var newEmail = NewEmail();
        await RequestChangeAsync(page, newEmail, Password);
        var notice = await MailAsync(email, "A change of your email address was requested");
        var confirmation = await MailAsync(newEmail, "Confirm your new email address");

        await OpenLinkAsync(page, notice);
        await Expect(page.Locator("#message")).ToContainTextAsync("The email change was cancelled");
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);

        await OpenLinkAsync(page, confirmation);
        await Expect(page.Locator("#message")).ToContainTextAsync("The link is invalid, has expired or was already used.");
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);
    }

    [Test]
    public async Task A_wrong_password_is_said_and_nothing_is_mailed()
    {
        var (page, _) = await SignedUpAsync("Katherine Johnson");

        await RequestChangeAsync(page, NewEmail(), "not my password");

        await Expect(page.Locator("#message")).ToContainTextAsync("The password is incorrect.");
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_signup_confirmation_link_confirms_the_address_in_the_app()
    {
        var (page, email) = await SignedUpAsync("Mary Jackson");
        var confirmation = await MailAsync(email, "Confirm your email address");

        await OpenLinkAsync(page, confirmation);

        await Expect(page.Locator("#message")).ToContainTextAsync("Your email address is confirmed.");
        Assert.That(page.Url, Does.Not.Contain("token="), "the token leaves the address bar");
        await OpenLinkAsync(page, confirmation);
        await Expect(page.Locator("#message")).ToContainTextAsync("The link is invalid, has expired or was already used.");
    }

    [Test]
    public async Task The_new_device_alerts_link_opens_the_app_at_the_sessions()
    {
        var (page, email) = await SignedUpAsync("Dorothy Vaughan");
        // A second device: a login with no device token, as from another browser.
        using var other = new HttpClient();
        (await other.PostAsync($"{api.BaseUrl}/auth/login", JsonContent.Create(new { email, password = Password }))).EnsureSuccessStatusCode();
        (await other.PostAsync($"{api.BaseUrl}/auth/login", JsonContent.Create(new { email, password = Password }))).EnsureSuccessStatusCode();
        var alert = await MailAsync(email, "New sign-in to your account");
        var link = SessionsLink().Match(alert.TextBody ?? "");

        await page.GotoAsync($"{link.Value}?{Config()}");

        await Expect(page.Locator("#sessions li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#sessions-heading")).ToBeInViewportAsync();
    }

    [GeneratedRegex(@"https?://\S+/sessions\b")]
    private static partial Regex SessionsLink();

    private static string NewEmail() => $"app-{Guid.NewGuid():N}@example.com";

    private async Task<(IPage Page, string Email)> SignedUpAsync(string name)
    {
        var email = NewEmail();
        var page = await NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/index.html?{Config()}");
        var form = page.Locator("#signup-form");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(Password);
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);
        return (page, email);
    }

    private static async Task RequestChangeAsync(IPage page, string newEmail, string password)
    {
        var form = page.Locator("#email-form");
        await form.Locator("input[name=newEmail]").FillAsync(newEmail);
        await form.Locator("input[name=currentPassword]").FillAsync(password);
        await form.Locator("button").ClickAsync();
    }

    private static async Task LogInAsync(IPage page, string email)
    {
        var form = page.Locator("#login-form");
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(Password);
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }

    /// <summary>Opens the mail's link as it is, plus where the API is (config.js says it in a real deployment).</summary>
    private async Task OpenLinkAsync(IPage page, MimeMessage mail)
    {
        var link = Link().Match(mail.TextBody ?? "");
        Assert.That(link.Success, Is.True, $"no link in: {mail.TextBody}");
        Assert.That(link.Value, Does.StartWith(app.BaseUrl));
        await page.GotoAsync($"{link.Value}&{Config()}");
    }

    private string Config() => $"api={Uri.EscapeDataString(api.BaseUrl)}&transport={transport}";

    /// <summary>Waits, with a deadline, for the mail to land in the service's mail folder.</summary>
    private async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (true)
        {
            var mail = Directory.Exists(api.MailDirectory)
                ? Directory.GetFiles(api.MailDirectory, "*.eml").Select(path => MimeMessage.Load(path))
                    .FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(a => a.Address == to))
                : null;
            if (mail is not null)
            {
                return mail;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"no mail '{subject}' to {to}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"https?://\S+\?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex Link();
}
