using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// docs/openapi.json is the reviewed copy of the served document, and the TypeScript client is generated from it:
/// an API change must show up as a diff of that file. <c>UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests</c>
/// rewrites it (so does <c>scripts/update-openapi</c>).
/// </summary>
public sealed class OpenApiDocumentTests
{
    public const string UpdateVariable = "UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task The_served_document_matches_the_checked_in_copy()
    {
        var served = await ServedDocumentAsync();
        var path = Path.Combine(TestPaths.RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
            Assert.Pass($"wrote {path}");
        }

        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.That(served, Is.EqualTo(checkedIn),
            "docs/openapi.json differs from the document the service serves at /swagger/v1/swagger.json. If the API change is "
            + $"intended, regenerate it with `{UpdateVariable}=1 dotnet test tests/Auth.IntegrationTests --filter OpenApiDocumentTests` "
            + "(or `scripts/update-openapi`), then `npm run generate` in clients/typescript, and commit both.");
    }

    [Test]
    public async Task Every_operation_has_a_unique_operation_id_and_every_error_a_problem_code()
    {
        var document = JsonNode.Parse(await ServedDocumentAsync())!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key} {path.Key}", Op: op.Value!))).ToArray();

        var ids = operations.Select(o => (string?)o.Op["operationId"]).ToArray();
        var errorsWithoutCode = operations
            .SelectMany(o => o.Op["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').Select(r => (o.Name, Status: r.Key, Response: r.Value!)))
            .Where(r => !((string?)r.Response["description"] ?? "").Contains('`', StringComparison.Ordinal)
                || r.Response["content"]?["application/problem+json"]?["example"]?["code"] is null)
            .Select(r => $"{r.Name} {r.Status}")
            .ToArray();

        Assert.That(ids, Has.None.Null.And.Unique);
        Assert.That(errorsWithoutCode, Is.Empty);
    }

    [Test]
    public async Task Tags_come_in_reading_order_each_with_a_one_line_description()
    {
        var document = JsonNode.Parse(await ServedDocumentAsync())!;
        var tags = document["tags"]!.AsArray().Select(t => (Name: (string)t!["name"]!, Description: (string?)t["description"])).ToArray();
        var firstSeen = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(op => op.Value!["tags"]!.AsArray().Select(t => (string)t!)))
            .Distinct().ToArray();
        string[] landmarks = ["Auth", "Sessions", "User", "AdminUsers", "Health"];

        Assert.That(tags.Select(t => t.Name).Where(landmarks.Contains), Is.EqualTo(landmarks));
        Assert.That(firstSeen, Is.EqualTo(tags.Select(t => t.Name)), "Swagger UI groups by first appearance too");
        Assert.That(tags.Where(t => string.IsNullOrWhiteSpace(t.Description) || t.Description.Contains('\n', StringComparison.Ordinal)).Select(t => t.Name), Is.Empty);
    }

    private static async Task<string> ServedDocumentAsync()
    {
        await using var factory = DevelopmentFactory.Create();
        using var client = factory.CreateClient();
        var json = await client.GetStringAsync("/swagger/v1/swagger.json");
        // Re-indented the same way every time, so the checked-in copy diffs line by line.
        return JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }
}
