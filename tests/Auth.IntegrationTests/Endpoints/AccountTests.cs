using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Endpoints;

public sealed class AccountTests
{
    private const string NewPassword = "a much longer passphrase";

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

    [Test]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        var user = await client.SignUpAsync();
        var other = await LoginAsync(user.Email, user.Password);

        var response = await ChangePasswordAsync(user.AccessToken, user.Password, NewPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetUserAsync(other!)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task After_a_password_change_only_the_new_password_logs_in()
    {
        var user = await client.SignUpAsync();

        await ChangePasswordAsync(user.AccessToken, user.Password, NewPassword);

        Assert.That(await LoginAsync(user.Email, user.Password), Is.Null);
        Assert.That(await LoginAsync(user.Email, NewPassword), Is.Not.Null);
    }

    [Test]
    public async Task Changing_the_password_with_a_wrong_current_password_returns_403_wrong_password()
    {
        var user = await client.SignUpAsync();

        var response = await ChangePasswordAsync(user.AccessToken, "not the password", NewPassword);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_password");
        Assert.That(await LoginAsync(user.Email, user.Password), Is.Not.Null);
    }

    [Test]
    public async Task Changing_to_a_too_short_password_returns_validation_failed()
    {
        var user = await client.SignUpAsync();

        var response = await ChangePasswordAsync(user.AccessToken, user.Password, "short");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "newPassword" }));
    }

    [Test]
    public async Task Changing_the_password_without_a_token_returns_401()
    {
        var response = await client.PostAsJsonAsync("/auth/user/password", new { currentPassword = "x", newPassword = NewPassword });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Deleting_the_account_ends_all_its_sessions_and_frees_the_email()
    {
        var user = await client.SignUpAsync();
        var other = await LoginAsync(user.Email, user.Password);

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/user", user.AccessToken, new { password = user.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.GetUserAsync(user.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await client.GetUserAsync(other!)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var remaining = await factory.WithDatabaseAsync(db => db.Sessions.CountAsync(s => s.UserId == user.Auth.User.Id));
        Assert.That(remaining, Is.Zero);
        var again = await client.SignUpAsync(user.Email);
        Assert.That(again.Auth.User.Id, Is.Not.EqualTo(user.Auth.User.Id));
    }

    [Test]
    public async Task Deleting_the_account_with_a_wrong_password_returns_403_and_keeps_it()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/user", user.AccessToken, new { password = "not the password" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_password");
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_deleted_users_token_stays_refused_after_a_restart()
    {
        var database = TestDatabase.New();
        SignedUpUser user;
        await using (var first = new AuthApiFactory(database))
        {
            using var firstClient = first.CreateClient();
            user = await firstClient.SignUpAsync();
            await firstClient.SendWithTokenAsync(HttpMethod.Delete, "/auth/user", user.AccessToken, new { password = user.Password });
        }

        await using var restarted = new AuthApiFactory(database);
        using var again = restarted.CreateClient();

        // The logout endpoint does not load the user, so only the revocation list can refuse this token.
        await (await again.LogoutAsync(user.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    private Task<HttpResponseMessage> ChangePasswordAsync(string token, string current, string next) =>
        client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", token, new { currentPassword = current, newPassword = next });

    private async Task<string?> LoginAsync(string email, string password)
    {
        var response = await client.PostAsJsonAsync("/auth/login", new { email, password });
        return response.IsSuccessStatusCode ? (await response.ReadJsonAsync()).GetProperty("accessToken").GetString() : null;
    }
}
