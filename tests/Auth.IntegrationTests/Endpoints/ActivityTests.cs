using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Endpoints;

/// <summary><c>GET /auth/activity</c>: the caller's own security events, newest first, and nobody else's.</summary>
public sealed class ActivityTests
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

    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Test]
    public async Task Sign_ins_failed_attempts_and_password_changes_are_listed_newest_first_with_address_and_user_agent()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "not my password" });
        var login = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email = user.Email, password = user.Password }) };
        login.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        var token = (await (await client.SendAsync(login)).ReadJsonAsync()).GetProperty("accessToken").GetString()!;
        var changed = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", token,
            new { currentPassword = user.Password, newPassword = "another long passphrase" });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var events = await WaitForActivityAsync(token, 4);

        var types = events.Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.That(types, Is.SupersetOf(new[] { "SignedUp", "LoginFailed", "LoginSucceeded", "PasswordChanged" }));
        var times = events.Select(e => e.GetProperty("at").GetDateTime()).ToArray();
        Assert.That(times, Is.Ordered.Descending);
        var signIn = events.First(e => e.GetProperty("type").GetString() == "LoginSucceeded");
        Assert.That(signIn.GetProperty("userAgent").GetString(), Is.EqualTo(UserAgent));
        Assert.That(signIn.GetProperty("device").GetString(), Is.EqualTo("Firefox on Linux"), "the device as a person reads it");
        Assert.That(signIn.GetProperty("sessionId").GetGuid(), Is.Not.EqualTo(Guid.Empty));
        Assert.That(signIn.TryGetProperty("clientAddress", out _), Is.True);
        Assert.That(types, Does.Not.Contain("Refreshed"));
    }

    [Test]
    public async Task Another_users_events_never_appear()
    {
        var mine = await client.SignUpAsync();
        var theirs = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/login", new { email = theirs.Email, password = "not their password" });
        await WaitForActivityAsync(theirs.AccessToken, 2);

        var events = await WaitForActivityAsync(mine.AccessToken, 1);

        Assert.That(events.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "SignedUp" }));
    }

    [Test]
    public async Task The_history_is_paged_with_a_total()
    {
        var user = await client.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "not my password" });
        }

        await WaitForActivityAsync(user.AccessToken, 4);

        var page = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/activity?page=2&pageSize=3", user.AccessToken)).ReadJsonAsync();

        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(4));
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(page.GetProperty("items")[0].GetProperty("type").GetString(), Is.EqualTo("SignedUp"));
    }

    [Test]
    public async Task Without_a_token_the_history_is_refused()
    {
        var response = await client.GetAsync("/auth/activity");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    private async Task<JsonElement[]> WaitForActivityAsync(string token, int count)
    {
        // Events are stored by a background writer a moment after the request that caused them.
        return await Eventually.WaitForAsync(
            async () =>
            {
                var response = await client.SendWithTokenAsync(HttpMethod.Get, "/auth/activity?pageSize=100", token);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
                return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToArray();
            },
            events => events.Length >= count,
            $"{count} activity events");
    }
}
