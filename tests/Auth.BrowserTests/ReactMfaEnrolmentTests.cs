using Auth.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/react when the account's role requires a second factor (here every account's, 'user'): the login's
/// mfaToken enrols an authenticator app from the QR code, and its first code starts the session.
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class ReactMfaEnrolmentTests(string transport) : ReactAppTest(transport)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Auth:Mfa:RequiredForRoles:0"] = "user" };

    [Test]
    public async Task A_login_that_must_enrol_shows_the_qr_code_and_the_first_code_signs_in()
    {
        // Signing up starts a session without asking; the next login asks for the second factor.
        var (page, email) = await SignedUpAsync("Frances Allen");
        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email);

        await Expect(page.Locator("#mfa-enrolment #mfa-qr svg")).ToBeVisibleAsync();
        var secret = await page.Locator("#mfa-secret").TextContentAsync();
        await page.Locator("#mfa-confirm-form input[name=code]").FillAsync(WrongCode(secret));
        await page.Locator("#mfa-confirm-form button").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("The code is incorrect.");
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();

        await page.Locator("#mfa-confirm-form input[name=code]").FillAsync(Code(secret, 0));
        await page.Locator("#mfa-confirm-form button").ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.Locator("#mfa-enrolment-done").ClickAsync();

        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Frances Allen");
        await page.ReloadAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Frances Allen");
        await GoToAsync(page, "Two-step verification");
        await Expect(page.Locator("#mfa-status")).ToContainTextAsync("10 recovery codes left");

        await page.Locator("#logout").ClickAsync();
        await SubmitLoginAsync(page, email);
        await page.Locator("#mfa-form input[name=code]").FillAsync(Code(secret, 30));
        await page.Locator("#mfa-form button").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Frances Allen");
    }

    /// <summary>A code the service would refuse: none of the three steps it accepts.</summary>
    private static string WrongCode(string? secret) =>
        new[] { "000000", "111111", "222222", "333333" }.First(c => c != Code(secret, -30) && c != Code(secret, 0) && c != Code(secret, 30));

    private static string Code(string? secret, int secondsAhead) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(secondsAhead));
}
