using System.Net;
using System.Net.Http.Json;
using System.Text;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.IntegrationTests.Security;

/// <summary>Asymmetric signing, the JWKS other services validate with, and key rotation without downtime.</summary>
public sealed class SigningKeyTests
{
    [Test]
    public async Task Tokens_are_rs256_with_a_kid_that_the_jwks_publishes_and_the_jwks_alone_validates_them()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();

        var jwksResponse = await client.GetAsync("/.well-known/jwks.json");
        var jwks = new JsonWebKeySet(await jwksResponse.Content.ReadAsStringAsync());
        var token = new JsonWebToken(user.AccessToken);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(user.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "auth",
            ValidAudience = "auth-clients",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        Assert.Multiple(() =>
        {
            Assert.That(token.Alg, Is.EqualTo("RS256"));
            Assert.That(token.Kid, Is.EqualTo(AuthApiFactory.KeyId));
            Assert.That(jwks.Keys.Select(k => k.Kid), Is.EqualTo(new[] { AuthApiFactory.KeyId }));
            Assert.That(jwks.Keys[0].Kty, Is.EqualTo("RSA"));
            Assert.That(jwks.Keys[0].Alg, Is.EqualTo("RS256"));
            Assert.That(jwks.Keys[0].Use, Is.EqualTo("sig"));
            Assert.That(jwks.Keys[0].HasPrivateKey, Is.False);
            Assert.That(jwksResponse.Headers.CacheControl?.Public, Is.True);
            Assert.That(validation.IsValid, Is.True, validation.Exception?.Message);
        });
    }

    [Test]
    public async Task The_jwks_never_carries_private_key_members()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var key = (await (await client.GetAsync("/.well-known/jwks.json")).ReadJsonAsync()).GetProperty("keys")[0];

        var members = key.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(members, Is.EquivalentTo(new[] { "kty", "use", "alg", "kid", "n", "e" }));
    }

    [Test]
    public async Task Discovery_names_the_issuer_the_jwks_uri_and_the_algorithm()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var document = await (await client.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();

        Assert.That(document.GetProperty("issuer").GetString(), Is.EqualTo("auth"));
        Assert.That(document.GetProperty("jwks_uri").GetString(), Is.EqualTo("http://localhost/.well-known/jwks.json"));
        Assert.That(document.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "RS256" }));
    }

    [Test]
    public async Task An_hs256_token_keyed_with_the_public_key_is_refused()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        var sid = user.Auth.SessionIdFromToken();
        var publicKey = Encoding.UTF8.GetBytes(TestKeys.PublicPem(AuthApiFactory.PrivateKeyPem));
        var confused = new SigningCredentials(new SymmetricSecurityKey(publicKey) { KeyId = AuthApiFactory.KeyId }, SecurityAlgorithms.HmacSha256);

        var forged = TokenFactory.Create(credentials: confused, userId: user.Auth.User.Id, sessionId: sid);

        await (await client.GetUserAsync(forged)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_token_whose_kid_is_unknown_is_refused_even_when_signed_by_the_real_key()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        var sid = user.Auth.SessionIdFromToken();

        var unknownKid = TokenFactory.Create(credentials: TestKeys.Rs256(AuthApiFactory.PrivateKeyPem, "not-a-key-of-ours"),
            userId: user.Auth.User.Id, sessionId: sid);
        var rightKid = TokenFactory.Create(userId: user.Auth.User.Id, sessionId: sid);

        await (await client.GetUserAsync(unknownKid)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.That((await client.GetUserAsync(rightKid)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same token with the right kid works");
    }

    [Test]
    public async Task A_rotated_key_signs_from_its_activation_while_tokens_of_the_previous_key_work_until_they_expire()
    {
        var start = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(start);
        var nextKey = TestKeys.RsaPem();
        await using var factory = new AuthApiFactory(time: time, settings: new Dictionary<string, string?>
        {
            ["Jwt:Keys:1:KeyId"] = "test-key-2",
            ["Jwt:Keys:1:Pem"] = nextKey,
            ["Jwt:Keys:1:ActiveFrom"] = (start + TimeSpan.FromMinutes(5)).ToString("O"),
        });
        using var client = factory.CreateClient();
        var before = await client.SignUpAsync();
        var announced = await PublishedKeyIdsAsync(client);

        time.Advance(TimeSpan.FromMinutes(6));
        var after = await client.SignUpAsync();
        var oldTokenAfterRotation = await client.GetUserAsync(before.AccessToken);

        time.Advance(TimeSpan.FromMinutes(15));
        var oldKeyGone = await PublishedKeyIdsAsync(client);
        var newTokenStillValid = await client.GetUserAsync(after.AccessToken);

        Assert.Multiple(() =>
        {
            Assert.That(new JsonWebToken(before.AccessToken).Kid, Is.EqualTo(AuthApiFactory.KeyId));
            Assert.That(announced, Is.EquivalentTo(new[] { AuthApiFactory.KeyId, "test-key-2" }), "the next key is announced before it signs");
            Assert.That(new JsonWebToken(after.AccessToken).Kid, Is.EqualTo("test-key-2"));
            Assert.That(oldTokenAfterRotation.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a token of the previous key lives out its lifetime");
            Assert.That(oldKeyGone, Is.EqualTo(new[] { "test-key-2" }), "the replaced key leaves once its tokens have expired");
            Assert.That(newTokenStillValid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Es256_can_be_selected_and_publishes_a_p256_key()
    {
        await using var factory = new AuthApiFactory(withSigningKey: false, settings: new Dictionary<string, string?>
        {
            ["Jwt:Algorithm"] = "ES256",
            ["Jwt:Keys:0:Pem"] = TestKeys.EcPem(),
        });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();

        var key = (await (await client.GetAsync("/.well-known/jwks.json")).ReadJsonAsync()).GetProperty("keys")[0];

        Assert.That(new JsonWebToken(user.AccessToken).Alg, Is.EqualTo("ES256"));
        Assert.That(new JsonWebToken(user.AccessToken).Kid, Is.EqualTo(key.GetProperty("kid").GetString()));
        Assert.That(key.GetProperty("kty").GetString(), Is.EqualTo("EC"));
        Assert.That(key.GetProperty("crv").GetString(), Is.EqualTo("P-256"));
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Hs256_remains_available_and_publishes_no_key()
    {
        await using var factory = new AuthApiFactory(withSigningKey: false, settings: new Dictionary<string, string?>
        {
            ["Jwt:Algorithm"] = "HS256",
            ["Jwt:SigningKey"] = "a-shared-secret-of-at-least-32-characters",
        });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();

        var keys = (await (await client.GetAsync("/.well-known/jwks.json")).ReadJsonAsync()).GetProperty("keys");

        Assert.That(new JsonWebToken(user.AccessToken).Alg, Is.EqualTo("HS256"));
        Assert.That(keys.GetArrayLength(), Is.Zero);
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("Jwt:Keys:0:Pem", "1024-bit", "at least 2048 bits")]
    [TestCase("Jwt:Keys:0:Pem", "not a key", "Jwt:Keys:0 is not a usable RS256 private key")]
    [TestCase("Jwt:Keys:0:PemFile", "/nonexistent/key.pem", "Jwt:Keys:0:PemFile '/nonexistent/key.pem' does not exist")]
    [TestCase("Jwt:Keys:0:PemFile", "/tmp", "Jwt:Keys:0:PemFile '/tmp' cannot be read by the service's user")]
    [TestCase("Jwt:Algorithm", "PS512", "Jwt:Algorithm must be one of RS256, ES256, HS256")]
    public void A_bad_key_setting_stops_the_service_naming_it(string setting, string value, string message)
    {
        using var factory = new AuthApiFactory(withSigningKey: false, settings: new Dictionary<string, string?>
        {
            [setting] = value == "1024-bit" ? TestKeys.RsaPem(1024) : value,
        });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain(message));
    }

    [Test]
    public void Keys_that_all_start_in_the_future_stop_the_service()
    {
        using var factory = new AuthApiFactory(withSigningKey: false, settings: new Dictionary<string, string?>
        {
            ["Jwt:Keys:0:Pem"] = AuthApiFactory.PrivateKeyPem,
            ["Jwt:Keys:0:ActiveFrom"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
        });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("must include a key that is active now"));
    }

    private static async Task<string?[]> PublishedKeyIdsAsync(HttpClient client)
    {
        var jwks = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/jwks.json");
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString())];
    }
}
