using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Endpoints;

public sealed class UserTests
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

    [Test]
    public async Task Get_user_returns_the_tokens_owner()
    {
        var user = await client.SignUpAsync(name: "Ada");

        var response = await client.GetUserAsync(user.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(user.Auth.User.Id));
        Assert.That(body.GetProperty("email").GetString(), Is.EqualTo(user.Email));
        Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Ada"));
    }

    [Test]
    public async Task Get_user_without_a_token_returns_401_invalid_token_with_a_plain_challenge()
    {
        var response = await client.GetAsync("/auth/user");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Get_user_with_a_garbage_token_returns_401_with_an_invalid_token_challenge()
    {
        var response = await client.GetUserAsync("not-a-jwt");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
    }

    [Test]
    public async Task Patch_user_trims_and_stores_the_new_name()
    {
        var user = await client.SignUpAsync(name: "Ada");

        var response = await client.SendWithTokenAsync(HttpMethod.Patch, "/auth/user", user.AccessToken, new { name = "  Ada King \n" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadJsonAsync()).GetProperty("name").GetString(), Is.EqualTo("Ada King"));
        var again = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();
        Assert.That(again.GetProperty("name").GetString(), Is.EqualTo("Ada King"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Ada\u0000King")]
    [TestCase("Ada\u001bKing")]
    public async Task Patch_user_with_an_invalid_name_returns_validation_failed(string name)
    {
        var user = await client.SignUpAsync(name: "Ada");

        var response = await client.SendWithTokenAsync(HttpMethod.Patch, "/auth/user", user.AccessToken, new { name });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Patch_user_with_a_101_character_name_returns_validation_failed()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Patch, "/auth/user", user.AccessToken, new { name = new string('n', 101) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Patch_user_without_a_token_returns_401()
    {
        var response = await client.PatchAsync("/auth/user", System.Net.Http.Json.JsonContent.Create(new { name = "x" }));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
