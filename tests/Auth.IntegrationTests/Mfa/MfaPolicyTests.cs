using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mfa;

/// <summary>
/// <c>Auth:Mfa:RequiredForRoles</c>: an admin without a second factor gets 403 <c>mfa_enrollment_required</c> and an
/// enrolment-only mfaToken; admin writes need step-up; an admin resets a user's second factor.
/// </summary>
public sealed class MfaPolicyTests
{
    private const string AdminEmail = "mfa-admin@example.com";
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = MfaFlows.CreateFactory(settings: new Dictionary<string, string?>
        {
            ["Auth:Bootstrap:AdminEmail"] = AdminEmail,
            ["Auth:Mfa:RequiredForRoles:0"] = "admin",
        });
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test, Order(1)]
    public async Task An_admin_without_a_second_factor_must_enrol_and_its_token_allows_only_that()
    {
        var signedUp = await client.SignUpAsync(AdminEmail);
        await client.ConfirmEmailAsync(factory, AdminEmail);

        var login = await client.PostAsJsonAsync("/auth/login", new { email = AdminEmail, password = signedUp.Password });

        var problem = await login.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_enrollment_required");
        var mfaToken = problem.GetProperty("mfaToken").GetString()!;
        await (await client.VerifyAsync(mfaToken, "123456")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");

        var started = await client.PostAsJsonAsync("/auth/mfa/totp", new { mfaToken });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK), await started.Content.ReadAsStringAsync());
        var secret = (await started.ReadJsonAsync()).GetProperty("secret").GetString()!;
        var confirmed = await client.PostAsJsonAsync("/auth/mfa/totp/confirm", new { mfaToken, code = factory.CodeNow(secret) });

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        var body = await confirmed.ReadJsonAsync();
        Assert.That(body.GetProperty("recoveryCodes").GetArrayLength(), Is.EqualTo(10));
        var accessToken = body.GetProperty("session").GetProperty("accessToken").GetString()!;
        Assert.That(MfaFlows.Claims(accessToken).GetProperty("aal").GetString(), Is.EqualTo("aal2"));
        var users = await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", accessToken);
        Assert.That(users.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reused = await client.PostAsJsonAsync("/auth/mfa/totp/confirm", new { mfaToken, code = factory.CodeNow(secret) });
        await reused.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
        factory.NextStep();
        adminSecret = secret;
    }

    [Test, Order(2)]
    public async Task A_role_granted_later_requires_enrolment_at_the_next_sign_in()
    {
        var admin = await factory.SignInWithTotpAsync(client, AdminEmail, adminSecret!);
        var target = await client.SignUpAsync();
        var targetId = (await (await client.GetUserAsync(target.AccessToken)).ReadJsonAsync()).GetProperty("id").GetGuid();

        var granted = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{targetId}/roles", admin.AccessToken, new { role = "admin" });
        var login = await client.PostAsJsonAsync("/auth/login", new { email = target.Email, password = target.Password });

        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        var problem = await login.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_enrollment_required");
        Assert.That(problem.GetProperty("factors").GetArrayLength(), Is.Zero);
        var mfaToken = problem.GetProperty("mfaToken").GetString()!;
        Assert.That((await client.PostAsJsonAsync("/auth/mfa/totp", new { mfaToken })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var wrong = await client.PostAsJsonAsync("/auth/mfa/totp/confirm", new { mfaToken, code = "000000" });
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test, Order(3)]
    public async Task An_admin_resets_a_users_second_factor_and_the_user_is_mailed()
    {
        var admin = await factory.SignInWithTotpAsync(client, AdminEmail, adminSecret!);
        var user = await factory.SignUpWithTotpAsync(client);
        var userId = (await (await client.GetUserAsync(user.Auth.AccessToken)).ReadJsonAsync()).GetProperty("id").GetGuid();

        var reset = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{userId}/mfa", admin.AccessToken);
        var again = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{userId}/mfa", admin.AccessToken);

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await reset.Content.ReadAsStringAsync());
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "mfa_not_enabled");
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var mails = await factory.WaitForAsync(user.Email, count: 3);
        Assert.That(mails.Select(m => m.Subject), Does.Contain("An administrator turned off two-step verification"));
        Assert.That(await factory.AuditTypesAsync(user.Email, "MfaResetByAdmin"), Does.Contain("MfaResetByAdmin"));
    }

    [Test, Order(4)]
    public async Task Resetting_an_unknown_user_is_not_found()
    {
        var admin = await factory.SignInWithTotpAsync(client, AdminEmail, adminSecret!);

        var reset = await client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{Guid.NewGuid()}/mfa", admin.AccessToken);

        await reset.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    private string? adminSecret;
}
