using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.IntegrationTests.External;

/// <summary>
/// The OpenID Provider the external sign-in tests run against (tests/TestIdp), driven by hand as a client would:
/// discovery, an authorization request with PKCE, the login form, the code redeemed with client_secret_post, the ID
/// token checked against the provider's JWKS, each way of spoiling it, a cancelled sign-in, and the provider going
/// down and up again.
/// </summary>
public sealed class TestIdentityProviderTests
{
    private const string RedirectUri = "http://localhost/auth/external/testidp/callback";

    private TestIdentityProvider idp = null!;
    private HttpClient http = null!;

    [OneTimeSetUp]
    public async Task StartProvider()
    {
        idp = await TestIdentityProvider.StartAsync([RedirectUri, "http://127.0.0.1/auth/external/testidp/callback"]);
        http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopProvider()
    {
        http.Dispose();
        await idp.DisposeAsync();
    }

    [Test]
    public async Task Its_discovery_document_names_the_issuer_the_endpoints_and_a_JWKS_with_an_RS256_key()
    {
        using var discovery = JsonDocument.Parse(await http.GetStringAsync($"{idp.Issuer}/.well-known/openid-configuration"));
        var root = discovery.RootElement;
        var keys = await SigningKeysAsync();

        Assert.Multiple(() =>
        {
            Assert.That(idp.Issuer, Does.Match(@"^http://127\.0\.0\.1:\d+$"));
            Assert.That(root.GetProperty("issuer").GetString(), Is.EqualTo(idp.Issuer));
            Assert.That(root.GetProperty("authorization_endpoint").GetString(), Is.EqualTo($"{idp.Issuer}/auth"));
            Assert.That(root.GetProperty("token_endpoint").GetString(), Is.EqualTo($"{idp.Issuer}/token"));
            Assert.That(root.GetProperty("jwks_uri").GetString(), Is.EqualTo($"{idp.Issuer}/jwks"));
            Assert.That(Strings(root, "code_challenge_methods_supported"), Is.EqualTo(new[] { "S256" }));
            Assert.That(Strings(root, "token_endpoint_auth_methods_supported"), Does.Contain("client_secret_post"));
            Assert.That(Strings(root, "scopes_supported"), Is.SupersetOf(new[] { "openid", "email", "profile" }));
            Assert.That(keys.Keys.Select(k => (k.Kty, k.Alg)), Is.EqualTo(new[] { ("RSA", "RS256") }));
            Assert.That(keys.Keys.Single().HasPrivateKey, Is.False, "the JWKS publishes the public key only");
        });
    }

    [Test]
    public async Task A_sign_in_returns_a_code_that_redeems_for_an_ID_token_with_the_typed_claims_and_the_nonce()
    {
        var user = new TestIdpUser($"sub-{Guid.NewGuid():N}", $"{Guid.NewGuid():N}@idp.test", EmailVerified: true, Name: "Ada Lovelace");
        var request = AuthorizationRequest.New();

        var callback = await idp.AuthorizeAsync(request.Url(idp), user);
        var query = QueryHelpers.ParseQuery(callback.Query);
        var token = await RedeemAsync(query["code"]!, request);

        var validation = await ValidateAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
            Assert.That(query["state"].ToString(), Is.EqualTo(request.State));
            Assert.That(query["iss"].ToString(), Is.EqualTo(idp.Issuer));
            Assert.That(validation.IsValid, Is.True, () => $"{validation.Exception}");
            Assert.That(token.Subject, Is.EqualTo(user.Subject));
            Assert.That(token.GetClaim("email").Value, Is.EqualTo(user.Email));
            Assert.That(token.GetPayloadValue<bool>("email_verified"), Is.True);
            Assert.That(token.GetClaim("name").Value, Is.EqualTo("Ada Lovelace"));
            Assert.That(token.GetClaim("nonce").Value, Is.EqualTo(request.Nonce));
            Assert.That(token.Audiences, Is.EqualTo(new[] { idp.ClientId }));
        });
    }

    [Test]
    public async Task An_unverified_email_without_a_name_is_what_the_ID_token_says()
    {
        var user = new TestIdpUser($"sub-{Guid.NewGuid():N}", $"{Guid.NewGuid():N}@idp.test", EmailVerified: false);
        var request = AuthorizationRequest.New();

        var callback = await idp.AuthorizeAsync(request.Url(idp), user);
        var token = await RedeemAsync(QueryHelpers.ParseQuery(callback.Query)["code"]!, request);

        Assert.Multiple(() =>
        {
            Assert.That(token.GetPayloadValue<bool>("email_verified"), Is.False);
            Assert.That(token.GetClaim("email").Value, Is.EqualTo(user.Email));
            Assert.That(token.TryGetClaim("name", out _), Is.False);
        });
    }

    [Test]
    public async Task A_code_redeems_only_with_its_PKCE_verifier()
    {
        var request = AuthorizationRequest.New();
        var callback = await idp.AuthorizeAsync(request.Url(idp), NewUser());

        using var response = await PostTokenAsync(QueryHelpers.ParseQuery(callback.Query)["code"]!, request with { Verifier = AuthorizationRequest.New().Verifier });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("invalid_grant"));
    }

    [Test]
    public async Task Cancel_on_the_login_form_redirects_with_access_denied_and_the_state()
    {
        var request = AuthorizationRequest.New();

        var callback = await idp.AuthorizeAsync(request.Url(idp), NewUser(), cancel: true);

        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Multiple(() =>
        {
            Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
            Assert.That(query["error"].ToString(), Is.EqualTo("access_denied"));
            Assert.That(query["state"].ToString(), Is.EqualTo(request.State));
            Assert.That(query.ContainsKey("code"), Is.False);
        });
    }

    [Test]
    public async Task A_loopback_redirect_uri_registered_without_a_port_matches_any_port()
    {
        var request = AuthorizationRequest.New() with { RedirectUri = "http://127.0.0.1:54321/auth/external/testidp/callback" };

        var callback = await idp.AuthorizeAsync(request.Url(idp), NewUser());
        var token = await RedeemAsync(QueryHelpers.ParseQuery(callback.Query)["code"]!, request);

        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(request.RedirectUri));
        Assert.That(token.GetClaim("nonce").Value, Is.EqualTo(request.Nonce));
    }

    [Test]
    public void An_unregistered_redirect_uri_gets_an_error_page_not_a_redirect()
    {
        var request = AuthorizationRequest.New() with { RedirectUri = "http://localhost/elsewhere" };

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => idp.AuthorizeAsync(request.Url(idp), NewUser()));

        Assert.That(error!.Message, Does.Contain("redirect_uri"));
    }

    [Test]
    public async Task Without_tampering_the_ID_token_is_sound()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.None);

        var (token, request) = await SignInAndRedeemAsync();

        var result = await ValidateAsync(token);
        Assert.That(result.IsValid, Is.True, () => $"{result.Exception}");
        Assert.That(token.GetClaim("nonce").Value, Is.EqualTo(request.Nonce));
    }

    [Test]
    public async Task Wrong_audience_is_re_signed_by_the_provider_for_someone_else()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.WrongAudience);

        var (token, request) = await SignInAndRedeemAsync();

        var result = await ValidateAsync(token);
        var signature = await ValidateAsync(token, audience: false);
        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.InstanceOf<SecurityTokenInvalidAudienceException>());
            Assert.That(token.Audiences, Is.EqualTo(new[] { "someone-else" }));
            Assert.That(signature.IsValid, Is.True, () => $"signed with the provider's key: {signature.Exception}");
            Assert.That(token.GetClaim("nonce").Value, Is.EqualTo(request.Nonce));
        });
    }

    [Test]
    public async Task Wrong_nonce_is_re_signed_by_the_provider_with_another_nonce()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.WrongNonce);

        var (token, request) = await SignInAndRedeemAsync();

        var result = await ValidateAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, () => $"signed with the provider's key: {result.Exception}");
            Assert.That(token.GetClaim("nonce").Value, Is.Not.EqualTo(request.Nonce).And.Not.Empty);
        });
    }

    [Test]
    public async Task Missing_nonce_is_re_signed_by_the_provider_without_one()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.MissingNonce);

        var (token, _) = await SignInAndRedeemAsync();

        var result = await ValidateAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, () => $"signed with the provider's key: {result.Exception}");
            Assert.That(token.TryGetClaim("nonce", out _), Is.False);
        });
    }

    [Test]
    public async Task Expired_is_re_signed_by_the_provider_an_hour_past_its_expiry()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.Expired);

        var (token, request) = await SignInAndRedeemAsync();

        var result = await ValidateAsync(token);
        var signature = await ValidateAsync(token, lifetime: false);
        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.InstanceOf<SecurityTokenExpiredException>());
            Assert.That(token.ValidTo, Is.LessThan(DateTime.UtcNow.AddMinutes(-55)));
            Assert.That(signature.IsValid, Is.True, () => $"signed with the provider's key: {signature.Exception}");
            Assert.That(token.GetClaim("nonce").Value, Is.EqualTo(request.Nonce));
        });
    }

    [Test]
    public async Task Wrong_signature_names_the_providers_key_but_does_not_verify_with_it()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.WrongSignature);

        var (token, request) = await SignInAndRedeemAsync();

        var result = await ValidateAsync(token);
        var keys = await SigningKeysAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.InstanceOf<SecurityTokenInvalidSignatureException>());
            Assert.That(token.Kid, Is.EqualTo(keys.Keys.Single().Kid));
            Assert.That(token.GetClaim("nonce").Value, Is.EqualTo(request.Nonce));
            Assert.That(token.Audiences, Is.EqualTo(new[] { idp.ClientId }));
        });
    }

    [Test]
    public async Task A_tamper_spoils_only_the_next_ID_token()
    {
        await idp.TamperNextIdTokenAsync(IdTokenTamper.WrongSignature);
        var (spoiled, _) = await SignInAndRedeemAsync();

        var (next, _) = await SignInAndRedeemAsync();

        Assert.That((await ValidateAsync(spoiled)).IsValid, Is.False);
        Assert.That((await ValidateAsync(next)).IsValid, Is.True);
    }

    [Test]
    public async Task Stopped_it_refuses_connections_and_restarted_it_serves_the_same_issuer_and_client_again()
    {
        await using var own = await TestIdentityProvider.StartAsync([RedirectUri]);
        var port = new Uri(own.Issuer).Port;

        await own.StopAsync();
        var refused = Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"{own.Issuer}/jwks"));
        await own.RestartAsync();

        Assert.That(refused!.InnerException, Is.InstanceOf<SocketException>().With.Property(nameof(SocketException.SocketErrorCode)).EqualTo(SocketError.ConnectionRefused));
        using var discovery = JsonDocument.Parse(await http.GetStringAsync($"{own.Issuer}/.well-known/openid-configuration"));
        Assert.That(discovery.RootElement.GetProperty("issuer").GetString(), Is.EqualTo($"http://127.0.0.1:{port}"));
        var request = AuthorizationRequest.New();
        var callback = await own.AuthorizeAsync(request.Url(own), NewUser());
        var token = await RedeemAsync(QueryHelpers.ParseQuery(callback.Query)["code"]!, request, own);
        Assert.That(await ValidateAsync(token, provider: own), Has.Property(nameof(TokenValidationResult.IsValid)).True);
    }

    private static TestIdpUser NewUser() => new($"sub-{Guid.NewGuid():N}", $"{Guid.NewGuid():N}@idp.test");

    private async Task<(JsonWebToken Token, AuthorizationRequest Request)> SignInAndRedeemAsync()
    {
        var request = AuthorizationRequest.New();
        var callback = await idp.AuthorizeAsync(request.Url(idp), NewUser());
        return (await RedeemAsync(QueryHelpers.ParseQuery(callback.Query)["code"]!, request), request);
    }

    private async Task<JsonWebToken> RedeemAsync(string code, AuthorizationRequest request, TestIdentityProvider? provider = null)
    {
        using var response = await PostTokenAsync(code, request, provider);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var json = JsonDocument.Parse(body);
        return new JsonWebToken(json.RootElement.GetProperty("id_token").GetString());
    }

    /// <summary>client_secret_post: the client's credentials in the form, as the service sends them.</summary>
    private Task<HttpResponseMessage> PostTokenAsync(string code, AuthorizationRequest request, TestIdentityProvider? provider = null)
    {
        provider ??= idp;
        return http.PostAsync($"{provider.Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri,
            ["code_verifier"] = request.Verifier,
            ["client_id"] = provider.ClientId,
            ["client_secret"] = provider.ClientSecret,
        }));
    }

    private async Task<JsonWebKeySet> SigningKeysAsync(TestIdentityProvider? provider = null) =>
        new(await http.GetStringAsync($"{(provider ?? idp).Issuer}/jwks"));

    /// <summary>What a relying party checks with Microsoft.IdentityModel: signature by the JWKS, issuer, audience, lifetime.</summary>
    private async Task<TokenValidationResult> ValidateAsync(JsonWebToken token, bool audience = true, bool lifetime = true, TestIdentityProvider? provider = null)
    {
        provider ??= idp;
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = provider.ClientId,
            ValidateAudience = audience,
            ValidateLifetime = lifetime,
            IssuerSigningKeys = (await SigningKeysAsync(provider)).GetSigningKeys(),
        });
    }

    private static string?[] Strings(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString())];

    private sealed record AuthorizationRequest(string State, string Nonce, string Verifier, string RedirectUri)
    {
        public static AuthorizationRequest New() => new(Random(), Random(), Random() + Random(), TestIdentityProviderTests.RedirectUri);

        public Uri Url(TestIdentityProvider provider)
        {
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
            return new Uri(QueryHelpers.AddQueryString($"{provider.Issuer}/auth", new Dictionary<string, string?>
            {
                ["client_id"] = provider.ClientId,
                ["response_type"] = "code",
                ["scope"] = "openid email profile",
                ["redirect_uri"] = RedirectUri,
                ["state"] = State,
                ["nonce"] = Nonce,
                ["code_challenge"] = challenge,
                ["code_challenge_method"] = "S256",
            }));
        }

        private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
    }
}
