using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

public sealed class HttpsTests
{
    [Test]
    public async Task Configured_for_it_plain_http_is_redirected_to_https()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Https:Redirect"] = "true" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://auth.example.com") });

        var response = await client.GetAsync("/auth/ping");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PermanentRedirect));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri("https://auth.example.com/auth/ping")));
    }

    [Test]
    public async Task Configured_for_it_https_responses_carry_hsts()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Https:Hsts"] = "true", ["Https:HstsMaxAge"] = "180.00:00:00" });
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://auth.example.com") });

        var response = await client.GetAsync("/auth/ping");

        Assert.That(response.Headers.GetValues("Strict-Transport-Security"), Is.EqualTo(new[] { "max-age=15552000" }));
    }

    [Test]
    public async Task By_default_neither_redirect_nor_hsts()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://auth.example.com") });
        using var secure = factory.CreateClient(new() { BaseAddress = new Uri("https://auth.example.com") });

        var plain = await client.GetAsync("/auth/ping");
        var overTls = await secure.GetAsync("/auth/ping");

        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(overTls.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task Behind_a_trusted_tls_proxy_a_forwarded_https_request_is_not_redirected()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["Https:Redirect"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
        });
        using var client = factory.WithTestPeers().CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://auth.example.com") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/ping").From("10.0.0.5", forwardedFor: "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
