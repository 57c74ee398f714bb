using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Endpoints;

/// <summary>The corners of the contract a review found: every 415 is problem+json, 413 is readable cross-origin, and so on.</summary>
public sealed class EdgeResponseTests
{
    private const string Origin = "https://app.example.com";

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Origin });
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Logout_with_a_text_body_is_a_415_problem()
    {
        var user = await client.SignUpAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/logout") { Content = new StringContent("scope=global", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);

        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task Login_without_a_content_type_is_a_415_problem()
    {
        var content = new ByteArrayContent("{\"email\":\"a@example.com\",\"password\":\"whatever123\"}"u8.ToArray());

        await (await client.PostAsync("/auth/login", content)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task Deleting_the_account_without_a_body_is_a_problem_not_a_plain_error()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/user", user.AccessToken);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((int)response.StatusCode, Is.AnyOf(400, 415));
    }

    [Test]
    public async Task A_missing_body_names_no_csharp_parameter()
    {
        var response = await client.PostAsync("/auth/login", new StringContent("", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").ToString(), Does.Not.Contain("request field"));
    }

    [Test]
    public async Task A_413_carries_cors_headers_for_an_allowed_origin()
    {
        var big = $"{{\"email\":\"a@example.com\",\"password\":\"{new string('p', 33 * 1024)}\",\"name\":\"x\"}}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signup") { Content = new StringContent(big, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", Origin);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { Origin }));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_take_only_get(string path)
    {
        await (await client.PostAsync(path, null)).AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_non_bearer_authorization_gets_a_challenge_without_an_error_attribute()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/user");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Created_at_reads_the_same_at_signup_and_afterwards()
    {
        var user = await client.SignUpAsync();

        var me = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.That(me.GetProperty("createdAt").GetDateTime(), Is.EqualTo(user.Auth.User.CreatedAt));
    }

    [Test]
    public async Task Discovery_built_from_the_host_header_is_not_cacheable()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Headers.CacheControl?.Public, Is.False);
    }

    [Test]
    public async Task Discovery_with_a_public_base_url_ignores_the_host_header_and_may_be_cached()
    {
        await using var configured = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Jwt:PublicBaseUrl"] = "https://auth.example.com/" });
        using var configuredClient = configured.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";

        var response = await configuredClient.SendAsync(request);
        var document = await response.ReadJsonAsync();

        Assert.That(document.GetProperty("jwks_uri").GetString(), Is.EqualTo("https://auth.example.com/.well-known/jwks.json"));
        Assert.That(response.Headers.CacheControl?.Public, Is.True);
    }
}
