using System.Net;
using System.Net.Http.Json;
using Auth.Application.Abstractions;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Security;

/// <summary>The bounded password-hashing queue: past it, 503 <c>overloaded</c> at once, and the cheap routes stay open.</summary>
public sealed class FloodBoundTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private GatedPasswordHasher hasher = null!;

    [SetUp]
    public void Start()
    {
        factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["PasswordHashing:MaxConcurrency"] = "1",
            ["PasswordHashing:MaxQueueLength"] = "2",
        });
        var gated = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<GatedPasswordHasher>();
            services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<GatedPasswordHasher>());
        }));
        client = gated.CreateClient();
        hasher = gated.Services.GetRequiredService<GatedPasswordHasher>();
    }

    [TearDown]
    public async Task Stop()
    {
        hasher.Open();
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Past_the_queue_bound_a_login_gets_503_overloaded_with_retry_after_at_once()
    {
        var user = await client.SignUpAsync();
        hasher.Close();
        var waiting = Enumerable.Range(0, 3).Select(_ => Login(ApiClientExtensions.NewEmail(), "a wrong password")).ToArray();
        await hasher.WaitUntilWaitingAsync(3);

        // Without the bound this request would queue behind the held hashes: the deadline turns that into a failure.
        using var atOnce = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var refused = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }, atOnce.Token);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "overloaded");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(hasher.Waiting, Is.EqualTo(3), "the refused request never reached the hasher");
        hasher.Open();
        Assert.That((await Task.WhenAll(waiting)).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("busy"));
    }

    [Test]
    public async Task While_hashing_is_saturated_user_refresh_and_health_answer()
    {
        var user = await client.SignUpAsync();
        hasher.Close();
        var waiting = Enumerable.Range(0, 3).Select(_ => Login(ApiClientExtensions.NewEmail(), "a wrong password")).ToArray();
        await hasher.WaitUntilWaitingAsync(3);

        var me = await client.GetUserAsync(user.AccessToken);
        var refresh = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.That(new[] { me.StatusCode, refresh.StatusCode, live.StatusCode, ready.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
        hasher.Open();
        await Task.WhenAll(waiting);
    }

    [Test]
    public async Task Once_the_queue_drains_logins_are_admitted_again()
    {
        var user = await client.SignUpAsync();
        hasher.Close();
        var waiting = Enumerable.Range(0, 3).Select(_ => Login(ApiClientExtensions.NewEmail(), "a wrong password")).ToArray();
        await hasher.WaitUntilWaitingAsync(3);
        var refused = await Login(user.Email, user.Password);
        hasher.Open();
        await Task.WhenAll(waiting);

        var admitted = await Login(user.Email, user.Password);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(admitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // Distinct unknown emails: attempts on one email take turns before hashing, so only distinct ones fill the queue.
    private Task<HttpResponseMessage> Login(string email, string password) =>
        client.PostAsJsonAsync("/auth/login", new { email, password });
}
