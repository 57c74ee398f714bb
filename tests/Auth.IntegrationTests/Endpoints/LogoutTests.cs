using System.Net;
using System.Text;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Endpoints;

public sealed class LogoutTests
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
    public async Task Logout_without_a_body_ends_the_session_and_the_token_is_refused_on_its_next_use()
    {
        var user = await client.SignUpAsync();

        var logout = await client.LogoutAsync(user.AccessToken);
        var next = await client.GetUserAsync(user.AccessToken);

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await next.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.That(next.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
    }

    [Test]
    public async Task Logout_with_an_empty_object_means_local_and_leaves_other_sessions_alive()
    {
        var user = await client.SignUpAsync();
        var other = await LoginAgainAsync(user);

        var logout = await client.LogoutAsync(user.AccessToken, new { });

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await client.GetUserAsync(other)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_marks_the_session_ended_and_records_a_revocation()
    {
        var user = await client.SignUpAsync();
        var sessionId = Guid.Parse(new JsonWebToken(user.AccessToken).GetClaim("sid").Value);

        await client.LogoutAsync(user.AccessToken, new { scope = "local" });

        var session = await factory.WithDatabaseAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        var revoked = await factory.WithDatabaseAsync(db => db.SessionRevocations.AnyAsync(r => r.SessionId == sessionId));
        Assert.That(session.EndedAt, Is.Not.Null);
        Assert.That(revoked, Is.True);
    }

    [Test]
    public async Task Logout_with_an_unknown_scope_returns_validation_failed()
    {
        var user = await client.SignUpAsync();

        var response = await client.LogoutAsync(user.AccessToken, new { scope = "everything" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "scope" }));
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_without_a_token_returns_401_with_a_bearer_challenge()
    {
        var response = await client.PostAsync("/auth/logout", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Logout_twice_with_the_same_token_returns_401_the_second_time()
    {
        var user = await client.SignUpAsync();
        await client.LogoutAsync(user.AccessToken);

        var second = await client.LogoutAsync(user.AccessToken);

        await second.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Logout_global_ends_every_session_of_the_user()
    {
        var user = await client.SignUpAsync();
        var other = await LoginAgainAsync(user);

        await client.LogoutAsync(user.AccessToken, new { scope = "global" });

        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await client.GetUserAsync(other)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_others_ends_every_session_but_the_callers()
    {
        var user = await client.SignUpAsync();
        var other = await LoginAgainAsync(user);

        await client.LogoutAsync(user.AccessToken, new { scope = "others" });

        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetUserAsync(other)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_with_a_json_body_of_the_wrong_shape_returns_validation_failed()
    {
        var user = await client.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/logout")
        {
            Content = new StringContent("{\"scope\": 7}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", user.AccessToken);

        var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "scope" }));
    }

    private async Task<string> LoginAgainAsync(SignedUpUser user)
    {
        var response = await client.PostAsync("/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = user.Email, password = user.Password }));
        return (await response.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
    }
}
