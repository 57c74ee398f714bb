using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Observability;

/// <summary>The <c>Auth</c> meter counts what the service does.</summary>
public sealed class AuthMeterTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private MeterRecorder meter = null!;

    [SetUp]
    public void Start()
    {
        factory = new AuthApiFactory(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow), settings: new Dictionary<string, string?> { ["Lockout:MaxFailures"] = "2" });
        client = factory.CreateClient();
        meter = new MeterRecorder(factory.Services);
    }

    [TearDown]
    public async Task Stop()
    {
        meter.Dispose();
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task A_failed_login_counts_as_a_failure_and_a_good_one_as_a_success()
    {
        var user = await client.SignUpAsync();

        await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password!" });
        await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        Assert.That(meter.Sum("auth.logins", ("outcome", "failure")), Is.EqualTo(1));
        Assert.That(meter.Sum("auth.logins", ("outcome", "success")), Is.EqualTo(1));
    }

    [Test]
    public async Task Repeated_failures_count_one_lockout()
    {
        var user = await client.SignUpAsync();

        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password!" });
        }

        Assert.That(meter.Sum("auth.lockouts"), Is.EqualTo(1));
    }

    [Test]
    public async Task Refreshes_and_a_reused_refresh_token_are_counted()
    {
        var user = await client.SignUpAsync();
        var refresh = user.Auth.RefreshToken;

        var rotated = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = refresh });
        factory.Time!.Advance(TimeSpan.FromSeconds(11)); // past the reuse grace, which hands back the successor
        var reused = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = refresh });

        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(meter.Sum("auth.refreshes"), Is.EqualTo(1));
        Assert.That(meter.Sum("auth.refresh_token.reuse_detections"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_logout_adds_a_revocation_and_grows_the_revocation_list()
    {
        var user = await client.SignUpAsync();
        var before = meter.Observe("auth.revocation_list.size");

        await client.LogoutAsync(user.AccessToken);

        Assert.That(meter.Observe("auth.revocation_list.size"), Is.EqualTo(before + 1));
        Assert.That(meter.Observe("auth.revocations"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Password_hashing_time_and_token_cache_lookups_are_recorded()
    {
        var user = await client.SignUpAsync();

        await client.GetUserAsync(user.AccessToken);
        await client.GetUserAsync(user.AccessToken);

        Assert.That(meter.Count("auth.password_hash.duration"), Is.GreaterThanOrEqualTo(1), "signup hashes the password");
        Assert.That(meter.Sum("auth.token_cache.lookups", ("result", "miss")), Is.EqualTo(1));
        Assert.That(meter.Sum("auth.token_cache.lookups", ("result", "hit")), Is.EqualTo(1));
        Assert.That(meter.Sum("auth.password_hash.queue_length"), Is.Zero, "every wait that started has ended");
    }

    [Test]
    public async Task Queue_depths_are_the_outbox_rows_still_undelivered()
    {
        await using var failing = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            // The confirmation mail fails and waits a day for its next try: it stays in the outbox.
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1",
            ["Email:Smtp:Security"] = "None",
            ["Email:RetryDelay"] = "1.00:00:00",
        });
        using var failingClient = failing.CreateClient();
        using var failingMeter = new MeterRecorder(failing.Services);

        await failingClient.SignUpAsync();

        // A count taken while the signup's rows were still being claimed says 2 events; the next round's says 1.
        await Eventually.WaitUntilAsync(
            () => failingMeter.Observe("auth.mail.queue.depth") == 1 && failingMeter.Observe("auth.audit.queue.depth") == 1,
            "one waiting mail and one written audit entry");

        Assert.Multiple(() =>
        {
            Assert.That(failingMeter.Observe("auth.mail.queue.depth"), Is.EqualTo(1), "the confirmation mail waits");
            Assert.That(failingMeter.Observe("auth.audit.queue.depth"), Is.EqualTo(1), "the signup's audit entry is written");
            Assert.That(failingMeter.Sum("auth.mail.failures", ("result", "retried")), Is.EqualTo(1));
        });
    }
}
