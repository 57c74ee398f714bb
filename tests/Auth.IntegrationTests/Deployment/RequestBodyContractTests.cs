using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// What docs/openapi.json says about request bodies holds on every operation that takes one: a body that is not JSON
/// is 400 <c>bad_request</c> saying where reading stopped; a value of the wrong type is 400 <c>validation_failed</c>
/// naming the field; an empty object is 400 <c>validation_failed</c> naming every member the document calls required
/// (generated clients refuse such a body at compile time; this keeps the promise honest from the other side).
/// </summary>
public sealed class RequestBodyContractTests
{
    private const string AdminEmail = "body-contract-admin@example.com";

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser admin = null!;

    public static IEnumerable<TestCaseData> OperationsWithBodies() =>
        BodyOperations().Select(o => new TestCaseData(o.Method, o.Path, o.Bearer, o.Schema.ToJsonString()).SetArgDisplayNames($"{o.Method} {o.Path}"));

    public static IEnumerable<TestCaseData> OperationsWithRequiredMembers() =>
        from o in BodyOperations()
        let required = o.Schema["required"]?.AsArray().Select(n => (string)n!).ToArray()
        where required is { Length: > 0 }
        select new TestCaseData(o.Method, o.Path, o.Bearer, required).SetArgDisplayNames($"{o.Method} {o.Path}");

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = AdminFixture.CreateFactory(AdminEmail);
        client = factory.CreateClient();
        admin = await factory.SignUpAdminAsync(client, AdminEmail);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public void The_document_has_bodies_to_check() =>
        Assert.Multiple(() =>
        {
            Assert.That(OperationsWithBodies().Count(), Is.GreaterThanOrEqualTo(20));
            Assert.That(OperationsWithRequiredMembers().Count(), Is.GreaterThanOrEqualTo(15));
        });

    [TestCaseSource(nameof(OperationsWithRequiredMembers))]
    public async Task An_empty_body_is_refused_naming_every_required_member(string method, string path, bool bearer, string[] required)
    {
        var response = await SendAsync(method, path, bearer, "{}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.SupersetOf(required));
    }

    [TestCaseSource(nameof(OperationsWithBodies))]
    public async Task A_body_that_is_not_json_is_bad_request_saying_where_reading_stopped(string method, string path, bool bearer, string schema)
    {
        var response = await SendAsync(method, path, bearer, "{\n  \"a\": tru");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        Assert.That((problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()), Is.EqualTo((2, 11)));
    }

    [TestCaseSource(nameof(OperationsWithBodies))]
    public async Task A_value_of_the_wrong_type_is_validation_failed_naming_the_field(string method, string path, bool bearer, string schema)
    {
        var field = JsonNode.Parse(schema)!["properties"]!.AsObject().First(p => (string?)p.Value!["type"] == "string").Key;

        var response = await SendAsync(method, path, bearer, $"{{\"{field}\": 12345}}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { field }));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, bool bearer, string body)
    {
        var user = await client.SignUpAsync();
        var target = path.Replace("{id}", user.Auth.User.Id.ToString(), StringComparison.Ordinal).Replace("{role}", "admin", StringComparison.Ordinal);
        var token = !bearer ? null : path.StartsWith("/admin/", StringComparison.Ordinal) ? admin.AccessToken : user.AccessToken;
        using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static IEnumerable<(string Method, string Path, bool Bearer, JsonObject Schema)> BodyOperations()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "docs", "openapi.json")))!;
        var schemas = document["components"]!["schemas"]!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if ((string?)operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"] is { } reference)
                {
                    yield return (method.ToUpperInvariant(), path, operation["security"] is not null, schemas[reference.Split('/')[^1]]!.AsObject());
                }
            }
        }
    }
}
