using System.Net;
using System.Net.Http.Json;
using Auth.Domain.Sessions;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Persistence;

/// <summary>Rows that only grow are pruned on schedule, and nothing live goes with them.</summary>
public sealed class HousekeepingTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private FakeTimeProvider time = null!;
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [SetUp]
    public void Start()
    {
        time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        factory = new AuthApiFactory(time: time, settings: new Dictionary<string, string?>
        {
            ["Housekeeping:Retention"] = "30.00:00:00",
            ["Housekeeping:PruneInterval"] = "01:00:00",
            // Sessions that outlive the retention, so a live one is still live when the finished ones go.
            ["Jwt:RefreshTokenLifetime"] = "90.00:00:00",
            ["Jwt:RefreshTokenIdleLifetime"] = "90.00:00:00",
            // Its rounds are logged at Debug: a test that needs the round at start behind it waits for that line.
            ["Logging:LogLevel:Auth.Infrastructure.Housekeeping"] = "Debug",
        });
        client = factory.CreateClient();
    }

    [TearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Finished_rows_past_the_retention_go_and_live_ones_stay()
    {
        var user = await client.SignUpAsync();
        var ended = await client.LoginAsync(user.Email);
        await client.LogoutAsync(ended);
        var confirmation = await factory.TokenMailedToAsync(user.Email);
        Assert.That((await client.PostAsJsonAsync("/auth/email/confirm", new { token = confirmation })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var stranger = ApiClientExtensions.NewEmail();
        await client.PostAsJsonAsync("/auth/login", new { email = stranger, password = "a guess at nothing" });
        await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "a wrong guess" });

        time.Advance(Retention + TimeSpan.FromHours(2));
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        await factory.WaitForAsync(user.Email, count: 2);

        var left = await WaitForAsync(async db => (
            Sessions: await db.Sessions.CountAsync(),
            Live: await db.Sessions.CountAsync(s => s.EndedAt == null),
            RefreshTokens: await db.RefreshTokens.CountAsync(),
            AccountTokens: await db.AccountTokens.CountAsync(),
            Throttles: await db.LoginThrottles.Select(t => t.Key).ToListAsync()),
            state => state.Sessions == 1);

        Assert.Multiple(() =>
        {
            Assert.That(left.Live, Is.EqualTo(1), "the signup's session is live and stays");
            Assert.That(left.RefreshTokens, Is.EqualTo(1), "the live session keeps its refresh token");
            Assert.That(left.AccountTokens, Is.EqualTo(1), "the used confirmation goes, the fresh reset stays");
            Assert.That(left.Throttles, Is.EqualTo(new[] { user.Email.ToLowerInvariant() }), "only the account's throttle stays");
        });
        var refresh = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the live session still refreshes");
    }

    [Test]
    public async Task Rows_finished_within_the_retention_stay()
    {
        var user = await client.SignUpAsync();
        var ended = await client.LoginAsync(user.Email);
        await client.LogoutAsync(ended);
        var stranger = ApiClientExtensions.NewEmail();
        await client.PostAsJsonAsync("/auth/login", new { email = stranger, password = "a guess at nothing" });

        time.Advance(Retention - TimeSpan.FromDays(1));
        // The stranger's throttle goes at any age: once it is gone, a prune has run since the clock moved.
        var state = await WaitForAsync(async db => (
            Throttles: await db.LoginThrottles.CountAsync(t => t.Key == stranger),
            Ended: await db.Sessions.CountAsync(s => s.EndReason == SessionEndReason.Logout)),
            s => s.Throttles == 0);

        Assert.That(state.Ended, Is.EqualTo(1), "ended a day short of the retention: kept");
    }

    [Test]
    public async Task A_strangers_throttle_still_counting_survives_a_prune()
    {
        // The prune runs at start and every hour; a lockout lasts 15 minutes by default. The hour counts from the end
        // of the round at start, which on a loaded machine can come after the clock below has moved: wait for it first.
        await Eventually.WaitForAsync(() => Task.FromResult(factory.Logs.Lines.Any(l => l.Contains("Pruned", StringComparison.Ordinal))),
            ran => ran, "housekeeping's round at start");
        var idle = ApiClientExtensions.NewEmail();
        await client.PostAsJsonAsync("/auth/login", new { email = idle, password = "a guess at nothing" });
        time.Advance(TimeSpan.FromMinutes(59));
        var counting = ApiClientExtensions.NewEmail();
        for (var i = 0; i < 4; i++)
        {
            var failed = await client.PostAsJsonAsync("/auth/login", new { email = counting, password = "a guess at nothing" });
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {i + 1}");
        }

        time.Advance(TimeSpan.FromMinutes(2));
        // The idle throttle going shows the hourly prune ran after the four failures.
        var left = await WaitForAsync(async db => (
            Idle: await db.LoginThrottles.CountAsync(t => t.Key == idle),
            Counting: await db.LoginThrottles.Where(t => t.Key == counting).Select(t => t.Failures).SingleOrDefaultAsync()),
            s => s.Idle == 0);

        Assert.That(left.Counting, Is.EqualTo(4), "the count in progress is kept");
        var fifth = await client.PostAsJsonAsync("/auth/login", new { email = counting, password = "a guess at nothing" });
        Assert.That(fifth.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var sixth = await client.PostAsJsonAsync("/auth/login", new { email = counting, password = "a guess at nothing" });
        await sixth.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Test]
    public async Task Expired_mfa_tokens_go_and_a_fresh_one_stays()
    {
        var user = await client.SignUpAsync();
        var enrolled = await factory.EnrolTotpAsync(client, user.AccessToken);
        await client.LoginForMfaTokenAsync(user.Email);

        time.Advance(TimeSpan.FromHours(2));
        var fresh = await client.LoginForMfaTokenAsync(user.Email);
        var left = await WaitForAsync(db => db.MfaChallenges.CountAsync(), count => count == 1);

        Assert.That(left, Is.EqualTo(1), "the expired one went");
        var verified = await client.VerifyAsync(fresh, factory.CodeNow(enrolled.Secret));
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the fresh one still works");
    }

    private async Task<T> WaitForAsync<T>(Func<Auth.Infrastructure.Persistence.AuthDbContext, Task<T>> read, Func<T, bool> done)
    {
        // The pruner is a background service woken by the fake clock: poll its effect with a deadline.
        return await Eventually.WaitForAsync(() => factory.WithDatabaseAsync(read), done, "the pruner's effect");
    }
}
