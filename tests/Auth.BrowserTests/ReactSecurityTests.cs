using Auth.Application.Abstractions;
using Auth.BrowserTests.Support;
using Auth.Domain.Users;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/react's security pages in both transports: an authenticator app enrolled from the QR code the API
/// draws, the login's second step with a code and with a recovery code, new recovery codes, turning it off; the
/// activity page; the strength meter and the service's reasons; a login whose password is now refused.
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class ReactSecurityTests(string transport) : ReactAppTest(transport)
{
    [Test]
    public async Task Enrol_an_authenticator_log_in_with_a_code_then_a_recovery_code_and_turn_it_off()
    {
        var (page, email) = await SignedUpAsync("Hedy Lamarr");
        await GoToAsync(page, "Two-step verification");
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
        await SubmitLoginAsync(page, email);
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        await page.Locator("#mfa-form input[name=code]").FillAsync(NextCode());
        await page.Locator("#mfa-form button").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Hedy Lamarr");

        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email);
        await page.Locator("#mfa-form input[name=recoveryCode]").FillAsync(recoveryCodes[0]);
        await page.Locator("#mfa-form button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
        await GoToAsync(page, "Two-step verification");
        await Expect(page.Locator("#mfa-status")).ToContainTextAsync("9 recovery codes left");

        // The app's next code is two steps ahead, past what the service accepts: a recovery code proves it too.
        await page.Locator("#recovery-codes-form input[name=code]").FillAsync(recoveryCodes[1]);
        await page.Locator("#recovery-codes-form button").ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToContainTextAsync("10 recovery codes left");
        var fresh = await page.Locator("#recovery-codes li").AllTextContentsAsync();
        Assert.That(fresh, Has.Count.EqualTo(10).And.No.AnyOf(recoveryCodes[2]));

        await page.Locator("#mfa-disable-form input[name=code]").FillAsync(recoveryCodes[2]);
        await page.Locator("#mfa-disable-form button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("code"); // the old codes stopped working
        await Expect(page.Locator("#mfa-status")).ToContainTextAsync("10 recovery codes left");
        await page.Locator("#mfa-disable-form input[name=code]").FillAsync(fresh[0]);
        await page.Locator("#mfa-disable-form button").ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("Off.");
        await page.Locator("#logout").ClickAsync();
        await LogInAsync(page, email);
    }

    [Test]
    public async Task A_wrong_code_is_said_and_the_second_step_stays()
    {
        var (page, email) = await SignedUpAsync("Radia Perlman");
        await GoToAsync(page, "Two-step verification");
        await page.Locator("#mfa-start-form input[name=currentPassword]").FillAsync(Password);
        await page.Locator("#mfa-start-form button").ClickAsync();
        var secret = await page.Locator("#mfa-secret").TextContentAsync();
        await page.Locator("#mfa-confirm-form input[name=code]").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp());
        await page.Locator("#mfa-confirm-form button").ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.Locator("#logout").ClickAsync();

        await SubmitLoginAsync(page, email);
        await page.Locator("#mfa-form input[name=recoveryCode]").FillAsync("not-a-code");
        await page.Locator("#mfa-form button").ClickAsync();

        await Expect(page.Locator("#message")).ToContainTextAsync("code");
        await Expect(page.Locator("#message")).Not.ToHaveTextAsync("Enter the code from your authenticator app.");
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();
    }

    [Test]
    public async Task The_activity_page_shows_sign_ins_and_a_failed_attempt_from_elsewhere_with_its_device()
    {
        var (page, email) = await SignedUpAsync("Katherine Johnson");
        var other = await OpenAsync();
        await SubmitLoginAsync(other, email, "not the password");
        await Expect(other.Locator("#message")).ToHaveTextAsync("The email or password is incorrect.");
        await GoToAsync(page, "Activity");

        // Events are stored a moment after they happen: reload until the failed attempt is listed.
        var failed = page.Locator("#activity li[data-type=LoginFailed]");
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (await failed.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.RunAndWaitForResponseAsync(
                () => page.Locator("#reload-activity").ClickAsync(), r => r.Url.Contains("/auth/activity", StringComparison.Ordinal));
        }

        await Expect(failed).ToContainTextAsync("Failed sign-in attempt");
        await Expect(failed).ToContainTextAsync("Chrome on Linux");
        await Expect(page.Locator("#activity li").First).ToHaveAttributeAsync("data-type", "LoginFailed");
        await Expect(page.Locator("#activity li[data-type=SignedUp]")).ToContainTextAsync("Account created");
    }

    [Test]
    public async Task The_meter_rates_a_common_password_weak_and_the_refusal_shows_its_reasons_by_the_field()
    {
        var page = await OpenAsync("/signup");
        var form = page.Locator("#signup-form");
        await form.Locator("input[name=name]").FillAsync("Ada Lovelace");
        await form.Locator("input[name=email]").FillAsync(NewEmail());

        await form.Locator("input[name=password]").FillAsync("P@ssw0rd1");
        await Expect(page.Locator("#signup-strength-label")).ToHaveAttributeAsync("data-score", "1"); // zxcvbn calls it weak: l33t and a digit suffix buy one step
        await Expect(page.Locator("#signup-strength-label")).ToHaveTextAsync("Strength: weak");

        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signup-reasons li[data-reason=too_common]")).ToContainTextAsync("most common passwords");
        await Expect(page.Locator("#message")).ToContainTextAsync("easy to guess");
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();

        await form.Locator("input[name=password]").FillAsync("velvet orbit lantern music");
        await Expect(page.Locator("#signup-strength-label")).ToHaveAttributeAsync("data-score", "4");
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_login_with_a_password_now_refused_asks_for_a_new_one_until_it_is_changed()
    {
        var email = NewEmail();
        await AddUserAsync(email, "Password123!"); // accepted once, before the list refused it
        var page = await OpenAsync();

        await LogInAsync(page, email, "Password123!");
        await Expect(page.Locator("#password-change-required")).ToBeVisibleAsync();

        await page.Locator("#password-form input[name=currentPassword]").FillAsync("Password123!");
        await page.Locator("#password-form input[name=newPassword]").FillAsync("qwertyuiop");
        await page.Locator("#password-form button").ClickAsync();
        await Expect(page.Locator("#new-password-reasons li[data-reason=repetitive]")).ToBeVisibleAsync();

        await page.Locator("#password-form input[name=currentPassword]").FillAsync("Password123!");
        await page.Locator("#password-form input[name=newPassword]").FillAsync("velvet orbit lantern music");
        await page.Locator("#password-form button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("Password changed");
        await Expect(page.Locator("#password-change-required")).ToBeHiddenAsync();
        await Expect(page.Locator("#new-password-reasons li")).ToHaveCountAsync(0);
        await page.Locator("#logout").ClickAsync();
        await LogInAsync(page, email, "velvet orbit lantern music");
    }

    private async Task AddUserAsync(string email, string password)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hash = await services.GetRequiredService<IPasswordHasher>().HashAsync(password, CancellationToken.None);
        services.GetRequiredService<IUserRepository>().Add(User.Register(email, "Ada Lovelace", hash, DateTimeOffset.UtcNow));
        var saved = await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        Assert.That(saved.IsSuccess, Is.True);
    }
}
