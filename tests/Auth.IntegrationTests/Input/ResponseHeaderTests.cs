using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Input;

/// <summary>Headers every response carries, caching of personal data, and HEAD wherever GET works.</summary>
public sealed class ResponseHeaderTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser user = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new AuthApiFactory();
        client = factory.CreateClient();
        user = await client.SignUpAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [TestCase("GET", "/auth/ping")]
    [TestCase("GET", "/auth/user")]
    [TestCase("GET", "/auth/sessions")]
    [TestCase("GET", "/.well-known/jwks.json")]
    [TestCase("GET", "/health/live")]
    [TestCase("GET", "/nowhere")]
    [TestCase("DELETE", "/auth/ping")]
    [TestCase("POST", "/auth/login")]
    public async Task Every_response_says_nosniff(string method, string path)
    {
        var response = await client.SendWithTokenAsync(new HttpMethod(method), path, user.AccessToken);

        Assert.That(response.Headers.TryGetValues("X-Content-Type-Options", out var values) ? values : [], Is.EqualTo(new[] { "nosniff" }));
    }

    [TestCase("/auth/user")]
    [TestCase("/auth/sessions")]
    [TestCase("/admin/users")]
    [TestCase("/admin/audit")]
    public async Task Responses_with_personal_data_are_not_stored(string path)
    {
        var response = await client.SendWithTokenAsync(HttpMethod.Get, path, user.AccessToken);

        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, path);
    }

    [Test]
    public async Task Responses_carrying_tokens_are_not_stored()
    {
        var signup = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = ApiClientExtensions.Password, name = "N" });
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        Assert.That(signup.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(login.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task The_public_key_set_stays_cacheable()
    {
        var response = await client.GetAsync("/.well-known/jwks.json");

        Assert.That(response.Headers.CacheControl?.Public, Is.True);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.False);
    }

    [TestCase("/auth/ping")]
    [TestCase("/auth/user")]
    [TestCase("/auth/sessions")]
    [TestCase("/.well-known/jwks.json")]
    [TestCase("/.well-known/openid-configuration")]
    [TestCase("/health/ready")]
    public async Task Head_answers_where_get_does_with_the_same_status_and_no_body(string path)
    {
        var get = await client.SendWithTokenAsync(HttpMethod.Get, path, user.AccessToken);
        var head = await client.SendWithTokenAsync(HttpMethod.Head, path, user.AccessToken);

        Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode).And.EqualTo(HttpStatusCode.OK));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo(get.Content.Headers.ContentType?.MediaType));
    }

    [Test]
    public async Task Head_without_a_token_gets_the_same_401_as_get()
    {
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/auth/user"));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
