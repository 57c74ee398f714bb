using System.Net;
using System.Net.Http.Json;
using Auth.Api.Contracts;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Concurrency;

/// <summary>
/// A login racing a security change, as an attacker with two clients would run it: whatever order the two commit in,
/// no session checked against the old account state may outlive the change. Each case runs many trials with both
/// requests released together; no sleeps.
/// </summary>
public sealed class SecurityChangeRaceTests
{
    private const int Trials = 12;
    private const string NewPassword = "a brand new passphrase";

    private string adminEmail = null!;
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        adminEmail = ApiClientExtensions.NewEmail();
        factory = AdminFixture.CreateFactory(adminEmail);
        client = factory.CreateClient();
        admin = await factory.SignUpAdminAsync(client, adminEmail);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task A_login_racing_a_password_reset_keeps_no_session()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();
            await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
            var token = await factory.TokenMailedToAsync(user.Email, 2);

            var (login, change) = await RaceAsync(
                () => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }),
                () => client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = NewPassword }));

            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"trial {trial}");
            await AssertNoLiveSessionAsync(login, trial);
        }
    }

    [Test]
    public async Task A_login_racing_a_password_change_keeps_no_session()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();

            var (login, change) = await RaceAsync(
                () => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }),
                () => client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.AccessToken,
                    new { currentPassword = user.Password, newPassword = NewPassword }));

            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"trial {trial}");
            await AssertNoLiveSessionAsync(login, trial);
        }
    }

    [Test]
    public async Task A_login_racing_a_disable_keeps_no_working_token()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();

            var (login, change) = await RaceAsync(
                () => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }),
                () => client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/disable", admin.AccessToken));

            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"trial {trial}");
            await AssertNoLiveSessionAsync(login, trial);
        }
    }

    [Test]
    public async Task A_login_racing_an_admin_role_removal_keeps_no_admin_token()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();
            await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/roles", admin.AccessToken, new { role = "admin" });

            var (login, change) = await RaceAsync(
                () => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }),
                () => client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{user.Auth.User.Id}/roles/admin", admin.AccessToken));

            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"trial {trial}");
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"trial {trial}: the password still signs in");
            var auth = (await login.Content.ReadFromJsonAsync<AuthResponse>())!;
            var adminCall = await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", auth.AccessToken);
            Assert.That(adminCall.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), $"trial {trial}: an admin token outlived the removal");
            if (CarriesAdmin(auth.AccessToken))
            {
                // Checked against the account as it was: the removal must have ended the whole session.
                await AssertSessionDeadAsync(auth, trial);
            }
            else
            {
                // Started against the account as it is now: it lives on, and refreshes into no admin power either.
                var refreshed = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = auth.RefreshToken });
                Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"trial {trial}");
                Assert.That(CarriesAdmin((await refreshed.Content.ReadFromJsonAsync<AuthResponse>())!.AccessToken), Is.False, $"trial {trial}");
            }
        }
    }

    [Test]
    public async Task A_login_racing_an_account_delete_answers_401_never_500_and_keeps_no_session()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();

            var (login, change) = await RaceAsync(
                () => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }),
                () => client.SendWithTokenAsync(HttpMethod.Delete, "/auth/user", user.AccessToken, new { password = user.Password }));

            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"trial {trial}");
            Assert.That(login.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Unauthorized), $"trial {trial}: {await login.Content.ReadAsStringAsync()}");
            await AssertNoLiveSessionAsync(login, trial);
        }
    }

    /// <summary>Both requests are built, then released together.</summary>
    private static async Task<(HttpResponseMessage Login, HttpResponseMessage Change)> RaceAsync(
        Func<Task<HttpResponseMessage>> login, Func<Task<HttpResponseMessage>> change)
    {
        using var start = new SemaphoreSlim(0);
        var first = Task.Run(async () => { await start.WaitAsync(); return await login(); });
        var second = Task.Run(async () => { await start.WaitAsync(); return await change(); });
        start.Release(2);
        return (await first, await second);
    }

    private static bool CarriesAdmin(string accessToken) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken).Claims.Any(c => c.Type == "role" && c.Value == "admin");

    /// <summary>If the login won a session, the change must have ended it: its access token and refresh token are refused.</summary>
    private async Task AssertNoLiveSessionAsync(HttpResponseMessage login, int trial)
    {
        Assert.That(login.StatusCode, Is.Not.EqualTo(HttpStatusCode.InternalServerError), $"trial {trial}");
        if (login.StatusCode != HttpStatusCode.OK)
        {
            return;
        }

        await AssertSessionDeadAsync((await login.Content.ReadFromJsonAsync<AuthResponse>())!, trial);
    }

    private async Task AssertSessionDeadAsync(AuthResponse auth, int trial)
    {
        var me = await client.GetUserAsync(auth.AccessToken);
        var refresh = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = auth.RefreshToken });
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"trial {trial}: the access token outlived the change");
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"trial {trial}: the session outlived the change");
    }
}
