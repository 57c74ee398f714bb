using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace Auth.BrowserTests.Support;

/// <summary>
/// One headless Chromium per fixture, a fresh context (cookies, storage) per page. When a test fails, every page it
/// opened leaves a screenshot and its console log under TestResults/browser/, where CI keeps them as artifacts.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<(IPage Page, List<string> Console)> pages = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Generous for a loaded CI machine; a passing step takes milliseconds.</summary>
    protected const float Timeout = 15_000;

    [OneTimeSetUp]
    public async Task LaunchBrowser()
    {
        var executable = Chromium.RequireExecutable();
        // Expect(...) waits 5 s by default; some steps wait for the app's own renewal timer on a loaded machine.
        Assertions.SetDefaultExpectTimeout(Timeout);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [TearDown]
    public async Task KeepEvidenceOfFailure()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        for (var i = 0; i < pages.Count; i++)
        {
            var (page, console) = pages[i];
            if (failed)
            {
                Directory.CreateDirectory(RepositoryPaths.Artifacts);
                var name = Path.Combine(RepositoryPaths.Artifacts, $"{Sanitize(TestContext.CurrentContext.Test.Name)}-page{i + 1}");
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true });
                    TestContext.AddTestAttachment(name + ".png");
                }
                catch (PlaywrightException e)
                {
                    console.Add($"[screenshot failed] {e.Message}");
                }

                await File.WriteAllLinesAsync(name + ".console.log", console);
                TestContext.AddTestAttachment(name + ".console.log");
            }

            await page.Context.CloseAsync();
        }

        pages.Clear();
    }

    /// <summary>A page in a context of its own: another browser profile, as far as the service can tell.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync();
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{DateTime.UtcNow:HH:mm:ss.fff} [{message.Type}] {message.Text}");
        page.PageError += (_, error) => console.Add($"{DateTime.UtcNow:HH:mm:ss.fff} [pageerror] {error}");
        page.RequestFailed += (_, request) => console.Add($"{DateTime.UtcNow:HH:mm:ss.fff} [requestfailed] {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) => console.Add($"{DateTime.UtcNow:HH:mm:ss.fff} [response] {response.Status} {response.Request.Method} {response.Url}");
        pages.Add((page, console));
        return page;
    }

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
