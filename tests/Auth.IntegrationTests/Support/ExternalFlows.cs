using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Auth.Api.Contracts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Support;

/// <summary>The external sign-in walked as a browser would, against the real test provider (<see cref="TestIdentityProvider"/>).</summary>
public static class ExternalFlows
{
    public const string Provider = "testidp";

    public const string ReturnUrl = "http://localhost:5173/external";

    /// <summary>The callback URL the in-memory service derives (the test client's base address is http://localhost).</summary>
    public const string CallbackUrl = $"http://localhost/auth/external/{Provider}/callback";

    /// <summary>The page's proof key for the exchange (RFC 7636 appendix B's pair): what a frontend keeps in sessionStorage.</summary>
    public const string CodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string CodeChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /// <summary>The start's query for the default return page and proof key.</summary>
    public static string StartQuery(string returnUrl = ReturnUrl, string codeChallenge = CodeChallenge) =>
        $"returnUrl={Uri.EscapeDataString(returnUrl)}&codeChallenge={codeChallenge}";

    /// <summary>Another browser's proof key: a fresh verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) NewProofKey()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static Dictionary<string, string?> Settings(TestIdentityProvider idp, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ExternalProviders:{Provider}:Authority"] = idp.Issuer,
            [$"ExternalProviders:{Provider}:ClientId"] = idp.ClientId,
            [$"ExternalProviders:{Provider}:ClientSecret"] = idp.ClientSecret,
            [$"ExternalProviders:{Provider}:DisplayName"] = "Test IdP",
            ["ExternalSignIn:ReturnOrigins:0"] = "http://localhost:5173",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static AuthApiFactory CreateFactory(TestIdentityProvider idp, IDictionary<string, string?>? more = null) =>
        new(time: new FakeTimeProvider(DateTimeOffset.UtcNow), settings: Settings(idp, more));

    /// <summary>A client that shows redirects instead of following them, as the tests check each hop.</summary>
    public static HttpClient CreateBrowser(this AuthApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TestIdpUser NewIdpUser(bool emailVerified = true) =>
        new($"sub-{Guid.NewGuid():N}", ApiClientExtensions.NewEmail(), emailVerified, "Ada Lovelace");

    /// <summary>GET start: the 302 to the provider.</summary>
    public static async Task<Uri> StartAsync(this HttpClient browser, string returnUrl = ReturnUrl, string codeChallenge = CodeChallenge)
    {
        var started = await browser.GetAsync($"/auth/external/{Provider}/start?{StartQuery(returnUrl, codeChallenge)}");
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await started.Content.ReadAsStringAsync());
        return started.Headers.Location!;
    }

    /// <summary>The provider's redirect to the callback, taken by the service: the 302 to the frontend's return page, as its query.</summary>
    public static async Task<Dictionary<string, string>> CallbackAsync(this HttpClient browser, Uri callback)
    {
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(CallbackUrl));
        var answered = await browser.GetAsync(callback.PathAndQuery);
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await answered.Content.ReadAsStringAsync());
        var back = answered.Headers.Location!;
        Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo(ReturnUrl));
        return QueryHelpers.ParseQuery(back.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Start, sign in at the provider as <paramref name="user"/>, come back: the return page's query.</summary>
    public static async Task<Dictionary<string, string>> SignInAtProviderAsync(this HttpClient browser, TestIdentityProvider idp, TestIdpUser user)
    {
        var authorize = await browser.StartAsync();
        return await browser.CallbackAsync(await idp.AuthorizeAsync(authorize, user));
    }

    public static Task<HttpResponseMessage> ExchangeAsync(this HttpClient browser, string code, string codeVerifier = CodeVerifier) =>
        browser.PostAsJsonAsync("/auth/external/exchange", new { code, codeVerifier });

    /// <summary>The whole dance and the exchange, which must succeed: the session's tokens.</summary>
    public static async Task<AuthResponse> SignInExternallyAsync(this HttpClient browser, TestIdentityProvider idp, TestIdpUser user)
    {
        var back = await browser.SignInAtProviderAsync(idp, user);
        Assert.That(back, Does.ContainKey("code"), string.Join("&", back.Select(p => $"{p.Key}={p.Value}")));
        var exchanged = await browser.ExchangeAsync(back["code"]);
        Assert.That(exchanged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await exchanged.Content.ReadAsStringAsync());
        return (await exchanged.Content.ReadFromJsonAsync<AuthResponse>())!;
    }

    /// <summary>Links the provider account of <paramref name="user"/> to the signed-in account: the return page's query.</summary>
    public static async Task<Dictionary<string, string>> LinkAsync(this HttpClient browser, TestIdentityProvider idp, string accessToken, TestIdpUser user)
    {
        var started = await browser.SendWithTokenAsync(HttpMethod.Post, $"/auth/external/{Provider}/link/start", accessToken, new { returnUrl = ReturnUrl });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK), await started.Content.ReadAsStringAsync());
        var authorize = new Uri((await started.ReadJsonAsync()).GetProperty("authorizationUrl").GetString()!);
        return await browser.CallbackAsync(await idp.AuthorizeAsync(authorize, user));
    }
}
