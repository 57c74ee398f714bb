using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Input;

/// <summary>Input a careless or hostile client sends: undecodable bodies, duplicate keys, huge paging values, wrong tokens.</summary>
public sealed class StrictInputTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new AuthApiFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [TestCase("utf-16", "correct horse")]
    [TestCase("utf-16", "correct horse!")]
    [TestCase("utf-16", "x\u0624\u0624\u0624")]
    [TestCase("utf-32", "correct horse!")]
    [TestCase("no-such-charset", "correct horse")]
    public async Task A_body_that_does_not_decode_in_its_declared_charset_is_a_client_error_not_a_500(string charset, string password)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"email\":\"a@example.com\",\"password\":\"{password}\"}}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var logged = factory.Logs.Lines.Count;

        var response = await client.PostAsync("/auth/login", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(400).Or.EqualTo(415), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(factory.Logs.Lines.Skip(logged).Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase("/auth/login", "{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"correct horse\"}")]
    [TestCase("/auth/signup", "{\"email\":\"a@example.com\",\"password\":\"correct horse\",\"name\":\"A\",\"name\":\"B\"}")]
    [TestCase("/auth/password/forgot", "{\"email\":\"a@example.com\",\"EMAIL\":\"b@example.com\"}")]
    public async Task A_body_with_a_duplicate_key_is_refused(string path, string body)
    {
        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_duplicate_key_is_refused_in_an_authenticated_body_too()
    {
        var user = await client.SignUpAsync();
        var request = new HttpRequestMessage(HttpMethod.Patch, "/auth/user")
        {
            Content = new StringContent("{\"name\":\"A\",\"name\":\"B\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Refresh_with_an_access_token_answers_invalid_refresh_token()
    {
        var user = await client.SignUpAsync();

        var response = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.AccessToken });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [TestCase("x")]
    [TestCase("not a token at all, with spaces")]
    public async Task Refresh_with_a_string_of_the_wrong_shape_answers_invalid_refresh_token(string value)
    {
        var response = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = value });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Refresh_with_a_very_long_string_answers_invalid_refresh_token()
    {
        var response = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = new string('a', 5000) });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }
}
