using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Endpoints;

public sealed class RefreshTests
{
    private FakeTimeProvider time = null!;
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        factory = new AuthApiFactory(time: time);
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Refresh_returns_a_new_pair_that_works()
    {
        var user = await client.SignUpAsync();

        var response = await RefreshAsync(user.Auth.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadJsonAsync();
        var refreshToken = body.GetProperty("refreshToken").GetString();
        Assert.That(refreshToken, Is.Not.EqualTo(user.Auth.RefreshToken));
        Assert.That(body.GetProperty("user").GetProperty("id").GetGuid(), Is.EqualTo(user.Auth.User.Id));
        Assert.That((await client.GetUserAsync(body.GetProperty("accessToken").GetString()!)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await RefreshAsync(refreshToken!)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_refresh_reads_its_token_session_and_user_in_one_statement()
    {
        var user = await client.SignUpAsync();
        var before = factory.DatabaseCommands;

        var response = await RefreshAsync(user.Auth.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The revocation list's background poll may read too; it reads only its own table.
        var reads = factory.DatabaseCommandTexts.Skip(before)
            .Where(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.Contains("\"SessionRevocations\"", StringComparison.Ordinal))
            .ToList();
        Assert.That(reads, Has.Count.EqualTo(1));
        Assert.That(reads[0], Does.Contain("\"RefreshTokens\"").And.Contain("\"Sessions\"").And.Contain("\"Users\""));
    }

    [Test]
    public async Task Re_presenting_a_just_rotated_token_within_the_grace_window_returns_the_same_successor()
    {
        var user = await client.SignUpAsync();
        var first = await (await RefreshAsync(user.Auth.RefreshToken)).ReadJsonAsync();

        time.Advance(TimeSpan.FromSeconds(5));
        var second = await RefreshAsync(user.Auth.RefreshToken);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await second.ReadJsonAsync()).GetProperty("refreshToken").GetString(), Is.EqualTo(first.GetProperty("refreshToken").GetString()));
    }

    [Test]
    public async Task Re_presenting_a_used_token_after_the_grace_window_ends_the_whole_session()
    {
        var user = await client.SignUpAsync();
        var rotated = await (await RefreshAsync(user.Auth.RefreshToken)).ReadJsonAsync();

        time.Advance(TimeSpan.FromSeconds(11));
        var reuse = await RefreshAsync(user.Auth.RefreshToken);

        await reuse.AssertProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_reused");
        Assert.That(reuse.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        await (await RefreshAsync(rotated.GetProperty("refreshToken").GetString()!)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That((await client.GetUserAsync(rotated.GetProperty("accessToken").GetString()!)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Of_concurrent_refreshes_of_one_token_all_get_the_single_successor()
    {
        var user = await client.SignUpAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RefreshAsync(user.Auth.RefreshToken)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var successors = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("refreshToken").GetString()));
        Assert.That(successors.Distinct().Count(), Is.EqualTo(1));
        var stored = await factory.WithDatabaseAsync(db => db.RefreshTokens
            .CountAsync(t => t.UsedAt == null && db.Sessions.Any(s => s.Id == t.SessionId && s.UserId == user.Auth.User.Id)));
        Assert.That(stored, Is.EqualTo(1), "exactly one live refresh token after the race");
    }

    [Test]
    public async Task The_refresh_token_of_a_logged_out_session_is_refused()
    {
        var user = await client.SignUpAsync();
        await client.LogoutAsync(user.AccessToken);

        var response = await RefreshAsync(user.Auth.RefreshToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task An_unknown_refresh_token_is_refused()
    {
        var response = await RefreshAsync("not-a-token-we-issued");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task A_missing_refresh_token_returns_validation_failed()
    {
        var response = await client.PostAsJsonAsync("/auth/refresh", new { });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "refreshToken" }));
    }

    [Test]
    public async Task A_session_past_its_absolute_lifetime_cannot_refresh()
    {
        await using var timed = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var timedClient = timed.CreateClient();
        var user = await timedClient.SignUpAsync();

        timed.Time!.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var response = await timedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task A_session_unused_for_its_idle_lifetime_cannot_refresh_but_use_keeps_it_alive()
    {
        await using var timed = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow),
            settings: new Dictionary<string, string?> { ["Jwt:RefreshTokenIdleLifetime"] = "1.00:00:00" });
        using var timedClient = timed.CreateClient();
        var active = await timedClient.SignUpAsync();
        var idle = await timedClient.SignUpAsync();

        timed.Time!.Advance(TimeSpan.FromHours(20));
        var kept = await (await timedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken = active.Auth.RefreshToken })).ReadJsonAsync();
        timed.Time.Advance(TimeSpan.FromHours(20));
        var stillActive = await timedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken = kept.GetProperty("refreshToken").GetString() });
        var idleResponse = await timedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken = idle.Auth.RefreshToken });

        Assert.That(stillActive.StatusCode, Is.EqualTo(HttpStatusCode.OK), "40 hours old but used 20 hours ago");
        await idleResponse.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Refreshing_does_not_extend_the_absolute_lifetime()
    {
        await using var timed = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var timedClient = timed.CreateClient();
        var user = await timedClient.SignUpAsync();
        var refreshToken = user.Auth.RefreshToken;

        for (var day = 0; day < 13; day++)
        {
            timed.Time!.Advance(TimeSpan.FromDays(1));
            var pair = await (await timedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken })).ReadJsonAsync();
            refreshToken = pair.GetProperty("refreshToken").GetString();
        }

        timed.Time!.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var response = await timedClient.PostAsJsonAsync("/auth/refresh", new { refreshToken });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    private Task<HttpResponseMessage> RefreshAsync(string? refreshToken) =>
        client.PostAsJsonAsync("/auth/refresh", new { refreshToken });
}
