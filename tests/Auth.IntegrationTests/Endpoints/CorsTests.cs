using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Endpoints;

public sealed class CorsTests
{
    private const string Allowed = "https://app.example.com";

    [Test]
    public async Task A_preflight_from_a_configured_origin_may_send_authorization()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Allowed });
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Preflight(Allowed));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { Allowed }));
        Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("Authorization").IgnoreCase);
    }

    [Test]
    public async Task A_preflight_from_another_origin_is_not_allowed()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Allowed });
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Preflight("https://evil.example.com"));

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task No_origin_is_allowed_by_default_outside_development()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Preflight("http://localhost:3000"));

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Localhost_origins_are_allowed_in_development()
    {
        await using var factory = DevelopmentFactory.Create();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Preflight("http://localhost:3000"));

        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "http://localhost:3000" }));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/auth/user");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }
}
