using Auth.BrowserTests.Support;
using Auth.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/react with "Sign in with Test IdP": Chromium goes from the login page to the service's start, to the real
/// test OpenID Provider (oidc-provider, tests/TestIdp) whose form the test fills in, back through the service's
/// callback to the app's /external page, which exchanges the code. In both refresh-token transports.
/// </summary>
[TestFixture("body")]
[TestFixture("cookie")]
public sealed class ReactExternalSignInTests(string transport) : ReactAppTest(transport)
{
    private readonly Dictionary<string, string?> settings = [];
    private TestIdentityProvider? idp;

    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    protected override async Task BeforeApiStartsAsync()
    {
        // The browser reaches the service as localhost (the app's cookies and passkeys need that name): a loopback
        // redirect URI matches on any port, so both names are registered before Kestrel picks its port.
        idp = await TestIdentityProvider.StartAsync(
            ["http://127.0.0.1/auth/external/testidp/callback", "http://localhost/auth/external/testidp/callback"]);
        settings["ExternalProviders:testidp:Authority"] = idp.Issuer;
        settings["ExternalProviders:testidp:ClientId"] = idp.ClientId;
        settings["ExternalProviders:testidp:ClientSecret"] = idp.ClientSecret;
        settings["ExternalProviders:testidp:DisplayName"] = "Test IdP";
        settings["ExternalSignIn:ReturnOrigins:0"] = AppUrl;
    }

    /// <summary>
    /// One start and one authorize before any page: the service reads the provider's metadata, and the provider and the
    /// service each answer their first request (JIT, keys), outside the 15-second waits of the first test on a busy machine.
    /// </summary>
    // RFC 7636 appendix B's challenge: the warm-up never exchanges a code, so any well-formed one does.
    private const string WarmUpChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [OneTimeSetUp]
    public async Task WarmUp()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var started = await http.GetAsync($"{ApiUrl}/auth/external/testidp/start?returnUrl={Uri.EscapeDataString(AppUrl + "/external")}&codeChallenge={WarmUpChallenge}");
        Assert.That((int)started.StatusCode, Is.EqualTo(302), await started.Content.ReadAsStringAsync());
        using var authorize = await http.GetAsync(started.Headers.Location);
        Assert.That((int)authorize.StatusCode, Is.LessThan(400), "the provider answers its authorize endpoint");
    }

    [OneTimeTearDown]
    public async Task StopIdp()
    {
        if (idp is not null)
        {
            await idp.DisposeAsync();
        }
    }

    [Test]
    public async Task A_new_person_signs_in_with_Test_IdP_and_comes_back_to_the_same_account()
    {
        var subject = NewSubject();
        var email = NewEmail();
        var page = await OpenAsync("/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(page, subject, email, "Ada Lovelace");

        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");
        await Expect(page.Locator("#email-status")).ToHaveTextAsync("confirmed");
        Assert.That(page.Url, Is.EqualTo(AppUrl + "/account"));
        await page.ReloadAsync();
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);

        await page.Locator("#logout").ClickAsync();
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpIfAskedAsync(page, subject, email, "Ada Lovelace");
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);

        // Another browser, where the provider now calls the person differently: still the account made first.
        var other = await OpenAsync("/login");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(other, subject, email, "Ada Byron");
        await Expect(other.Locator("#user-email")).ToHaveTextAsync(email);
        await Expect(other.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");
        await GoToAsync(other, "Sessions");
        await Expect(other.Locator("#sessions li")).ToHaveCountAsync(2);
    }

    [Test]
    public async Task A_password_account_links_Test_IdP_signs_in_with_it_and_unlinks_it()
    {
        var (page, email) = await SignedUpAsync("Grace Hopper");
        var subject = NewSubject();
        var linked = page.Locator("#identities li");
        await Expect(page.Locator("#linked-sign-ins")).ToContainTextAsync("None yet.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Link Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(page, subject, email, "Grace Hopper");

        await Expect(page.Locator("#message")).ToHaveTextAsync("Test IdP is linked: you can now sign in with it.");
        await Expect(linked).ToHaveCountAsync(1);
        await Expect(linked).ToContainTextAsync("Test IdP");
        await Expect(linked).ToContainTextAsync(email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Link Test IdP" })).ToBeHiddenAsync();

        var other = await OpenAsync("/login");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(other, subject, email, "Someone");
        await Expect(other.Locator("#user-name")).ToHaveTextAsync("Grace Hopper");

        await linked.GetByRole(AriaRole.Button, new() { Name = "Unlink" }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Test IdP is unlinked: it no longer signs in to this account.");
        await Expect(linked).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Link Test IdP" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task An_account_with_an_authenticator_asks_for_its_code_after_Test_IdP()
    {
        var (page, email) = await SignedUpAsync("Hedy Lamarr");
        var subject = NewSubject();
        await page.GetByRole(AriaRole.Button, new() { Name = "Link Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(page, subject, email, "Hedy Lamarr");
        await Expect(page.Locator("#identities li")).ToHaveCountAsync(1);
        await GoToAsync(page, "Two-step verification");
        await page.Locator("#mfa-start-form input[name=currentPassword]").FillAsync(Password);
        await page.Locator("#mfa-start-form button").ClickAsync();
        var secret = await page.Locator("#mfa-secret").TextContentAsync();
        // Each code works once: the confirmation takes this step's, the sign-in the next step's (accepted early).
        string Code(int step) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step));
        await page.Locator("#mfa-confirm-form input[name=code]").FillAsync(Code(0));
        await page.Locator("#mfa-confirm-form button").ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);

        var other = await OpenAsync("/login");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(other, subject, email, "Hedy Lamarr");

        await Expect(other.Locator("#mfa-form")).ToBeVisibleAsync();
        await Expect(other.Locator("#signed-in-as")).ToBeHiddenAsync();
        await other.Locator("#mfa-form input[name=code]").FillAsync(Code(1));
        await other.Locator("#mfa-form button").ClickAsync();
        await Expect(other.Locator("#user-email")).ToHaveTextAsync(email);
        Assert.That(other.Url, Is.EqualTo(AppUrl + "/account"));
    }

    [Test]
    public async Task The_only_way_into_an_account_is_not_unlinked_and_the_page_says_why()
    {
        var page = await OpenAsync("/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(page, NewSubject(), NewEmail(), "Katherine Johnson");
        var linked = page.Locator("#identities li");
        await Expect(linked).ToHaveCountAsync(1);

        await linked.GetByRole(AriaRole.Button, new() { Name = "Unlink" }).ClickAsync();

        await Expect(page.Locator("#message")).ToContainTextAsync("Test IdP is the only way into your account, so it stays linked.");
        await Expect(linked).ToHaveCountAsync(1);
    }

    [Test]
    public async Task An_address_that_already_has_an_account_is_explained_not_joined()
    {
        var (owner, email) = await SignedUpAsync("Mary Jackson");
        await owner.Locator("#logout").ClickAsync();
        var page = await OpenAsync("/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtIdpAsync(page, NewSubject(), email, "Mary Jackson");

        await Expect(page.Locator("#external-problem")).ToHaveTextAsync(
            "An account with the email address of your Test IdP account already exists. Log in with your password, then link Test IdP on your profile page.");
        await Expect(page.Locator("#signed-in-as")).ToBeHiddenAsync();
        // The code is spent and gone from the address bar: a reload shows the login page, not the error again.
        Assert.That(page.Url, Is.EqualTo(AppUrl + "/external"));
        await page.ReloadAsync();
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await LogInAsync(page, email);
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);
    }

    [Test]
    public async Task Cancelling_at_Test_IdP_says_so_and_signs_nobody_in()
    {
        var page = await OpenAsync("/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();

        await Expect(page.Locator("#external-problem")).ToHaveTextAsync("The sign-in with Test IdP was cancelled.");
        await Expect(page.Locator("#signed-in-as")).ToBeHiddenAsync();
    }

    [Test]
    public async Task A_return_link_forwarded_to_another_browser_signs_it_in_to_no_one()
    {
        // The sender walks the sign-in with their own provider account and their own proof key, and stops at the way
        // back: the callback URL, which they send to the victim ("click here").
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var started = await http.GetAsync($"{ApiUrl}/auth/external/testidp/start?returnUrl={Uri.EscapeDataString(AppUrl + "/external")}&codeChallenge={WarmUpChallenge}");
        Assert.That((int)started.StatusCode, Is.EqualTo(302), await started.Content.ReadAsStringAsync());
        var callback = await idp!.AuthorizeAsync(started.Headers.Location!, new TestIdpUser(NewSubject(), NewEmail(), true, "Mallory"));

        var victim = await OpenAsync("/login");
        await victim.GotoAsync(callback.ToString());

        await Expect(victim.Locator("#external-problem")).ToHaveTextAsync(
            "This sign-in with Test IdP expired, was already used, or was started in another browser. Please sign in again.");
        await Expect(victim.Locator("#signed-in-as")).ToBeHiddenAsync();
        await victim.GotoAsync(AppUrl + "/account");
        await Expect(victim.Locator("#login-form")).ToBeVisibleAsync();
    }

    private static string NewSubject() => $"sub-{Guid.NewGuid():N}";

    /// <summary>The provider's login form, filled in as a person would; the browser then goes back through the service to the app.</summary>
    private async Task SignInAtIdpAsync(IPage page, string subject, string email, string name)
    {
        await page.WaitForURLAsync(url => url.StartsWith(idp!.Issuer + "/", StringComparison.Ordinal));
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Expect(page.GetByLabel("Email verified")).ToBeCheckedAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(AppUrl + "/", StringComparison.Ordinal));
    }

    /// <summary>A provider that still has its session from this browser signs in without asking; one that asks gets the form.</summary>
    private async Task SignInAtIdpIfAskedAsync(IPage page, string subject, string email, string name)
    {
        var form = page.GetByLabel("Subject");
        await Expect(form.Or(page.Locator("#signed-in"))).ToBeVisibleAsync();
        if (await form.IsVisibleAsync())
        {
            await SignInAtIdpAsync(page, subject, email, name);
        }
    }
}
