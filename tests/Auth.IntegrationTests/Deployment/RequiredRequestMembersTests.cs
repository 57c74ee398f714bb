using System.Net;
using System.Text.Json.Nodes;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// What docs/openapi.json calls required in a request body, the service really requires: an empty object sent to each
/// operation with required members answers 400 <c>validation_failed</c> naming every one of them. Generated clients
/// refuse such a body at compile time; this keeps that promise honest from the other side.
/// </summary>
public sealed class RequiredRequestMembersTests
{
    private const string AdminEmail = "required-members-admin@example.com";

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser admin = null!;

    public static IEnumerable<TestCaseData> OperationsWithRequiredMembers()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "docs", "openapi.json")))!;
        var schemas = document["components"]!["schemas"]!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var reference = (string?)operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];
                var required = reference is null ? null : schemas[reference.Split('/')[^1]]?["required"]?.AsArray().Select(n => (string)n!).ToArray();
                if (required is { Length: > 0 })
                {
                    yield return new TestCaseData(method.ToUpperInvariant(), path, operation["security"] is not null, required)
                        .SetArgDisplayNames($"{method.ToUpperInvariant()} {path}");
                }
            }
        }
    }

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
    public void The_document_has_required_members_to_check() =>
        Assert.That(OperationsWithRequiredMembers().Count(), Is.GreaterThanOrEqualTo(15));

    [TestCaseSource(nameof(OperationsWithRequiredMembers))]
    public async Task An_empty_body_is_refused_naming_every_required_member(string method, string path, bool bearer, string[] required)
    {
        var user = await client.SignUpAsync();
        var target = path.Replace("{id}", user.Auth.User.Id.ToString(), StringComparison.Ordinal).Replace("{role}", "admin", StringComparison.Ordinal);
        var token = !bearer ? null : path.StartsWith("/admin/", StringComparison.Ordinal) ? admin.AccessToken : user.AccessToken;
        using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.SupersetOf(required));
    }
}
