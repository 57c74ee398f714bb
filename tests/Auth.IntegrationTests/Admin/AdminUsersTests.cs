using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Admin;

public sealed class AdminUsersTests
{
    private string adminEmail = null!;
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser admin = null!;

    [SetUp]
    public async Task Start()
    {
        adminEmail = ApiClientExtensions.NewEmail();
        factory = AdminFixture.CreateFactory(adminEmail);
        client = factory.CreateClient();
        admin = await factory.SignUpAdminAsync(client, adminEmail);
    }

    [TearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [TestCase("GET", "/admin/users")]
    [TestCase("GET", "/admin/users/{id}")]
    [TestCase("PATCH", "/admin/users/{id}")]
    [TestCase("POST", "/admin/users/{id}/roles")]
    [TestCase("DELETE", "/admin/users/{id}/roles/admin")]
    [TestCase("POST", "/admin/users/{id}/disable")]
    [TestCase("POST", "/admin/users/{id}/enable")]
    [TestCase("DELETE", "/admin/users/{id}/sessions")]
    [TestCase("GET", "/admin/audit")]
    public async Task Every_admin_route_refuses_a_non_admin_with_403_and_no_token_with_401(string method, string path)
    {
        var user = await client.SignUpAsync();
        var target = path.Replace("{id}", admin.Auth.User.Id.ToString(), StringComparison.Ordinal);
        var body = method == "POST" ? new { role = "admin" } : null;

        var forbidden = await client.SendWithTokenAsync(new HttpMethod(method), target, user.AccessToken, body);
        var anonymous = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), target));

        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Users_are_listed_in_pages_with_a_total_filtered_by_email_prefix_and_sorted()
    {
        var prefix = $"list-{Guid.NewGuid():N}"[..12];
        foreach (var n in new[] { "b", "a", "c" })
        {
            await client.SignUpAsync($"{prefix}-{n}@example.com");
        }

        var page1 = await (await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/users?emailPrefix={prefix.ToUpperInvariant()}&sort=emailAsc&pageSize=2", admin.AccessToken)).ReadJsonAsync();
        var page2 = await (await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/users?emailPrefix={prefix}&sort=emailAsc&pageSize=2&page=2", admin.AccessToken)).ReadJsonAsync();

        Assert.That(page1.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(page1.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()),
            Is.EqualTo(new[] { $"{prefix}-a@example.com", $"{prefix}-b@example.com" }));
        Assert.That(page2.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()),
            Is.EqualTo(new[] { $"{prefix}-c@example.com" }));
    }

    [TestCase("pageSize=0")]
    [TestCase("pageSize=101")]
    [TestCase("page=0")]
    [TestCase("sort=sideways")]
    public async Task Bad_paging_or_sort_is_a_validation_failure(string query)
    {
        var response = await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/users?{query}", admin.AccessToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task An_unknown_user_is_404()
    {
        var response = await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/users/{Guid.NewGuid()}", admin.AccessToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Test]
    public async Task A_granted_role_appears_at_the_next_refresh()
    {
        var user = await client.SignUpAsync();

        var granted = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/roles", admin.AccessToken, new { role = "admin" });
        var refreshed = await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken })).ReadJsonAsync();
        var token = refreshed.GetProperty("accessToken").GetString()!;

        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(new JsonWebToken(token).Claims.Where(c => c.Type == "role").Select(c => c.Value), Does.Contain("admin"));
        Assert.That((await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Granting_an_unknown_role_is_a_validation_failure()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/roles", admin.AccessToken, new { role = "root" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Revoking_a_role_ends_the_users_sessions_at_once()
    {
        var other = await client.SignUpAsync();
        await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{other.Auth.User.Id}/roles", admin.AccessToken, new { role = "admin" });
        var otherAdminToken = await client.LoginAsync(other.Email);
        Assert.That((await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", otherAdminToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{other.Auth.User.Id}/roles/admin", admin.AccessToken);

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await revoked.ReadJsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "user" }));
        await (await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", otherAdminToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_disabled_account_loses_its_tokens_at_once_and_cannot_log_in_until_enabled()
    {
        var user = await client.SignUpAsync();

        var disabled = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/disable", admin.AccessToken);
        var tokenAfter = await client.GetUserAsync(user.AccessToken);
        var refreshAfter = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        var enabled = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/enable", admin.AccessToken);
        var loginAgain = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        Assert.That((await disabled.ReadJsonAsync()).GetProperty("disabled").GetBoolean(), Is.True);
        await tokenAfter.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await refreshAfter.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await login.AssertProblemAsync(HttpStatusCode.Forbidden, "account_disabled");
        Assert.That((await enabled.ReadJsonAsync()).GetProperty("disabled").GetBoolean(), Is.False);
        Assert.That(loginAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ending_a_users_sessions_refuses_their_tokens()
    {
        var user = await client.SignUpAsync();

        var ended = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{user.Auth.User.Id}/sessions", admin.AccessToken);

        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.GetUserAsync(user.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task The_only_admin_cannot_demote_or_disable_themselves()
    {
        var id = admin.Auth.User.Id;

        var demote = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{id}/roles/admin", admin.AccessToken);
        var disable = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{id}/disable", admin.AccessToken);

        await demote.AssertProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await disable.AssertProblemAsync(HttpStatusCode.Conflict, "last_admin");
        Assert.That((await client.GetUserAsync(admin.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "nothing changed");
    }

    [Test]
    public async Task With_another_admin_an_admin_still_cannot_demote_themselves_but_can_demote_the_other()
    {
        var other = await client.SignUpAsync();
        await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{other.Auth.User.Id}/roles", admin.AccessToken, new { role = "admin" });

        var self = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{admin.Auth.User.Id}/roles/admin", admin.AccessToken);
        var theOther = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{other.Auth.User.Id}/roles/admin", admin.AccessToken);

        await self.AssertProblemAsync(HttpStatusCode.Conflict, "cannot_change_own_access");
        Assert.That(theOther.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
