using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Geralt;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Endpoints;

public sealed class LoginTests
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
    public async Task Login_with_the_right_password_returns_a_new_session()
    {
        var user = await client.SignUpAsync();

        var response = await client.PostAsJsonAsync("/auth/login", new { email = $"  {user.Email.ToUpperInvariant()} ", password = user.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("user").GetProperty("id").GetGuid(), Is.EqualTo(user.Auth.User.Id));
        Assert.That(body.GetProperty("refreshToken").GetString(), Is.Not.EqualTo(user.Auth.RefreshToken));
        var me = await client.GetUserAsync(body.GetProperty("accessToken").GetString()!);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_with_wrong_password_returns_invalid_credentials()
    {
        var user = await client.SignUpAsync();

        var response = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password!" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Unknown_email_and_wrong_password_get_the_same_status_and_body()
    {
        var user = await client.SignUpAsync();

        var wrongPassword = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password!" });
        var unknownEmail = await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(WithoutTraceId(first), Is.EqualTo(WithoutTraceId(second)));
        Assert.That(wrongPassword.Headers.WwwAuthenticate.ToString(), Is.EqualTo(unknownEmail.Headers.WwwAuthenticate.ToString()));
    }

    [Test]
    public async Task Login_without_password_returns_validation_failed()
    {
        var response = await client.PostAsJsonAsync("/auth/login", new { email = "a@example.com" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "password" }));
    }

    [Test]
    public async Task Login_upgrades_a_hash_made_with_weaker_parameters()
    {
        var user = await client.SignUpAsync();
        var weak = WeakHash(user.Password);
        await factory.WithDatabaseAsync(db => db.Users.Where(u => u.Id == user.Auth.User.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, weak)));

        var response = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = await factory.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Auth.User.Id));
        Assert.That(stored.PasswordHash, Does.StartWith("$argon2id$v=19$m=7168,t=5,p=1$"));
    }

    private static string WithoutTraceId(System.Text.Json.JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    private static string WeakHash(string password)
    {
        var hash = new char[Argon2id.HashSize];
        Argon2id.ComputeHash(hash, System.Text.Encoding.UTF8.GetBytes(password), 1, 8 * 1024 * 1024);
        return new string(hash).TrimEnd('\0');
    }
}
