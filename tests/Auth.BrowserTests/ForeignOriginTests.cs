using Auth.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// Cookie mode's promise: the refresh cookie is only usable by the configured frontend. A page on any other origin,
/// in the same browser where the user is signed in, can neither read the API's answers nor spend the cookie.
/// </summary>
public sealed class ForeignOriginTests : BrowserTest
{
    private StaticHost app = null!;
    private StaticHost foreign = null!;
    private KestrelApi api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await StaticHost.StartAsync(ReactApp.RequireBuilt());
        foreign = await StaticHost.StartAsync(root: null, new Dictionary<string, string> { ["/"] = "<!doctype html><title>elsewhere</title><p>another site" });
        api = new KestrelApi(new Dictionary<string, string?>
        {
            ["Auth:RefreshTokenTransport"] = "cookie",
            ["Cors:AllowedOrigins:0"] = app.BaseUrl,
        });
        app.ConfigScript = $"window.AUTH_SAMPLE_CONFIG = {{ apiBaseUrl: '{api.BaseUrl}', refreshTokenTransport: 'cookie' }};";
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        // Setup stops with Assert.Ignore, before starting anything, where no browser or built React sample is found.
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (foreign is not null)
        {
            await foreign.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task A_page_on_another_origin_cannot_read_responses_or_spend_the_refresh_cookie()
    {
        var page = await NewPageAsync();
        var appUrl = $"{app.BaseUrl}/signup";
        await page.GotoAsync(appUrl);
        var form = page.Locator("#signup-form");
        await form.Locator("input[name=name]").FillAsync("Victim");
        await form.Locator("input[name=email]").FillAsync($"victim-{Guid.NewGuid():N}@example.com");
        await form.Locator("input[name=password]").FillAsync("correct horse battery");
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Victim");

        await page.GotoAsync(foreign.BaseUrl + "/");
        var outcomes = await page.EvaluateAsync<string[]>("""
            async (api) => {
              const attempt = async (url, init) => {
                try { const r = await fetch(url, init); return `read ${r.status}: ${await r.text()}`; }
                catch (e) { return `refused: ${e.name}`; }
              };
              return [
                await attempt(api + '/auth/ping', {}),
                await attempt(api + '/auth/refresh', { method: 'POST', credentials: 'include', headers: { 'X-Requested-With': 'fetch' } }),
                await attempt(api + '/auth/refresh', { method: 'POST', credentials: 'include' }),
              ];
            }
            """, api.BaseUrl);

        Assert.That(outcomes, Has.All.EqualTo("refused: TypeError"));

        // The cookie was not spent: back on the real app, a reload still signs the user in.
        await page.GotoAsync(appUrl);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Victim");
    }
}
