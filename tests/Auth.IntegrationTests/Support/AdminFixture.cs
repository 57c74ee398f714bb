using System.Net;
using System.Net.Http.Json;
using Auth.Api.Contracts;

namespace Auth.IntegrationTests.Support;

/// <summary>A service whose bootstrap admin email is known, so tests can sign one up.</summary>
public static class AdminFixture
{
    public static AuthApiFactory CreateFactory(string adminEmail, string? database = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) =>
        new(database, time, settings: new Dictionary<string, string?> { ["Auth:Bootstrap:AdminEmail"] = adminEmail });

    /// <summary>
    /// The bootstrap admin the way an operator becomes one: signs up, confirms the address through the mailed link
    /// (which grants the role) and signs in again, so the token carries it.
    /// </summary>
    public static async Task<SignedUpUser> SignUpAdminAsync(this AuthApiFactory factory, HttpClient client, string adminEmail, string name = "The Admin")
    {
        var signedUp = await client.SignUpAsync(adminEmail, name);
        await client.ConfirmEmailAsync(factory, adminEmail);
        var login = await client.PostAsJsonAsync("/auth/login", new { email = adminEmail, password = signedUp.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        return signedUp with { Auth = (await login.Content.ReadFromJsonAsync<AuthResponse>())! };
    }

    /// <summary>Follows the confirmation link mailed at signup.</summary>
    public static async Task ConfirmEmailAsync(this HttpClient client, AuthApiFactory factory, string email)
    {
        var token = await factory.TokenMailedToAsync(email);
        var confirmed = await client.PostAsJsonAsync("/auth/email/confirm", new { token });
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await confirmed.Content.ReadAsStringAsync());
    }

    /// <summary>Logs in again, so the token carries the roles the account has now.</summary>
    public static async Task<string> LoginAsync(this HttpClient client, string email, string password = ApiClientExtensions.Password)
    {
        var response = await client.PostAsJsonAsync("/auth/login", new { email, password });
        return (await response.Content.ReadFromJsonAsync<AuthResponse>())!.AccessToken;
    }
}
