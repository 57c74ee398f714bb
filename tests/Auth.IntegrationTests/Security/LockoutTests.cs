using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Security;

public sealed class LockoutTests
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
    public async Task After_five_failures_even_the_right_password_gets_429_with_retry_after()
    {
        var user = await client.SignUpAsync();
        await FailAsync(user.Email, 5);

        var response = await LoginAsync(user.Email, user.Password);

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public async Task Unknown_emails_are_locked_out_the_same_way()
    {
        var email = ApiClientExtensions.NewEmail();
        await FailAsync(email, 5);

        var response = await LoginAsync(email, "whatever it is");

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Test]
    public async Task Four_failures_then_a_success_resets_the_count()
    {
        var user = await client.SignUpAsync();
        await FailAsync(user.Email, 4);
        Assert.That((await LoginAsync(user.Email, user.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await FailAsync(user.Email, 4);
        var response = await LoginAsync(user.Email, user.Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_counter_is_per_normalized_email()
    {
        var user = await client.SignUpAsync();
        await FailAsync($"  {user.Email.ToUpperInvariant()}", 3);
        await FailAsync(user.Email, 2);

        var response = await LoginAsync(user.Email, user.Password);

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Test]
    public async Task The_lockout_ends_after_its_window()
    {
        var user = await client.SignUpAsync();
        await FailAsync(user.Email, 5);

        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var response = await LoginAsync(user.Email, user.Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Parallel_failures_all_count_and_parallel_logins_during_lockout_all_get_429()
    {
        var user = await client.SignUpAsync();

        var failures = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => LoginAsync(user.Email, "wrong password!")));
        var during = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => LoginAsync(user.Email, user.Password)));

        Assert.That(failures.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(during.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task A_burst_of_parallel_guesses_gets_no_more_than_five_password_checks()
    {
        var user = await client.SignUpAsync();

        var burst = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => LoginAsync(user.Email, "wrong password!")));

        Assert.That(burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), Is.LessThanOrEqualTo(5));
        Assert.That(burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(19));
        Assert.That(burst.Select(r => r.StatusCode), Is.All.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests));
    }

    [TestCase("POST", "/auth/user/password")]
    [TestCase("DELETE", "/auth/user")]
    public async Task Guessing_the_password_with_a_stolen_token_is_locked_out_in_that_session_without_locking_the_owner(string method, string path)
    {
        var user = await client.SignUpAsync();
        object body = method == "POST" ? new { currentPassword = "guess number x", newPassword = "a new passphrase" } : new { password = "guess number x" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.SendWithTokenAsync(new HttpMethod(method), path, user.AccessToken, body)).StatusCode);
        }

        var login = await LoginAsync(user.Email, user.Password);

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(statuses[5], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session's budget is its own, so the owner still signs in");
    }

    [Test]
    public async Task Twenty_parallel_logins_with_the_right_password_all_succeed()
    {
        var user = await client.SignUpAsync();

        var logins = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LoginAsync(user.Email, user.Password)));

        Assert.That(logins.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Right_and_wrong_passwords_in_parallel_never_refuse_the_right_ones_below_the_limit()
    {
        var user = await client.SignUpAsync();

        var mixed = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => LoginAsync(user.Email, i % 4 == 0 ? "wrong password!" : user.Password)));

        Assert.That(mixed.Where((_, i) => i % 4 != 0).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(mixed.Where((_, i) => i % 4 == 0).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_lockout_survives_a_restart()
    {
        var database = TestDatabase.New();
        var email = ApiClientExtensions.NewEmail();
        await using (var first = new AuthApiFactory(database))
        {
            using var firstClient = first.CreateClient();
            for (var i = 0; i < 5; i++)
            {
                var failed = await firstClient.PostAsJsonAsync("/auth/login", new { email, password = "wrong password!" });
                Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {i + 1}");
            }
        }

        await using var restarted = new AuthApiFactory(database);
        using var again = restarted.CreateClient();
        var response = await again.PostAsJsonAsync("/auth/login", new { email, password = "wrong password!" });

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    private async Task FailAsync(string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var response = await LoginAsync(email, "wrong password!");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        client.PostAsJsonAsync("/auth/login", new { email, password });
}
