using System.Net.Http.Json;
using Auth.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/react's mailed links, end to end in both transports: the mail found in the service's mail folder, its link
/// opened in the browser as it is, and what the app then shows (confirm the address, forgot and reset the password,
/// confirm or cancel an email change, the new-device alert's sessions page).
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class ReactMailTests(string transport) : ReactAppTest(transport)
{
    [Test]
    public async Task The_signup_confirmation_link_confirms_the_address_and_the_notice_goes()
    {
        var (page, email) = await SignedUpAsync("Mary Jackson");
        await Expect(page.Locator("#email-unconfirmed")).ToContainTextAsync("not confirmed");
        var confirmation = await MailAsync(email, "Confirm your email address");

        await page.GotoAsync(LinkIn(confirmation));

        await Expect(page.Locator("#message")).ToHaveTextAsync("Your email address is confirmed.");
        await Expect(page.Locator("#email-status")).ToHaveTextAsync("confirmed");
        await Expect(page.Locator("#email-unconfirmed")).ToBeHiddenAsync();
        Assert.That(page.Url, Does.Not.Contain("token="), "the token leaves the address bar");

        await page.GotoAsync(LinkIn(confirmation));
        await Expect(page.Locator("#message")).ToContainTextAsync("The link is invalid, has expired or was already used.");
    }

    [Test]
    public async Task The_unconfirmed_notice_sends_the_link_again()
    {
        var (page, email) = await SignedUpAsync("Dorothy Vaughan");
        await MailAsync(email, "Confirm your email address");

        await page.Locator("#resend-confirmation").ClickAsync();

        await Expect(page.Locator("#message")).ToHaveTextAsync($"We mailed a new confirmation link to {email}.");
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (ConfirmationMails(email) < 2)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "no second confirmation mail");
            await Task.Delay(50);
        }
    }

    [Test]
    public async Task Forgot_the_password_reset_it_from_the_mailed_link_and_log_in_with_the_new_one()
    {
        var (page, email) = await SignedUpAsync("Ada Lovelace");
        var elsewhere = await OpenAsync();
        await LogInAsync(elsewhere, email);
        var forgetful = await OpenAsync();
        await forgetful.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await forgetful.Locator("#forgot-form input[name=email]").FillAsync(email);
        await forgetful.Locator("#forgot-form button").ClickAsync();
        await Expect(forgetful.Locator("#message")).ToContainTextAsync("a link to choose a new password is on its way");
        var reset = await MailAsync(email, "Reset your password");

        await forgetful.GotoAsync(LinkIn(reset));
        await Expect(forgetful.Locator("#reset-form")).ToBeVisibleAsync();
        Assert.That(forgetful.Url, Does.Not.Contain("token="), "the token leaves the address bar");
        await forgetful.Locator("#reset-form input[name=newPassword]").FillAsync("password");
        await forgetful.Locator("#reset-form button").ClickAsync();
        await Expect(forgetful.Locator("#reset-reasons li[data-reason=too_common]")).ToBeVisibleAsync();
        await forgetful.Locator("#reset-form input[name=newPassword]").FillAsync("a brand new passphrase");
        await forgetful.Locator("#reset-form button").ClickAsync();

        await Expect(forgetful.Locator("#message")).ToContainTextAsync("every session ended");
        await Expect(forgetful.Locator("#login-form")).ToBeVisibleAsync();
        // Every session ended, the other browsers' too, at their next call or renewal.
        await page.ReloadAsync();
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await LogInAsync(forgetful, email, "a brand new passphrase");
        await Expect(forgetful.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");
    }

    [Test]
    public async Task Change_the_email_and_confirm_it_from_the_link_mailed_to_the_new_address()
    {
        var (page, email) = await SignedUpAsync("Grace Hopper");
        var newEmail = NewEmail();

        await RequestChangeAsync(page, newEmail, Password);
        await Expect(page.Locator("#message")).ToContainTextAsync($"open the link we mailed to {newEmail}");
        var confirmation = await MailAsync(newEmail, "Confirm your new email address");
        var notice = await MailAsync(email, "A change of your email address was requested");
        Assert.That(notice.TextBody, Does.Contain(newEmail).And.Contain($"{AppUrl}/cancel-email-change?token="));

        await page.GotoAsync(LinkIn(confirmation));

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
    public async Task Cancel_a_change_from_the_notice_mailed_to_the_current_address_signed_out()
    {
        var (page, email) = await SignedUpAsync("Katherine Johnson");
        var newEmail = NewEmail();
        await RequestChangeAsync(page, newEmail, Password);
        var notice = await MailAsync(email, "A change of your email address was requested");
        var confirmation = await MailAsync(newEmail, "Confirm your new email address");
        var mailbox = await OpenAsync();

        await mailbox.GotoAsync(LinkIn(notice));
        await Expect(mailbox.Locator("#message")).ToContainTextAsync("The email change was cancelled");
        await Expect(mailbox.Locator("#login-form")).ToBeVisibleAsync();

        await mailbox.GotoAsync(LinkIn(confirmation));
        await Expect(mailbox.Locator("#message")).ToContainTextAsync("The link is invalid, has expired or was already used.");
        await page.ReloadAsync();
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);
    }

    [Test]
    public async Task A_wrong_password_for_an_email_change_is_said_and_nothing_is_mailed()
    {
        var (page, email) = await SignedUpAsync("Annie Easley");
        var newEmail = NewEmail();

        await RequestChangeAsync(page, newEmail, "not my password");

        await Expect(page.Locator("#message")).ToContainTextAsync("The password is incorrect.");
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
        Assert.That(Directory.GetFiles(Api.MailDirectory, "*.eml").Count(f => File.ReadAllText(f).Contains(newEmail, StringComparison.Ordinal)), Is.Zero);
        Assert.That(email, Is.Not.EqualTo(newEmail));
    }

    [Test]
    public async Task The_new_device_alerts_link_asks_to_sign_in_then_shows_the_sessions()
    {
        var (_, email) = await SignedUpAsync("Christine Darden");
        // Two more devices: logins with no device token, as from other browsers.
        using var other = new HttpClient();
        (await other.PostAsync($"{Api.BaseUrl}/auth/login", JsonContent.Create(new { email, password = Password }))).EnsureSuccessStatusCode();
        (await other.PostAsync($"{Api.BaseUrl}/auth/login", JsonContent.Create(new { email, password = Password }))).EnsureSuccessStatusCode();
        var alert = await MailAsync(email, "New sign-in to your account");
        var link = LinkIn(alert);
        Assert.That(link, Is.EqualTo($"{AppUrl}/sessions"));

        var mailbox = await OpenAsync();
        await mailbox.GotoAsync(link);
        await LogInAsync(mailbox, email);

        await Expect(mailbox.Locator("#sessions-heading")).ToBeVisibleAsync();
        await Expect(mailbox.Locator("#sessions li")).ToHaveCountAsync(4);
    }

    private int ConfirmationMails(string to) => Directory.GetFiles(Api.MailDirectory, "*.eml")
        .Select(path => MimeKit.MimeMessage.Load(path))
        .Count(m => m.Subject == "Confirm your email address" && m.To.Mailboxes.Any(a => a.Address == to));

    private static async Task RequestChangeAsync(Microsoft.Playwright.IPage page, string newEmail, string password)
    {
        var form = page.Locator("#email-form");
        await form.Locator("input[name=newEmail]").FillAsync(newEmail);
        await form.Locator("input[name=currentPassword]").FillAsync(password);
        await form.Locator("button").ClickAsync();
    }
}
