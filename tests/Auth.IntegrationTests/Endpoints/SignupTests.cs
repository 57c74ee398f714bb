using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Endpoints;

public sealed class SignupTests
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
    public async Task Signup_returns_201_with_tokens_user_and_location()
    {
        var email = ApiClientExtensions.NewEmail();

        var response = await client.PostAsJsonAsync("/auth/signup", new { email, password = ApiClientExtensions.Password, name = "  Ada  " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/auth/user"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        var body = await response.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("tokenType").GetString(), Is.EqualTo("Bearer"));
            Assert.That(body.GetProperty("expiresIn").GetInt32(), Is.EqualTo(900));
            Assert.That(body.GetProperty("refreshToken").GetString(), Has.Length.GreaterThanOrEqualTo(43));
            var user = body.GetProperty("user");
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo(email));
            Assert.That(user.GetProperty("name").GetString(), Is.EqualTo("Ada"));
            Assert.That(user.GetProperty("emailConfirmed").GetBoolean(), Is.False);
            Assert.That(user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "user" }));
            Assert.That(user.GetProperty("createdAt").GetString(), Does.EndWith("Z"));
            Assert.That(body.ToString(), Does.Not.Contain(ApiClientExtensions.Password));
        });
    }

    [Test]
    public async Task Access_token_carries_the_contract_claims_and_names_a_stored_session()
    {
        var user = await client.SignUpAsync(name: "Grace");

        var token = new JsonWebToken(user.AccessToken);

        Assert.Multiple(() =>
        {
            Assert.That(token.Typ, Is.EqualTo("at+jwt"));
            Assert.That(token.Alg, Is.EqualTo("RS256"));
            Assert.That(token.Kid, Is.EqualTo(AuthApiFactory.KeyId));
            Assert.That(token.Issuer, Is.EqualTo("auth"));
            Assert.That(token.Audiences, Is.EqualTo(new[] { "auth-clients" }));
            Assert.That(token.Subject, Is.EqualTo(user.Auth.User.Id.ToString()));
            Assert.That(token.Id, Is.Not.Empty);
            Assert.That(token.GetClaim("email").Value, Is.EqualTo(user.Email));
            Assert.That(token.GetClaim("name").Value, Is.EqualTo("Grace"));
            Assert.That(token.GetClaim("role").Value, Is.EqualTo("user"));
            Assert.That(token.TryGetPayloadValue<long>("iat", out _) && token.TryGetPayloadValue<long>("nbf", out _), Is.True);
            Assert.That(token.ValidTo - token.ValidFrom, Is.EqualTo(TimeSpan.FromMinutes(15)));
        });
        var sessionId = Guid.Parse(token.GetClaim("sid").Value);
        var session = await factory.WithDatabaseAsync(db => db.Sessions.SingleAsync(s => s.Id == sessionId));
        Assert.That(session.UserId, Is.EqualTo(user.Auth.User.Id));
    }

    [Test]
    public async Task Refresh_token_is_stored_only_as_its_sha256_hash()
    {
        var user = await client.SignUpAsync();
        var sessionId = user.Auth.SessionIdFromToken();

        var stored = await factory.WithDatabaseAsync(db => db.RefreshTokens.Where(t => t.SessionId == sessionId).ToListAsync());

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Auth.RefreshToken!)));
        Assert.That(stored.Select(t => t.Hash), Is.EqualTo(new[] { expected }));
        Assert.That(stored[0].UsedAt, Is.Null);
    }

    [Test]
    public async Task Password_is_stored_as_an_argon2id_hash_at_configured_parameters()
    {
        var user = await client.SignUpAsync();

        var stored = await factory.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == user.Auth.User.Id));

        Assert.That(stored.PasswordHash, Does.StartWith("$argon2id$v=19$m=7168,t=5,p=1$"));
        Assert.That(stored.PasswordHash, Does.Not.Contain(user.Password));
    }

    [TestCase("Ada@Example.com", " ada@example.COM ")]
    [TestCase("grace@example.com", "GRACE@EXAMPLE.COM")]
    public async Task Signup_with_an_email_taken_in_another_case_or_with_spaces_returns_409(string first, string second)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await client.SignUpAsync(first.Replace("@", $"+{unique}@", StringComparison.Ordinal));

        var response = await client.PostAsJsonAsync("/auth/signup",
            new { email = second.Replace("@", $"+{unique}@", StringComparison.Ordinal), password = ApiClientExtensions.Password, name = "Twin" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Test]
    public async Task Of_concurrent_signups_with_one_email_exactly_one_wins_and_the_rest_get_409()
    {
        var email = ApiClientExtensions.NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync("/auth/signup", new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = ApiClientExtensions.Password, name = $"Racer {i}" })));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await loser.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
        }

        var count = await factory.WithDatabaseAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email));
        Assert.That(count, Is.EqualTo(1));
    }

    [TestCase("", "correct horse", "Ada", "email")]
    [TestCase("not-an-email", "correct horse", "Ada", "email")]
    [TestCase("a@example.com", "short", "Ada", "password")]
    [TestCase("a@example.com", "correct horse", "   ", "name")]
    [TestCase("a@example.com", "correct horse", "Ada\u0007Lovelace", "name")]
    public async Task Signup_with_an_invalid_field_returns_validation_failed_naming_it(string email, string password, string name, string field)
    {
        var response = await client.PostAsJsonAsync("/auth/signup", new { email, password, name });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { field }));
        Assert.That(problem.ToString(), Does.Not.Contain(password));
    }

    [Test]
    public async Task Signup_with_a_129_character_password_or_a_255_character_email_is_refused()
    {
        var longEmail = new string('a', 243) + "@example.com";

        var response = await client.PostAsJsonAsync("/auth/signup", new { email = longEmail, password = new string('p', 129), name = new string('n', 101) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EquivalentTo(new[] { "email", "password", "name" }));
    }

    [Test]
    public async Task Signup_with_missing_fields_returns_validation_failed_for_each()
    {
        var response = await client.PostAsJsonAsync("/auth/signup", new { });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EquivalentTo(new[] { "email", "password", "name" }));
    }
}
