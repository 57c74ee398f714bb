using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Application.Abstractions;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// Every example problem in docs/openapi.json is what the service really answers in that situation. Examples are a
/// function of their code (the first test says so), so each documented code is provoked for real once, and its
/// status, <c>type</c>, <c>title</c>, <c>detail</c> and <c>code</c> compared with the example. A code documented
/// without a situation here fails, so a new code cannot ship with an unchecked example.
/// </summary>
public sealed class OpenApiExamplesTests
{
    private const string AdminEmail = "examples-admin@example.com";
    private static readonly string[] Compared = ["type", "title", "status", "detail", "code"];

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser admin = null!;

    private static IEnumerable<string> DocumentedCodes() =>
        Examples().Select(e => (string)e.Example["code"]!).Distinct().Order(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new AuthApiFactory(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow),
            settings: new Dictionary<string, string?> { ["Auth:Bootstrap:AdminEmail"] = AdminEmail });
        client = factory.CreateClient();
        admin = await factory.SignUpAdminAsync(client, AdminEmail);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public void Examples_of_one_code_are_one_body()
    {
        var differing = Examples()
            .GroupBy(e => (string)e.Example["code"]!)
            .Where(g => g.Select(e => e.Example.ToJsonString()).Distinct().Count() > 1)
            .Select(g => g.Key);

        Assert.That(differing, Is.Empty);
    }

    [TestCaseSource(nameof(DocumentedCodes))]
    public async Task The_example_of_a_code_is_what_the_service_answers(string code)
    {
        var example = Examples().First(e => (string)e.Example["code"]! == code);

        using var response = await ProvokeAsync(code);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var real = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(int.Parse(example.Status, System.Globalization.CultureInfo.InvariantCulture)), $"{example.Operation}: {real}");
            foreach (var member in Compared.Concat(Extra(code)))
            {
                Assert.That(real[member]?.ToJsonString(), Is.EqualTo(example.Example[member]?.ToJsonString()), $"`{member}` of {code} ({example.Operation})");
            }
        });
    }

    // Members beyond RFC 9457's that a code always carries, with values the situation below fixes.
    private static string[] Extra(string code) => code switch
    {
        "bad_request" => ["line", "column"],
        "weak_password" => ["reasons"],
        "mfa_required" => ["factors"],
        _ => [],
    };

    private async Task<HttpResponseMessage> ProvokeAsync(string code)
    {
        switch (code)
        {
            case "invalid_token":
                return await client.GetAsync("/auth/user");
            case "validation_failed":
                return await client.PostAsJsonAsync("/auth/login", new { });
            case "bad_request":
                return await client.PostAsync("/auth/login", Json("{\"email\": \"a@example.com\", "));
            case "payload_too_large":
                return await client.PostAsync("/auth/login", Json($"{{\"email\":\"{new string('a', 33 * 1024)}\"}}"));
            case "unsupported_media_type":
                return await client.PostAsync("/auth/login", new StringContent("email=a", Encoding.UTF8, "application/x-www-form-urlencoded"));
            case "invalid_credentials":
                return await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "not the password" });
            case "email_taken":
                return await client.PostAsJsonAsync("/auth/signup", new { email = admin.Email, password = ApiClientExtensions.Password, name = "Twin" });
            case "weak_password":
                return await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = "password1", name = "Weak" });
            case "forbidden":
                return await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", (await client.SignUpAsync()).AccessToken);
            case "user_not_found":
                return await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/users/{Guid.NewGuid()}", admin.AccessToken);
            case "cannot_change_own_access":
                {
                    // A second admin, so the last-admin rule is not what refuses it.
                    var other = await client.SignUpAsync();
                    var granted = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{other.Auth.User.Id}/roles", admin.AccessToken, new { role = "admin" });
                    Assert.That(granted.IsSuccessStatusCode, Is.True, await granted.Content.ReadAsStringAsync());
                    var otherToken = await client.LoginAsync(other.Email, other.Password);
                    return await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{other.Auth.User.Id}/disable", otherToken);
                }

            case "session_not_found":
                return await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/sessions/{Guid.NewGuid()}", (await client.SignUpAsync()).AccessToken);
            case "wrong_password":
                return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", (await client.SignUpAsync()).AccessToken,
                    new { currentPassword = "not the password", newPassword = "a brand new passphrase" });
            case "too_many_attempts":
                {
                    var email = ApiClientExtensions.NewEmail();
                    HttpResponseMessage last;
                    do
                    {
                        last = await client.PostAsJsonAsync("/auth/login", new { email, password = "not the password" });
                    }
                    while (last.StatusCode == HttpStatusCode.Unauthorized);
                    return last;
                }

            case "invalid_refresh_token":
                return await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = "not-a-refresh-token" });
            case "invalid_account_token":
                return await client.PostAsJsonAsync("/auth/email/confirm", new { token = "not-a-token" });
            case "too_many_email_changes":
                {
                    var user = await client.SignUpAsync();
                    HttpResponseMessage last;
                    do
                    {
                        last = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/email", user.AccessToken,
                            new { newEmail = ApiClientExtensions.NewEmail(), currentPassword = user.Password });
                    }
                    while (last.StatusCode == HttpStatusCode.Accepted);
                    return last;
                }

            case "mfa_not_enabled":
                return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/recovery-codes", (await client.SignUpAsync()).AccessToken, new { code = "123456" });
            case "no_pending_enrolment":
                return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", (await client.SignUpAsync()).AccessToken, new { code = "123456" });
            case "mfa_already_enabled":
                {
                    var user = await factory.SignUpWithTotpAsync(client);
                    return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.Auth.AccessToken, new { currentPassword = user.Password });
                }

            case "wrong_mfa_code":
                {
                    var user = await factory.SignUpWithTotpAsync(client);
                    return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/recovery-codes", user.Auth.AccessToken, new { code = "000000" });
                }

            case "mfa_required":
                {
                    var user = await factory.SignUpWithTotpAsync(client);
                    return await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
                }

            case "invalid_mfa_token":
                return await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken = "not-an-mfa-token", code = "123456" });
            case "account_disabled":
                {
                    var user = await factory.SignUpWithTotpAsync(client);
                    var mfaToken = await client.LoginForMfaTokenAsync(user.Email, user.Password);
                    var disabled = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/disable", admin.AccessToken);
                    Assert.That(disabled.IsSuccessStatusCode, Is.True, await disabled.Content.ReadAsStringAsync());
                    return await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));
                }

            case "mfa_step_up_required":
                {
                    // The session that enrolled signed in with the password alone.
                    var user = await factory.SignUpWithTotpAsync(client);
                    return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/email", user.FirstAccessToken,
                        new { newEmail = ApiClientExtensions.NewEmail(), currentPassword = user.Password });
                }

            case "invalid_passkey":
                {
                    var user = await client.SignUpAsync();
                    var authenticator = new SoftwareAuthenticator();
                    await client.AddPasskeyAsync(user.AccessToken, authenticator);
                    var (challengeId, options) = await client.SignInOptionsAsync();
                    var assertion = authenticator.Get(options);
                    await client.PasskeyLoginAsync(challengeId, assertion);
                    return await client.PasskeyLoginAsync(challengeId, assertion);
                }

            case "passkey_not_found":
                return await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/passkeys/{Guid.NewGuid()}", (await client.SignUpAsync()).AccessToken);
            case "last_sign_in_method":
                {
                    var user = await client.SignUpAsync();
                    var passkey = await client.AddPasskeyAsync(user.AccessToken, new SoftwareAuthenticator());
                    // An account without a password (as sign-in through another provider makes one) stands in here.
                    await factory.WithDatabaseAsync(db => db.Users.Where(u => u.Id == user.Auth.User.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, "")));
                    return await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/passkeys/{passkey.GetProperty("id").GetString()}", user.AccessToken);
                }

            case "unknown_provider":
                return await client.GetAsync($"/auth/external/nobody/start?{ExternalFlows.StartQuery("http://localhost:3000/back")}");
            case "invalid_state":
                return await client.GetAsync("/auth/external/nobody/callback?state=not-a-state&code=x");
            case "invalid_exchange_code":
                return await client.PostAsJsonAsync("/auth/external/exchange", new { code = "not-a-code", codeVerifier = ExternalFlows.CodeVerifier });
            case "identity_not_found":
                return await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{Guid.NewGuid()}", (await client.SignUpAsync()).AccessToken);
            case "password_not_set":
                {
                    var user = await client.SignUpAsync();
                    // An account made by an external provider has no password.
                    await factory.WithDatabaseAsync(db => db.Users.Where(u => u.Id == user.Auth.User.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, "")));
                    return await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.AccessToken,
                        new { currentPassword = "anything", newPassword = "a brand new passphrase" });
                }

            case "invalid_return_url":
            case "provider_unavailable":
                // A provider on a loopback port nobody listens on: its metadata cannot be read.
                return await InOtherServiceAsync(new()
                {
                    ["ExternalProviders:down:Authority"] = "http://127.0.0.1:9",
                    ["ExternalProviders:down:ClientId"] = "client",
                    ["ExternalProviders:down:ClientSecret"] = "secret",
                    ["ExternalSignIn:ReturnOrigins:0"] = "https://app.example.com",
                }, other => other.GetAsync($"/auth/external/down/start?{ExternalFlows.StartQuery(code == "invalid_return_url" ? "https://evil.example/" : "https://app.example.com/back")}"));
            case "external_account_exists":
                {
                    await using var idp = await TestIdentityProvider.StartAsync([ExternalFlows.CallbackUrl]);
                    await using var other = ExternalFlows.CreateFactory(idp);
                    using var browser = other.CreateBrowser();
                    var owner = await browser.SignUpAsync();
                    var back = await browser.SignInAtProviderAsync(idp, new TestIdpUser("someone", owner.Email));
                    var refused = await browser.ExchangeAsync(back["code"]);
                    await refused.Content.LoadIntoBufferAsync();
                    return refused;
                }

            case "csrf_header_missing":
                return await InOtherServiceAsync(new() { ["Auth:RefreshTokenTransport"] = "cookie", ["Cors:AllowedOrigins:0"] = "https://app.example.com" },
                    other => other.PostAsync("/auth/refresh", null));
            case "too_many_requests":
                return await InOtherServiceAsync(new() { ["RateLimiting:Enabled"] = "true", ["RateLimiting:PermitLimit"] = "1" },
                    async other =>
                    {
                        await other.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "x" });
                        return await other.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "x" });
                    });
            case "not_ready":
                return await InOtherServiceAsync(new() { ["Database:MigrateOnStartup"] = "false" }, other => other.GetAsync("/health/ready"),
                    databasePath: Path.Combine("/proc", "no-such-dir", "auth.db"));
            case "overloaded":
                return await OverloadedAsync();
            default:
                Assert.Fail($"The document has an example of `{code}`, but no situation here provokes it: add one, so the example is checked.");
                throw new InvalidOperationException();
        }
    }

    private static async Task<HttpResponseMessage> InOtherServiceAsync(Dictionary<string, string?> settings, Func<HttpClient, Task<HttpResponseMessage>> call, string? databasePath = null)
    {
        await using var other = new AuthApiFactory(databasePath, settings: settings);
        using var otherClient = other.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var response = await call(otherClient);
        // The body outlives the service: read it into memory before the host stops.
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<HttpResponseMessage> OverloadedAsync()
    {
        await using var other = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["PasswordHashing:MaxConcurrency"] = "1",
            ["PasswordHashing:MaxQueueLength"] = "1",
        });
        var gated = other.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<GatedPasswordHasher>();
            services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<GatedPasswordHasher>());
        }));
        using var otherClient = gated.CreateClient();
        var hasher = gated.Services.GetRequiredService<GatedPasswordHasher>();
        hasher.Close();
        Task<HttpResponseMessage> Login() => otherClient.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "a wrong password" });
        var waiting = new[] { Login(), Login() };
        await hasher.WaitUntilWaitingAsync(1);
        var refused = await Login();
        await refused.Content.LoadIntoBufferAsync();
        hasher.Open();
        await Task.WhenAll(waiting);
        return refused;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static IEnumerable<(string Operation, string Status, JsonObject Example)> Examples()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "docs", "openapi.json")))!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    if (response?["content"]?["application/problem+json"]?["example"] is JsonObject example)
                    {
                        yield return ($"{method.ToUpperInvariant()} {path}", status, example);
                    }
                }
            }
        }
    }
}
