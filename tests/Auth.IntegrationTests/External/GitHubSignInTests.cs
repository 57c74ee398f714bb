using System.Net;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.External;

/// <summary>GitHub's preset: OAuth 2.0 with PKCE and the user API, against a local server strict where GitHub is.</summary>
public sealed class GitHubSignInTests
{
    private FakeGitHub github = null!;
    private AuthApiFactory factory = null!;
    private HttpClient browser = null!;
    private HttpClient outside = null!;

    [SetUp]
    public async Task Start()
    {
        github = await FakeGitHub.StartAsync();
        factory = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow), settings: github.Settings());
        browser = factory.CreateBrowser();
        outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
    }

    [TearDown]
    public async Task Stop()
    {
        outside.Dispose();
        browser.Dispose();
        await factory.DisposeAsync();
        await github.DisposeAsync();
    }

    [Test]
    public async Task A_github_sign_in_makes_an_account_with_the_verified_primary_address()
    {
        github.Next = new(583231, "octocat", "The Octocat",
            [new("old@example.com", Primary: false, Verified: true), new("octo@example.com", Primary: true, Verified: true)]);

        var back = await SignInAsync();
        var exchanged = await browser.ExchangeAsync(back["code"]);

        Assert.That(exchanged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await exchanged.Content.ReadAsStringAsync());
        var token = (await exchanged.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
        var user = await (await browser.GetUserAsync(token)).ReadJsonAsync();
        Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("octo@example.com"));
        Assert.That(user.GetProperty("emailConfirmed").GetBoolean(), Is.True);
        Assert.That(user.GetProperty("name").GetString(), Is.EqualTo("The Octocat"));
    }

    [Test]
    public async Task A_github_account_without_a_verified_address_makes_no_account()
    {
        github.Next = new(7, "ghost", null, [new("ghost@example.com", Primary: true, Verified: false)]);

        var back = await SignInAsync();
        var exchanged = await browser.ExchangeAsync(back["code"]);

        await exchanged.AssertProblemAsync(HttpStatusCode.BadRequest, "external_email_missing");
    }

    [Test]
    public async Task The_providers_list_shows_github_by_its_preset_name()
    {
        var providers = await (await browser.GetAsync("/auth/providers")).ReadJsonAsync();

        Assert.That(providers[0].GetProperty("displayName").GetString(), Is.EqualTo("GitHub"));
    }

    /// <summary>Start, GitHub's authorize (which signs <see cref="FakeGitHub.Next"/> in at once), and the callback.</summary>
    private async Task<Dictionary<string, string>> SignInAsync()
    {
        var started = await browser.GetAsync($"/auth/external/github/start?{ExternalFlows.StartQuery()}");
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await started.Content.ReadAsStringAsync());
        var authorized = await outside.GetAsync(started.Headers.Location);
        Assert.That(authorized.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "GitHub accepted the client and the PKCE challenge");
        var callback = authorized.Headers.Location!;
        var answered = await browser.GetAsync(callback.PathAndQuery);
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answered.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }
}
