using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Endpoints;

public sealed class SessionsTests
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
    public async Task Listing_sessions_shows_each_active_one_and_marks_the_callers()
    {
        var user = await client.SignUpAsync();
        using var login = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email = user.Email, password = user.Password }) };
        login.Headers.UserAgent.ParseAdd("SessionsTest/1.0");
        var second = await (await client.SendAsync(login)).ReadJsonAsync();
        var secondToken = second.GetProperty("accessToken").GetString()!;

        var sessions = (await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions", secondToken)).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().ToArray();

        Assert.That(sessions, Has.Length.EqualTo(2));
        var current = sessions.Single(s => s.GetProperty("current").GetBoolean());
        Assert.That(current.GetProperty("id").GetString(), Is.EqualTo(SessionIdOf(secondToken)));
        Assert.That(current.GetProperty("userAgent").GetString(), Is.EqualTo("SessionsTest/1.0"));
        Assert.That(sessions.Select(s => s.GetProperty("createdAt").GetString()), Has.All.EndsWith("Z"));
    }

    [Test]
    public async Task Ending_one_session_refuses_its_token_and_drops_it_from_the_list()
    {
        var user = await client.SignUpAsync();
        var other = await LoginAsync(user);

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/sessions/{SessionIdOf(other)}", user.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetUserAsync(other)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var remaining = (await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions", user.AccessToken)).ReadJsonAsync()).GetProperty("items").GetArrayLength();
        Assert.That(remaining, Is.EqualTo(1));
    }

    [Test]
    public async Task Ending_another_users_session_answers_404_like_a_missing_one()
    {
        var alice = await client.SignUpAsync();
        var mallory = await client.SignUpAsync();

        var foreign = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/sessions/{SessionIdOf(alice.AccessToken)}", mallory.AccessToken);
        var missing = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/sessions/{Guid.NewGuid()}", mallory.AccessToken);

        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        Assert.That((await client.GetUserAsync(alice.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Listing_sessions_without_a_token_returns_401()
    {
        var response = await client.GetAsync("/auth/sessions");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task The_list_is_paged_most_recently_used_first_with_the_total()
    {
        var user = await client.SignUpAsync();
        var tokens = new List<string> { user.AccessToken };
        for (var i = 0; i < 4; i++)
        {
            tokens.Add(await LoginAsync(user));
        }

        var first = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions?pageSize=2", tokens[^1])).ReadJsonAsync();
        var last = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions?page=3&pageSize=2", tokens[^1])).ReadJsonAsync();
        var bad = await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions?pageSize=0", tokens[^1]);

        Assert.Multiple(async () =>
        {
            Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(5));
            Assert.That(first.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()),
                Is.EqualTo(new[] { SessionIdOf(tokens[4]), SessionIdOf(tokens[3]) }));
            Assert.That(last.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()),
                Is.EqualTo(new[] { SessionIdOf(tokens[0]) }));
            Assert.That((await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorKeys(), Is.EqualTo(new[] { "pageSize" }));
        });
    }

    [Test]
    public async Task Past_the_session_limit_a_login_ends_the_least_recently_used_session_at_once()
    {
        await using var capped = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Auth:MaxSessionsPerUser"] = "3" });
        using var cappedClient = capped.CreateClient();
        var user = await cappedClient.SignUpAsync();
        var second = await LoginAsync(user, cappedClient);
        var third = await LoginAsync(user, cappedClient);
        // The signup's session is used again, so the second is the one nobody touched longest.
        Assert.That((await cappedClient.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await cappedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });

        var fourth = await LoginAsync(user, cappedClient);
        var list = await (await cappedClient.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions", fourth)).ReadJsonAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()), Does.Not.Contain(SessionIdOf(second)));
            Assert.That((await cappedClient.GetUserAsync(second)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "its access token is refused at once");
            Assert.That((await cappedClient.GetUserAsync(third)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static string SessionIdOf(string token) => new JsonWebToken(token).GetClaim("sid").Value;

    private async Task<string> LoginAsync(SignedUpUser user, HttpClient? via = null) =>
        (await (await (via ?? client).PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password })).ReadJsonAsync())
            .GetProperty("accessToken").GetString()!;
}
