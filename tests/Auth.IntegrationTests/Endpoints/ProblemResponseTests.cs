using System.Net;
using System.Text;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Endpoints;

/// <summary>Bad input of every kind gets a problem body with a stable code: never a 500, a stack trace or an exception name.</summary>
public sealed class ProblemResponseTests
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

    [TestCase("{\"email\": \"a@example.com\", ", 1, 28)]
    [TestCase("not json at all", 1, 2)]
    [TestCase("{\n  \"email\": \"a@example.com\",\n  \"password\": 'single quotes'\n}", 3, 15)]
    public async Task A_body_that_is_not_json_returns_400_bad_request_with_where_reading_stopped(string body, int line, int column)
    {
        var response = await client.PostAsync("/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        Assert.That(problem.GetProperty("line").GetInt32(), Is.EqualTo(line));
        Assert.That(problem.GetProperty("column").GetInt32(), Is.EqualTo(column));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"line {line}, column {column}"));
        Assert.That(problem.ToString(), Does.Not.Contain("System.").And.Not.Contain("BytePositionInLine"));
    }

    [TestCase("[]")]
    [TestCase("\"a string\"")]
    [TestCase("")]
    public async Task Json_of_the_wrong_shape_or_no_body_returns_400_validation_failed(string body)
    {
        var response = await client.PostAsync("/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_number_where_a_string_belongs_returns_validation_failed_keyed_by_the_field()
    {
        var response = await client.PostAsync("/auth/signup", new StringContent("{\"email\": 12345, \"password\": \"correct horse\", \"name\": \"x\"}", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "email" }));
        Assert.That(problem.ToString(), Does.Not.Contain("System."));
    }

    [Test]
    public async Task A_body_that_is_not_json_returns_415()
    {
        var response = await client.PostAsync("/auth/signup", new StringContent("email=a@example.com", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task A_body_over_32_KiB_returns_413()
    {
        var big = $"{{\"email\":\"a@example.com\",\"password\":\"{new string('p', 33 * 1024)}\",\"name\":\"x\"}}";

        var response = await client.PostAsync("/auth/signup", new StringContent(big, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Test]
    public async Task An_unknown_route_returns_404_problem()
    {
        var response = await client.GetAsync("/auth/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task A_method_the_route_does_not_take_returns_405_problem()
    {
        var response = await client.DeleteAsync("/auth/ping");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Test]
    public async Task Each_problem_has_its_own_trace_id()
    {
        var first = await (await client.GetAsync("/nowhere")).ReadJsonAsync();
        var second = await (await client.GetAsync("/nowhere")).ReadJsonAsync();

        Assert.That(first.GetProperty("traceId").GetString(), Is.Not.EqualTo(second.GetProperty("traceId").GetString()));
    }

    [Test]
    public async Task Deeply_nested_json_is_refused_without_a_server_error()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var response = await client.PostAsync("/auth/login", new StringContent(nested, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad_request");
    }
}
