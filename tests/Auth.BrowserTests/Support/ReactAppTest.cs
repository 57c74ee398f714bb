using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests.Support;

/// <summary>
/// samples/react on its own origin against the real service, in one refresh-token transport: its config.js names
/// the service, and the service's mails link to the app (Email:LinkBaseUrl), as in Development. Both are opened as
/// <c>localhost</c>, the passkeys' RP id (WebAuthn accepts no IP address as one), on the loopback servers' ports.
/// </summary>
public abstract partial class ReactAppTest(string transport) : BrowserTest
{
    protected const string Password = "correct horse battery";

    private StaticHost app = null!;
    private KestrelApi api = null!;

    protected string Transport => transport;

    protected string AppUrl => OnLocalhost(app.BaseUrl);

    protected string ApiUrl => OnLocalhost(api.BaseUrl);

    private protected KestrelApi Api => api;

    /// <summary>Null keeps the service's own; a fixture that watches renewals sets seconds.</summary>
    protected virtual TimeSpan? AccessTokenLifetime => null;

    /// <summary>The fixture's own service settings, on top of these.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    [OneTimeSetUp]
    public async Task StartAppAndApi()
    {
        app = await StaticHost.StartAsync(ReactApp.RequireBuilt());
        await BeforeApiStartsAsync();
        api = new KestrelApi(new Dictionary<string, string?>
        {
            ["Auth:RefreshTokenTransport"] = transport,
            ["Cors:AllowedOrigins:0"] = AppUrl,
            ["Email:LinkBaseUrl"] = AppUrl,
            ["Passkeys:RelyingPartyId"] = "localhost",
            ["Passkeys:Origins:0"] = AppUrl,
        }.Concat(Settings).ToDictionary(), AccessTokenLifetime);
        app.ConfigScript = $"window.AUTH_SAMPLE_CONFIG = {{ apiBaseUrl: '{ApiUrl}', refreshTokenTransport: '{transport}' }};";
    }

    /// <summary>Runs once the app has its address and before the service starts: where a fixture starts what <see cref="Settings"/> names.</summary>
    protected virtual Task BeforeApiStartsAsync() => Task.CompletedTask;

    [OneTimeTearDown]
    public async Task Stop()
    {
        // Setup stops with Assert.Ignore, before starting anything, where no browser or built app is found.
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    protected static string NewEmail() => $"react-{Guid.NewGuid():N}@example.com";

    /// <summary>A new browser profile at the app's path; signed out, that is the login page.</summary>
    protected async Task<IPage> OpenAsync(string path = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(AppUrl + path);
        return page;
    }

    protected async Task<(IPage Page, string Email)> SignedUpAsync(string name)
    {
        var email = NewEmail();
        var page = await OpenAsync("/signup");
        await SignUpAsync(page, name, email);
        return (page, email);
    }

    protected static async Task SignUpAsync(IPage page, string name, string email, string password = Password)
    {
        var form = page.Locator("#signup-form");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(password);
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(email);
    }

    protected static async Task SubmitLoginAsync(IPage page, string email, string password = Password)
    {
        var form = page.Locator("#login-form");
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(password);
        await form.Locator("button").ClickAsync();
    }

    protected static async Task LogInAsync(IPage page, string email, string password = Password)
    {
        await SubmitLoginAsync(page, email, password);
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }

    /// <summary>A signed-in page's tab (Profile, Sessions, Activity, Two-step verification).</summary>
    protected static async Task GoToAsync(IPage page, string tab)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).ClickAsync();
    }

    /// <summary>Waits, with a deadline, for the mail to land in the service's mail folder.</summary>
    protected async Task<MimeMessage> MailAsync(string to, string subject)
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

    /// <summary>The mail's link, as it is: it must point at the app.</summary>
    protected string LinkIn(MimeMessage mail)
    {
        var link = Link().Match(mail.TextBody ?? "");
        Assert.That(link.Success, Is.True, $"no link in: {mail.TextBody}");
        Assert.That(link.Value, Does.StartWith(AppUrl + "/"));
        return link.Value;
    }

    /// <summary>The same loopback server named <c>localhost</c>.</summary>
    private static string OnLocalhost(string url) => new UriBuilder(url) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority);

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();
}
