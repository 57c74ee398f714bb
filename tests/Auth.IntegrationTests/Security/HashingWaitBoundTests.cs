using System.Net;
using System.Net.Http.Json;
using Auth.Api.Http;
using Auth.Application.Abstractions;
using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Telemetry;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Security;

/// <summary>
/// The hashing queue is bounded in time as well as in length: when hashes are slow (a flood starving the processors),
/// a request that would wait longer than <c>PasswordHashing:MaxQueueWait</c> is refused at once, so a real user's
/// login answers within that bound or gets 503 <c>overloaded</c> to retry, never seconds of queueing.
/// </summary>
public sealed class HashingWaitBoundTests
{
    [Test]
    public async Task When_hashes_are_slow_the_queue_shortens_to_the_wait_it_may_cause()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["PasswordHashing:MaxConcurrency"] = "1",
            ["PasswordHashing:MaxQueueLength"] = "64",
            ["PasswordHashing:MaxQueueWait"] = "00:00:00.250",
        });
        // Hashes take 100 ms here: two may wait (200 ms), a third would wait 300 ms.
        var pace = new HashingPace();
        pace.Record(TimeSpan.FromMilliseconds(100));
        var gated = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(pace);
            services.AddSingleton<GatedPasswordHasher>();
            services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<GatedPasswordHasher>());
        }));
        using var client = gated.CreateClient();
        var hasher = gated.Services.GetRequiredService<GatedPasswordHasher>();
        hasher.Close();
        Task<HttpResponseMessage> Login() => client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "a wrong password" });

        var held = new[] { Login(), Login(), Login() };
        await hasher.WaitUntilWaitingAsync(3);
        using var atOnce = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var refused = await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "x" }, atOnce.Token);

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "overloaded");
        Assert.That(hasher.Waiting, Is.EqualTo(3), "the refused request never reached the hasher");
        hasher.Open();
        Assert.That((await Task.WhenAll(held)).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(1, 0, false, TestName = "A free slot never waits")]
    [TestCase(3, 0, false, TestName = "Before any hash was measured, only the length bounds the queue")]
    [TestCase(3, 100, false, TestName = "Two ahead at 100 ms on one slot: 200 ms, within 250")]
    [TestCase(4, 100, true, TestName = "Three ahead at 100 ms on one slot: 300 ms, refused")]
    [TestCase(66, 1, true, TestName = "The length bound holds however fast hashes are")]
    public void The_bound_is_the_wait_the_requests_ahead_mean(int admitted, int typicalMs, bool refused)
    {
        var settings = new PasswordHashingOptions { MaxConcurrency = 1, MaxQueueLength = 64, MaxQueueWait = TimeSpan.FromMilliseconds(250) };

        Assert.That(HashingAdmission.Refuses(admitted, settings, TimeSpan.FromMilliseconds(typicalMs)), Is.EqualTo(refused));
    }

    [Test]
    public void Two_slots_share_the_wait_and_zero_turns_the_time_bound_off()
    {
        var settings = new PasswordHashingOptions { MaxConcurrency = 2, MaxQueueLength = 64, MaxQueueWait = TimeSpan.FromMilliseconds(250) };
        var slow = TimeSpan.FromMilliseconds(100);

        Assert.That(HashingAdmission.Refuses(7, settings, slow), Is.False, "five ahead on two slots: 250 ms");
        Assert.That(HashingAdmission.Refuses(8, settings, slow), Is.True, "six ahead on two slots: 300 ms");
        settings.MaxQueueWait = TimeSpan.Zero;
        Assert.That(HashingAdmission.Refuses(60, settings, slow), Is.False);
    }
}
