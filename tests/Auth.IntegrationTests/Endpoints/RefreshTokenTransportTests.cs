using System.Net;
using System.Net.Http.Json;
using Auth.Api.Http;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Auth.IntegrationTests.Endpoints;

/// <summary><c>Auth:RefreshTokenTransport</c>: the refresh token in the JSON (body, the default) or in an HttpOnly cookie.</summary>
public sealed class RefreshTokenTransportTests
{
    private const string App = "https://app.example.com";
    private const string CsrfHeader = RefreshTokenCookie.CsrfHeader;

    private readonly Dictionary<HttpClient, CookieContainer> jars = [];

    private AuthApiFactory cookieMode = null!;

    [OneTimeSetUp]
    public void StartCookieMode() => cookieMode = new AuthApiFactory(settings: new Dictionary<string, string?>
    {
        ["Auth:RefreshTokenTransport"] = "cookie",
        ["Cors:AllowedOrigins:0"] = App,
        // Even where localhost is allowed, cookie mode only trusts the listed origins with credentials.
        ["Cors:AllowLocalhost"] = "true",
    });

    [OneTimeTearDown]
    public async Task StopCookieMode() => await cookieMode.DisposeAsync();

    [Test]
    public async Task Body_mode_returns_the_refresh_token_in_the_json_and_sets_no_cookie()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = ApiClientExtensions.Password, name = "Ada" });

        Assert.That((await response.ReadJsonAsync()).GetProperty("refreshToken").GetString(), Is.Not.Empty);
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task Cookie_mode_sets_an_httponly_secure_strict_cookie_on_auth_and_leaves_the_token_out_of_the_json()
    {
        using var client = CookieClient();

        var response = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = ApiClientExtensions.Password, name = "Ada" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await response.ReadJsonAsync()).TryGetProperty("refreshToken", out _), Is.False);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.That(cookie, Does.StartWith(RefreshTokenCookie.Name + "="));
        Assert.That(cookie.Split("; ").Skip(1), Is.SupersetOf(new[] { "path=/auth", "secure", "samesite=strict", "httponly" }));
        Assert.That(cookie, Does.Contain("max-age=1209600"), "lives as long as the session's refresh tokens (14 days)");
    }

    [Test]
    public async Task Cookie_mode_refresh_reads_the_cookie_and_rotates_it()
    {
        using var client = CookieClient();
        await SignUpAsync(client);
        var first = CookieValue(client);

        var response = await RefreshAsync(client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("accessToken").GetString(), Is.Not.Empty);
        Assert.That(body.TryGetProperty("refreshToken", out _), Is.False);
        Assert.That(CookieValue(client), Is.Not.Null.And.Not.EqualTo(first));
    }

    [Test]
    public async Task Cookie_mode_refresh_without_the_custom_header_is_refused()
    {
        using var client = CookieClient();
        await SignUpAsync(client);

        var response = await client.PostAsync("/auth/refresh", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "csrf_header_missing");
    }

    [Test]
    public async Task Cookie_mode_refresh_without_a_cookie_is_an_invalid_refresh_token()
    {
        using var client = CookieClient();

        var response = await RefreshAsync(client);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Cookie_mode_ignores_a_refresh_token_in_the_body()
    {
        await using var bodyMode = new AuthApiFactory();
        var bodyToken = (await bodyMode.CreateClient().SignUpAsync()).Auth.RefreshToken;
        using var client = CookieClient();

        var response = await RefreshAsync(client, new { refreshToken = bodyToken });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Cookie_mode_logout_clears_the_cookie_and_the_old_one_no_longer_refreshes()
    {
        using var client = CookieClient();
        var token = await SignUpAsync(client);
        var cookie = CookieValue(client);

        var logout = await client.LogoutAsync(token);
        var cleared = logout.Headers.GetValues("Set-Cookie").Single();
        jars[client].Add(new Uri("https://localhost/auth"), new Cookie(RefreshTokenCookie.Name, cookie, "/auth"));
        var replay = await RefreshAsync(client);

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(cleared, Does.StartWith(RefreshTokenCookie.Name + "=;").And.Contain("expires=Thu, 01 Jan 1970"));
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Cookie_mode_lets_only_configured_origins_send_credentials_and_the_custom_header()
    {
        using var client = CookieClient();

        var allowed = await client.SendAsync(Preflight(App));
        var localhost = await client.SendAsync(Preflight("http://localhost:3000"));

        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { App }));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Credentials"), Is.EqualTo(new[] { "true" }));
        Assert.That(string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain(CsrfHeader).IgnoreCase);
        Assert.That(localhost.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Body_mode_never_allows_credentials()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = App });
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Preflight(App));

        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { App }));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
    }

    [Test]
    public void An_unknown_transport_stops_the_service_naming_the_setting()
    {
        using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Auth:RefreshTokenTransport"] = "header" });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Auth:RefreshTokenTransport"));
    }

    // The cookie is Secure: the test client, like a browser, only keeps and sends it over https.
    private HttpClient CookieClient()
    {
        var jar = new CookieContainer();
        var client = cookieMode.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar));
        jars[client] = jar;
        return client;
    }

    private static async Task<string> SignUpAsync(HttpClient client) => (await client.SignUpAsync()).AccessToken;

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/refresh") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(CsrfHeader, "fetch");
        return client.SendAsync(request);
    }

    private string? CookieValue(HttpClient client) =>
        jars[client].GetCookies(new Uri("https://localhost/auth/refresh"))[RefreshTokenCookie.Name]?.Value;

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/auth/refresh");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-requested-with");
        return request;
    }
}
