using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

/// <summary>Behind a reverse proxy: whose client address counts, and whose headers are believed.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Test]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_gets_its_own_rate_limit_bucket()
    {
        await using var factory = new AuthApiFactory(settings: Settings(("ForwardedHeaders:KnownProxies:0", Proxy), ("RateLimiting:Enabled", "true"), ("RateLimiting:PermitLimit", "1")));
        using var client = factory.WithTestPeers().CreateClient();

        var first = await client.SendAsync(Login().From(Proxy, forwardedFor: "203.0.113.1"));
        var again = await client.SendAsync(Login().From(Proxy, forwardedFor: "203.0.113.1"));
        var other = await client.SendAsync(Login().From(Proxy, forwardedFor: "203.0.113.2"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another client behind the same proxy has its own bucket");
    }

    [Test]
    public async Task Forwarded_for_from_a_peer_that_is_not_a_known_proxy_is_ignored()
    {
        await using var factory = new AuthApiFactory(settings: Settings(("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16"), ("RateLimiting:Enabled", "true"), ("RateLimiting:PermitLimit", "1")));
        using var client = factory.WithTestPeers().CreateClient();

        var first = await client.SendAsync(Login().From("198.51.100.9", forwardedFor: "203.0.113.1"));
        var spoofed = await client.SendAsync(Login().From("198.51.100.9", forwardedFor: "203.0.113.2"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(spoofed.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "a client cannot pick a fresh bucket by sending the header");
    }

    [Test]
    public async Task Without_known_proxies_forwarded_headers_are_ignored_by_default()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.WithTestPeers().CreateClient();
        var user = await client.SignUpAsync();

        var login = await client.SendAsync(Login(user.Email, user.Password).From("127.0.0.1", forwardedFor: "203.0.113.7"));

        Assert.That(await SessionAddressAsync(client, login), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Sessions_record_the_forwarded_client_address_not_the_proxys()
    {
        await using var factory = new AuthApiFactory(settings: Settings(("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")));
        using var client = factory.WithTestPeers().CreateClient();
        var user = await client.SignUpAsync();

        var login = await client.SendAsync(Login(user.Email, user.Password).From(Proxy, forwardedFor: "203.0.113.7"));

        Assert.That(await SessionAddressAsync(client, login), Is.EqualTo("203.0.113.7"));
    }

    [Test]
    public async Task With_a_public_base_url_discovery_ignores_forwarded_and_request_hosts()
    {
        await using var factory = new AuthApiFactory(settings: Settings(("ForwardedHeaders:KnownProxies:0", Proxy), ("Jwt:PublicBaseUrl", "https://auth.example.com")));
        using var client = factory.WithTestPeers().CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration").From(Proxy);
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(body, Does.Contain("https://auth.example.com/.well-known/jwks.json"));
        Assert.That(body, Does.Not.Contain("evil.example"));
    }

    [Test]
    public void A_proxy_that_is_not_an_address_stops_the_service_naming_the_setting()
    {
        using var factory = new AuthApiFactory(settings: Settings(("ForwardedHeaders:KnownProxies:0", "proxy.internal")));

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("ForwardedHeaders:KnownProxies:0 must be an IP address"));
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value);

    private static HttpRequestMessage Login(string? email = null, string password = "wrong password!") =>
        new(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email = email ?? ApiClientExtensions.NewEmail(), password }) };

    private static async Task<string?> SessionAddressAsync(HttpClient client, HttpResponseMessage login)
    {
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = (await login.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
        var sessions = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions", token)).ReadJsonAsync();
        return sessions.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("clientAddress").GetString();
    }
}
