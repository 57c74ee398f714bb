using System.Net;
using System.Net.Http.Json;
using Auth.Application.Abstractions;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Auth.IntegrationTests.Security;

/// <summary>
/// The optional breach check against a local server speaking the Have I Been Pwned range format: a hit, a miss among
/// padding entries, a timeout and a 5xx, through the service's real HttpClient, resilience handler and cache.
/// </summary>
public sealed class BreachCheckTests
{
    private const string BreachedPassword = "tangerine aviator quilt";
    private const string CleanPassword = "harbour lights at dusk";

    private FakePwnedPasswords pwned = null!;

    [SetUp]
    public async Task StartRangeApi()
    {
        pwned = await FakePwnedPasswords.StartAsync();
        pwned.Add(BreachedPassword, 42);
        // The clean password's own suffix as a padding entry: count 0 is not a breach.
        pwned.Add(CleanPassword, 0);
    }

    [TearDown]
    public async Task StopRangeApi() => await pwned.DisposeAsync();

    [Test]
    public async Task A_breached_password_is_refused_at_signup_and_only_the_hash_prefix_leaves_the_service()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = BreachedPassword, name = "Ada" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        var (prefix, _) = FakePwnedPasswords.Split(BreachedPassword);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "breached" }));
            Assert.That(pwned.Requests.Select(r => r.Path), Is.EqualTo(new[] { $"/range/{prefix}" }));
            Assert.That(pwned.Requests.Single().Padding, Is.EqualTo("true"));
        });
    }

    [Test]
    public async Task A_password_found_only_as_a_padding_entry_is_not_breached_and_its_range_is_cached()
    {
        await using var factory = Factory();

        var first = await CheckAsync(factory, CleanPassword);
        var second = await CheckAsync(factory, CleanPassword);

        Assert.That(new[] { first, second }, Is.EqualTo(new[] { BreachCheck.NotBreached, BreachCheck.NotBreached }));
        Assert.That(pwned.Requests, Has.Count.EqualTo(1), "the second check is answered from the cache");
    }

    [TestCase(FakePwnedPasswords.Behaviour.Hang)]
    [TestCase(FakePwnedPasswords.Behaviour.Fail)]
    public async Task An_unreachable_range_api_is_unavailable_counted_and_logged_and_signup_goes_on(FakePwnedPasswords.Behaviour failure)
    {
        pwned.Mode = failure;
        await using var factory = Factory(new() { ["Passwords:BreachCheck:Timeout"] = "00:00:00.400" });
        using var client = factory.CreateClient();
        using var checks = new MetricCollector<long>(factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            "Auth.Passwords", "auth.passwords.breach_checks");

        var outcome = await CheckAsync(factory, BreachedPassword);
        var signup = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = BreachedPassword, name = "Ada" });

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BreachCheck.Unavailable));
            Assert.That(signup.StatusCode, Is.EqualTo(HttpStatusCode.Created), "judged offline only when not failing closed");
            Assert.That(checks.GetMeasurementSnapshot().Where(m => Equals(m.Tags["outcome"], "unavailable")).Sum(m => m.Value), Is.EqualTo(2));
            Assert.That(factory.Logs.Lines, Has.Some.Contains("Breach check unavailable"));
            Assert.That(factory.Logs.Lines, Has.None.Contains(FakePwnedPasswords.Split(BreachedPassword).Prefix));
            Assert.That(pwned.Requests, Has.Count.GreaterThanOrEqualTo(2), "one retry within the timeout");
        });
    }

    [Test]
    public async Task Failing_closed_refuses_the_password_when_the_range_api_fails()
    {
        pwned.Mode = FakePwnedPasswords.Behaviour.Fail;
        await using var factory = Factory(new() { ["Passwords:BreachCheck:FailClosed"] = "true" });
        using var client = factory.CreateClient();

        var signup = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = CleanPassword, name = "Ada" });

        var problem = await signup.AssertProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        Assert.That(problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "breached" }));
    }

    [Test]
    public async Task At_sign_in_a_password_breached_since_it_was_set_logs_in_flagged_after_one_range_call_and_a_wrong_one_asks_nothing()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var email = await AddUserWithPasswordAsync(factory, BreachedPassword);

        var wrong = await client.PostAsJsonAsync("/auth/login", new { email, password = "not the password at all" });
        var askedForTheWrongOne = pwned.Requests.Count;
        var login = await client.PostAsJsonAsync("/auth/login", new { email, password = BreachedPassword });

        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(askedForTheWrongOne, Is.Zero, "only a login that succeeds is judged");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await login.ReadJsonAsync()).GetProperty("passwordChangeRequired").GetBoolean(), Is.True);
        Assert.That(pwned.Requests.Select(r => r.Path), Is.EqualTo(new[] { $"/range/{FakePwnedPasswords.Split(BreachedPassword).Prefix}" }));
    }

    [Test]
    public async Task At_sign_in_a_password_found_only_as_padding_logs_in_unflagged()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var email = await AddUserWithPasswordAsync(factory, CleanPassword);

        var login = await client.PostAsJsonAsync("/auth/login", new { email, password = CleanPassword });

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await login.ReadJsonAsync()).GetProperty("passwordChangeRequired").GetBoolean(), Is.False);
        Assert.That(pwned.Requests.Select(r => r.Path), Is.EqualTo(new[] { $"/range/{FakePwnedPasswords.Split(CleanPassword).Prefix}" }));
    }

    private AuthApiFactory Factory(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Passwords:BreachCheck:Enabled"] = "true",
            ["Passwords:BreachCheck:BaseUrl"] = pwned.BaseUrl,
            // Generous, so a loaded machine does not turn an answer into a timeout; the hang test sets its own.
            ["Passwords:BreachCheck:Timeout"] = "00:00:05",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new AuthApiFactory(settings: settings);
    }

    private static async Task<BreachCheck> CheckAsync(AuthApiFactory factory, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IBreachedPasswords>().CheckAsync(password, CancellationToken.None);
    }

    /// <summary>An account whose password was set before the corpus listed it (a breach since), stored directly.</summary>
    private static async Task<string> AddUserWithPasswordAsync(AuthApiFactory factory, string password)
    {
        var email = ApiClientExtensions.NewEmail();
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hash = await services.GetRequiredService<IPasswordHasher>().HashAsync(password, CancellationToken.None);
        services.GetRequiredService<IUserRepository>().Add(Auth.Domain.Users.User.Register(email, "Ada Lovelace", hash, DateTimeOffset.UtcNow));
        Assert.That((await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess, Is.True);
        return email;
    }
}
