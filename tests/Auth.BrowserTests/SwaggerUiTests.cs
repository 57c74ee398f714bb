using System.Text.RegularExpressions;
using Auth.BrowserTests.Support;
using Microsoft.Playwright;

namespace Auth.BrowserTests;

/// <summary>How most people meet the API: Swagger UI's "Try it out", in a real browser.</summary>
public sealed partial class SwaggerUiTests : BrowserTest
{
    private KestrelApi api = null!;

    [OneTimeSetUp]
    public void StartApi() => api = new KestrelApi();

    [OneTimeTearDown]
    public async Task StopApi()
    {
        // Setup stops with Assert.Ignore, before starting anything, where no browser is found.
        if (api is not null)
        {
            await api.DisposeAsync();
        }
    }

    [Test]
    public async Task Sign_up_through_try_it_out_authorize_with_the_token_and_get_the_user()
    {
        var email = $"swagger-{Guid.NewGuid():N}@example.com";
        var page = await NewPageAsync();
        await page.GotoAsync(api.BaseUrl + "/swagger/index.html");

        var signup = await TryItOutAsync(page, "Auth", "authSignup");
        await signup.Locator("textarea.body-param__text").FillAsync(
            $$"""{"email":"{{email}}","password":"correct horse battery","name":"Swagger User"}""");
        var signupBody = await ExecuteAsync(signup, "201");
        var token = AccessToken().Match(signupBody).Groups[1].Value;
        Assert.That(token, Is.Not.Empty, signupBody);

        await page.Locator(".scheme-container button.authorize").ClickAsync();
        var dialog = page.Locator(".modal-ux");
        await dialog.Locator("input").FillAsync(token);
        await dialog.Locator("button.modal-btn.auth.authorize").ClickAsync();
        await dialog.Locator("button.btn-done").ClickAsync();

        var getUser = await TryItOutAsync(page, "User", "userGet");
        var userBody = await ExecuteAsync(getUser, "200");

        Assert.That(userBody, Does.Contain(email));
    }

    private static async Task<ILocator> TryItOutAsync(IPage page, string tag, string operationId)
    {
        var operation = page.Locator($"#operations-{tag}-{operationId}");
        await operation.Locator(".opblock-summary").First.ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        return operation;
    }

    /// <summary>Clicks Execute and returns the response body once the expected status shows.</summary>
    private static async Task<string> ExecuteAsync(ILocator operation, string status)
    {
        await operation.Locator("button.execute").ClickAsync();
        var live = operation.Locator(".live-responses-table .response");
        await Assertions.Expect(live.Locator(".response-col_status")).ToContainTextAsync(status, new() { Timeout = Timeout });
        return await live.Locator(".response-col_description pre").First.InnerTextAsync();
    }

    [GeneratedRegex("\"accessToken\":\\s*\"([^\"]+)\"")]
    private static partial Regex AccessToken();
}
