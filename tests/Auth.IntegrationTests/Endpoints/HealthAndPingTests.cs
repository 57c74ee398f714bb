using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Endpoints;

public sealed class HealthAndPingTests
{
    [Test]
    public async Task Ping_live_and_ready_answer_200_when_the_database_answers()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var ping = await client.GetAsync("/auth/ping");
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.That(ping.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ping.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_answers_503_with_a_problem_when_the_database_does_not_answer_while_live_stays_200()
    {
        var unreachable = Path.Combine("/proc", "no-such-dir", "auth.db");
        await using var factory = new AuthApiFactory(unreachable, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "not_ready");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Until_the_revocation_list_is_loaded_every_token_is_refused()
    {
        var unreachable = Path.Combine("/proc", "no-such-dir", "auth.db");
        await using var factory = new AuthApiFactory(unreachable, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = factory.CreateClient();
        var token = TokenFactory.Create();

        var response = await client.GetUserAsync(token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
