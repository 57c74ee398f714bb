using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mfa;

/// <summary>
/// Sensitive actions of an account with a second factor need a session that signed in with it (<c>aal2</c>); the
/// changes to the factor itself (<c>DELETE /auth/mfa/totp</c>, <c>POST /auth/mfa/recovery-codes</c>).
/// </summary>
public sealed class StepUpTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = MfaFlows.CreateFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task A_session_from_before_totp_was_on_cannot_change_the_password()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.FirstAccessToken,
            new { currentPassword = user.Password, newPassword = "another long passphrase" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
    }

    [Test]
    public async Task A_session_from_before_totp_was_on_cannot_delete_the_account()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/user", user.FirstAccessToken, new { password = user.Password });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
    }

    [Test]
    public async Task A_session_from_before_totp_was_on_cannot_change_the_email_address()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/email", user.FirstAccessToken,
            new { newEmail = ApiClientExtensions.NewEmail(), currentPassword = user.Password });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
    }

    [TestCase("DELETE", "/auth/mfa/totp")]
    [TestCase("POST", "/auth/mfa/recovery-codes")]
    public async Task A_session_from_before_totp_was_on_cannot_change_the_second_factor(string method, string path)
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(new HttpMethod(method), path, user.FirstAccessToken, new { code = factory.CodeNow(user.Secret) });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
    }

    [Test]
    public async Task A_two_factor_session_changes_the_password()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.Auth.AccessToken,
            new { currentPassword = user.Password, newPassword = "another long passphrase" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_account_without_a_second_factor_needs_no_step_up()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.AccessToken,
            new { currentPassword = user.Password, newPassword = "another long passphrase" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Turning_totp_off_with_a_code_is_mailed_audited_and_ends_no_session()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/mfa/totp", user.Auth.AccessToken, new { code = factory.CodeNow(user.Secret) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var status = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.Auth.AccessToken)).ReadJsonAsync();
        Assert.That(status.GetProperty("totpEnabled").GetBoolean(), Is.False);
        Assert.That(status.GetProperty("recoveryCodesLeft").GetInt32(), Is.Zero);
        Assert.That((await client.GetUserAsync(user.FirstAccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "no session ended");
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password alone signs in again");
        var mails = await factory.WaitForAsync(user.Email, count: 3);
        Assert.That(mails.Select(m => m.Subject), Does.Contain("Two-step verification was turned off"));
        Assert.That(await factory.AuditTypesAsync(user.Email, "MfaDisabled"), Does.Contain("MfaDisabled"));
    }

    [Test]
    public async Task Turning_totp_off_with_a_recovery_code_works()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/mfa/totp", user.Auth.AccessToken, new { code = user.RecoveryCodes[0] });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Turning_totp_off_with_a_wrong_code_is_refused()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/mfa/totp", user.Auth.AccessToken, new { code = "000000" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_mfa_code");
    }

    [Test]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/recovery-codes", user.Auth.AccessToken, new { code = factory.CodeNow(user.Secret) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var fresh = (await response.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.That(fresh, Has.Length.EqualTo(10).And.No.AnyOf(user.RecoveryCodes));
        var old = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), recoveryCode: user.RecoveryCodes[1]);
        await old.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        var mails = await factory.WaitForAsync(user.Email, count: 3);
        Assert.That(mails.Select(m => m.Subject), Does.Contain("New recovery codes were made"));
        Assert.That(await factory.AuditTypesAsync(user.Email, "RecoveryCodesRegenerated"), Does.Contain("RecoveryCodesRegenerated"));
    }

    [Test]
    public async Task A_change_of_the_second_factor_spends_outstanding_reset_links()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var resetToken = await factory.TokenMailedToAsync(user.Email, count: 3);

        await client.SendWithTokenAsync(HttpMethod.Delete, "/auth/mfa/totp", user.Auth.AccessToken, new { code = factory.CodeNow(user.Secret) });
        var reset = await client.PostAsJsonAsync("/auth/password/reset", new { token = resetToken, newPassword = "another long passphrase" });

        await reset.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }
}
