using System.Net;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Security;

public sealed class TokenValidationTests
{
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
    public async Task A_token_with_its_payload_tampered_is_refused()
    {
        var user = await client.SignUpAsync();
        var other = await client.SignUpAsync();

        var forged = TokenFactory.Tampered(user.AccessToken, "sub", other.Auth.User.Id.ToString());

        await (await client.GetUserAsync(forged)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_token_with_alg_none_is_refused()
    {
        var user = await client.SignUpAsync();

        var unsigned = TokenFactory.WithAlgNone(user.AccessToken);

        await (await client.GetUserAsync(unsigned)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var user = await client.SignUpAsync();
        var sid = new JsonWebToken(user.AccessToken).GetClaim("sid").Value;

        var forged = TokenFactory.Create(credentials: TestKeys.Rs256(TestKeys.RsaPem(), AuthApiFactory.KeyId), userId: user.Auth.User.Id, sessionId: Guid.Parse(sid));

        await (await client.GetUserAsync(forged)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [TestCase("another-issuer", "auth-clients", "at+jwt")]
    [TestCase("auth", "another-audience", "at+jwt")]
    [TestCase("auth", "auth-clients", "JWT")]
    public async Task A_token_with_a_wrong_issuer_audience_or_type_is_refused(string issuer, string audience, string type)
    {
        var user = await client.SignUpAsync();

        var token = TokenFactory.Create(issuer: issuer, audience: audience, type: type, userId: user.Auth.User.Id);

        await (await client.GetUserAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_correctly_forged_token_for_a_real_user_is_accepted_so_the_refusals_above_are_meaningful()
    {
        var user = await client.SignUpAsync();

        var token = TokenFactory.Create(userId: user.Auth.User.Id);

        Assert.That((await client.GetUserAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_token_not_valid_yet_is_refused()
    {
        var user = await client.SignUpAsync();

        var token = TokenFactory.Create(notBefore: DateTime.UtcNow.AddMinutes(5), expires: DateTime.UtcNow.AddMinutes(20), userId: user.Auth.User.Id);

        await (await client.GetUserAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task An_expired_token_is_refused_once_the_clock_passes_expiry_and_skew()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = new AuthApiFactory(time: time);
        using var timedClient = timed.CreateClient();
        var user = await timedClient.SignUpAsync();

        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(20));
        var withinSkew = await timedClient.GetUserAsync(user.AccessToken);
        time.Advance(TimeSpan.FromSeconds(11));
        var expired = await timedClient.GetUserAsync(user.AccessToken);

        Assert.That(withinSkew.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await expired.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
