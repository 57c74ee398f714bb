using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.Api.Contracts;

namespace Auth.IntegrationTests.Support;

/// <summary>The one helper for "a signed-up user with a token"; every call makes a new user.</summary>
public static class ApiClientExtensions
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public static async Task<SignedUpUser> SignUpAsync(this HttpClient client, string? email = null, string name = "Test User")
    {
        email ??= NewEmail();
        var response = await client.PostAsJsonAsync("/auth/signup", new { email, password = Password, name });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var auth = (await response.Content.ReadFromJsonAsync<AuthResponse>())!;
        return new SignedUpUser(email, Password, auth);
    }

    public static Task<HttpResponseMessage> SendWithTokenAsync(this HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetUserAsync(this HttpClient client, string token) =>
        client.SendWithTokenAsync(HttpMethod.Get, "/auth/user", token);

    public static Task<HttpResponseMessage> LogoutAsync(this HttpClient client, string token, object? body = null) =>
        client.SendWithTokenAsync(HttpMethod.Post, "/auth/logout", token, body);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}

public sealed record SignedUpUser(string Email, string Password, AuthResponse Auth)
{
    public string AccessToken => Auth.AccessToken;
}

public static class AuthResponseExtensions
{
    public static Guid SessionIdFromToken(this AuthResponse auth) =>
        Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(auth.AccessToken).GetClaim("sid").Value);
}
