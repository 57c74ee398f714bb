using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Security;

public sealed class RateLimitTests
{
    [Test]
    public async Task A_client_over_the_limit_on_credential_endpoints_gets_429_with_retry_after()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:Window"] = "00:01:00",
        });
        using var client = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" }));
        }

        Assert.That(responses.Take(3).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        await responses[3].AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.That(responses[3].Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That((await client.GetAsync("/auth/ping")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "other endpoints are not limited");
    }

    [Test]
    public async Task Switched_off_the_limit_lets_every_request_through()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["RateLimiting:PermitLimit"] = "1",
        });
        using var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" })));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Spending_the_credentials_budget_leaves_refresh_and_mail_budgets_untouched()
    {
        await using var factory = Limited(new() { ["RateLimiting:PermitLimit"] = "1" });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();

        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        var refresh = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });
        var forgot = await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });

        await login.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forgot.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Refresh_has_its_own_budget_per_address()
    {
        await using var factory = Limited(new() { ["RateLimiting:RefreshPermitLimit"] = "2" });
        using var client = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = "unknown-token" }));
        }

        Assert.That(responses.Take(2).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        await responses[2].AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.That((await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized), "login keeps its own budget");
    }

    [Test]
    public void The_default_refresh_budget_is_generous_enough_for_an_office_behind_one_address()
    {
        var defaults = new Auth.Api.Http.RateLimitSettings();

        Assert.That(defaults.RefreshPermitLimit / defaults.RefreshWindow.TotalMinutes, Is.GreaterThanOrEqualTo(10 * defaults.PermitLimit / defaults.Window.TotalMinutes));
    }

    [Test]
    public async Task Budgets_are_kept_per_client_address()
    {
        await using var factory = Limited(new() { ["RateLimiting:PermitLimit"] = "1" });
        using var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>())).CreateClient();

        var first = await LoginFrom(client, "203.0.113.7");
        var again = await LoginFrom(client, "203.0.113.7");
        var other = await LoginFrom(client, "198.51.100.9");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await again.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another address has its own budget");
    }

    private static AuthApiFactory Limited(Dictionary<string, string?> settings)
    {
        settings["RateLimiting:Enabled"] = "true";
        return new AuthApiFactory(settings: settings);
    }

    private static Task<HttpResponseMessage> LoginFrom(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login")
        {
            Content = JsonContent.Create(new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" }),
        };
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        return client.SendAsync(request);
    }

    /// <summary>Stands in for a proxy's forwarded-headers step: the test server has no real peer address.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
