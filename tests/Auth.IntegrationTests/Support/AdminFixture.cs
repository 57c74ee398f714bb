using System.Net.Http.Json;
using Auth.Api.Contracts;

namespace Auth.IntegrationTests.Support;

/// <summary>A service whose bootstrap admin email is known, so tests can sign one up.</summary>
public static class AdminFixture
{
    public static AuthApiFactory CreateFactory(string adminEmail, string? databasePath = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) =>
        new(databasePath, time, settings: new Dictionary<string, string?> { ["Auth:Bootstrap:AdminEmail"] = adminEmail });

    /// <summary>Logs in again, so the token carries the roles the account has now.</summary>
    public static async Task<string> LoginAsync(this HttpClient client, string email, string password = ApiClientExtensions.Password)
    {
        var response = await client.PostAsJsonAsync("/auth/login", new { email, password });
        return (await response.Content.ReadFromJsonAsync<AuthResponse>())!.AccessToken;
    }
}
