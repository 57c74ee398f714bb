using System.Net;
using Auth.Infrastructure;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.IntegrationTests.Security;

/// <summary>Changing keys and algorithms while tokens are live, and the rotate-key command.</summary>
public sealed class KeyRotationTests
{
    [Test]
    public async Task Switching_rs256_to_es256_keeps_live_rs256_tokens_valid()
    {
        var database = TestDatabase.New();
        SignedUpUser user;
        await using (var before = new AuthApiFactory(database: database))
        {
            user = await before.CreateClient().SignUpAsync();
        }

        await using var after = new AuthApiFactory(database: database, settings: new Dictionary<string, string?>
        {
            ["Jwt:Algorithm"] = "ES256",
            ["Jwt:Keys:1:KeyId"] = "ec-1",
            ["Jwt:Keys:1:Pem"] = TestKeys.EcPem(),
            ["Jwt:Keys:1:ActiveFrom"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
        });
        using var client = after.CreateClient();

        var oldToken = await client.GetUserAsync(user.AccessToken);
        var fresh = await client.SignUpAsync();
        var discovery = await (await client.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();

        Assert.That(new JsonWebToken(user.AccessToken).Alg, Is.EqualTo("RS256"));
        Assert.That(oldToken.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a token of the replaced RS256 key lives out its life");
        Assert.That(new JsonWebToken(fresh.AccessToken).Alg, Is.EqualTo("ES256"));
        Assert.That(new JsonWebToken(fresh.AccessToken).Kid, Is.EqualTo("ec-1"));
        Assert.That((await client.GetUserAsync(fresh.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()),
            Is.EquivalentTo(new[] { "RS256", "ES256" }));
    }

    [Test]
    public async Task A_token_whose_alg_is_not_its_keys_is_refused_even_when_both_algorithms_are_in_use()
    {
        var ecPem = TestKeys.EcPem();
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["Jwt:Keys:1:KeyId"] = "ec-1",
            ["Jwt:Keys:1:Pem"] = ecPem,
            ["Jwt:Keys:1:ActiveFrom"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
        });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        var claims = new JsonWebToken(user.AccessToken);
        // The RSA key's kid on a token that claims ES256, signed by the EC key: each part alone is one of ours.
        var ec = System.Security.Cryptography.ECDsa.Create();
        ec.ImportFromPem(ecPem);
        var forged = TokenFactory.Create(credentials: new SigningCredentials(new ECDsaSecurityKey(ec) { KeyId = AuthApiFactory.KeyId }, SecurityAlgorithms.EcdsaSha256),
            userId: user.Auth.User.Id, sessionId: Guid.Parse(claims.GetClaim("sid").Value));

        Assert.That((await client.GetUserAsync(forged)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Rotate_key_fills_an_empty_key_directory_the_service_then_signs_with()
    {
        var directory = TestPaths.NewDirectory();
        var output = new StringWriter();

        var exit = KeyRotationCommand.Run(["rotate-key", "--if-empty"], Configuration(directory), Environment(), TimeProvider.System, output);
        var again = KeyRotationCommand.Run(["rotate-key", "--if-empty"], Configuration(directory), Environment(), TimeProvider.System, new StringWriter());
        await using var factory = new AuthApiFactory(withSigningKey: false, settings: new Dictionary<string, string?> { ["Jwt:KeyDirectory"] = directory });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        var jwks = new JsonWebKeySet(await (await client.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync());

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(again, Is.Zero);
        Assert.That(Directory.GetFiles(directory, "*.pem"), Has.Length.EqualTo(1));
        Assert.That(jwks.Keys.Select(k => k.Kid), Is.EqualTo(new[] { new JsonWebToken(user.AccessToken).Kid }));
        Assert.That(jwks.Keys[0].Kid, Is.EqualTo(Base64UrlEncoder.Encode(jwks.Keys[0].ComputeJwkThumbprint())), "kid is the RFC 7638 thumbprint");
        Assert.That(output.ToString(), Does.Contain(jwks.Keys[0].Kid));
    }

    [Test]
    public async Task A_rotated_key_is_announced_at_once_and_signs_from_its_activation()
    {
        var directory = TestPaths.NewDirectory();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        KeyRotationCommand.Run(["rotate-key"], Configuration(directory), Environment(), time, new StringWriter());
        KeyRotationCommand.Run(["rotate-key", "--algorithm", "ES256", "--active-in", "01:00:00"], Configuration(directory), Environment(), time, new StringWriter());
        await using var factory = new AuthApiFactory(time: time, withSigningKey: false, settings: new Dictionary<string, string?> { ["Jwt:KeyDirectory"] = directory });
        using var client = factory.CreateClient();

        var jwks = new JsonWebKeySet(await (await client.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync());
        time.Advance(TimeSpan.FromMinutes(59));
        var before = await client.SignUpAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        var after = await client.SignUpAsync();

        Assert.That(jwks.Keys.Select(k => k.Alg), Is.EqualTo(new[] { "RS256", "ES256" }));
        Assert.That(new JsonWebToken(before.AccessToken).Alg, Is.EqualTo("RS256"));
        Assert.That(new JsonWebToken(after.AccessToken).Alg, Is.EqualTo("ES256"));
        Assert.That((await client.GetUserAsync(before.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Rotate_key_without_a_key_directory_says_what_it_needs()
    {
        var output = new StringWriter();

        var exit = KeyRotationCommand.Run(["rotate-key"], new ConfigurationBuilder().Build(), Environment(), TimeProvider.System, output);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output.ToString(), Does.Contain("Jwt:KeyDirectory"));
    }

    private static IConfiguration Configuration(string directory) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jwt:KeyDirectory"] = directory }).Build();

    private static Microsoft.Extensions.Hosting.Internal.HostingEnvironment Environment() =>
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Production" };
}
