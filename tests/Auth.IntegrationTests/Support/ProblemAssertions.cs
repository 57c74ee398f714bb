using System.Net;
using System.Text.Json;

namespace Auth.IntegrationTests.Support;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 body with every member the contract promises, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            foreach (var member in new[] { "type", "title", "detail", "code", "traceId" })
            {
                Assert.That(problem.TryGetProperty(member, out var value) && value.GetString() is { Length: > 0 }, Is.True, $"'{member}' missing in {body}");
            }

            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(body, Does.Not.Contain("Exception").And.Not.Contain("   at "), "no exception names or stack traces");
        });
        return problem;
    }

    public static string[] ErrorKeys(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
}
