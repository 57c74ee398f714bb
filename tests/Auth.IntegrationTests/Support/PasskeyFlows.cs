using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Api.Contracts;

namespace Auth.IntegrationTests.Support;

/// <summary>Passkey ceremonies the way a browser runs them, with a <see cref="SoftwareAuthenticator"/> as the authenticator.</summary>
public static class PasskeyFlows
{
    public static async Task<JsonElement> RegistrationOptionsAsync(this HttpClient client, string accessToken)
    {
        var options = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/passkeys/register/options", accessToken);
        Assert.That(options.StatusCode, Is.EqualTo(HttpStatusCode.OK), await options.Content.ReadAsStringAsync());
        return await options.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string accessToken, JsonObject attestation, string? name = null) =>
        client.SendWithTokenAsync(HttpMethod.Post, "/auth/passkeys/register", accessToken, new { attestation, name });

    /// <summary>Options, the authenticator's new credential, and the registration: 201 and the passkey.</summary>
    public static async Task<JsonElement> AddPasskeyAsync(this HttpClient client, string accessToken, SoftwareAuthenticator authenticator, string? name = null)
    {
        var attestation = authenticator.Create(await client.RegistrationOptionsAsync(accessToken));
        var registered = await client.RegisterAsync(accessToken, attestation, name);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        return await registered.ReadJsonAsync();
    }

    /// <summary>A passwordless sign-in begun: the challenge id and the request options.</summary>
    public static async Task<(Guid ChallengeId, JsonElement Options)> SignInOptionsAsync(this HttpClient client, string? email = null)
    {
        var response = email is null
            ? await client.PostAsync("/auth/passkeys/login/options", null)
            : await client.PostAsJsonAsync("/auth/passkeys/login/options", new { email });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("challengeId").GetGuid(), body.GetProperty("publicKey"));
    }

    public static Task<HttpResponseMessage> PasskeyLoginAsync(this HttpClient client, Guid challengeId, JsonNode assertion) =>
        client.PostAsJsonAsync("/auth/passkeys/login", new { challengeId, assertion });

    /// <summary>Options, the authenticator's assertion, and the sign-in: 200 and the session.</summary>
    public static async Task<AuthResponse> SignInWithPasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator, string? email = null)
    {
        var (challengeId, options) = await client.SignInOptionsAsync(email);
        var login = await client.PasskeyLoginAsync(challengeId, authenticator.Get(options));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        return (await login.Content.ReadFromJsonAsync<AuthResponse>())!;
    }

    public static IEnumerable<string?> Amr(string accessToken) => MfaFlows.Claims(accessToken).GetProperty("amr").EnumerateArray().Select(a => a.GetString());
}
