using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Input;

/// <summary>Paging values from the query string: bounded, overflow-safe, and errors that name the query parameter.</summary>
public sealed class QueryParameterTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private string adminToken = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        factory = AdminFixture.CreateFactory(adminEmail);
        client = factory.CreateClient();
        adminToken = (await factory.SignUpAdminAsync(client, adminEmail)).AccessToken;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [TestCase("/admin/users?page=2147483647&pageSize=100")]
    [TestCase("/admin/users?page=21474837&pageSize=100")]
    [TestCase("/admin/audit?page=2147483647&pageSize=100")]
    [TestCase("/admin/audit?page=42949673&pageSize=100")]
    public async Task A_huge_page_never_answers_the_first_page(string path)
    {
        var response = await client.SendWithTokenAsync(HttpMethod.Get, path, adminToken);

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var body = await response.ReadJsonAsync();
            Assert.That(body.GetProperty("items").GetArrayLength(), Is.Zero);
        }
        else
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "page" }));
        }
    }

    [TestCase("/admin/users?page=99999999999", "page")]
    [TestCase("/admin/users?pageSize=abc", "pageSize")]
    [TestCase("/admin/audit?page=-1", "page")]
    [TestCase("/admin/audit?pageSize=1e3", "pageSize")]
    [TestCase("/admin/audit?from=yesterday", "from")]
    [TestCase("/admin/audit?to=2026-13-45T00:00:00Z", "to")]
    [TestCase("/admin/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task A_bad_paging_value_names_the_query_parameter_not_the_body(string path, string parameter)
    {
        var response = await client.SendWithTokenAsync(HttpMethod.Get, path, adminToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { parameter }));
        Assert.That(problem.ToString(), Does.Not.Contain("body"));
        Assert.That(problem.ToString(), Does.Contain("query"));
    }
}
