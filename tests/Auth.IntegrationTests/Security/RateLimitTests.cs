using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

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
}
