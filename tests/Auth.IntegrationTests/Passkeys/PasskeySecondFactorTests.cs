using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Passkeys;

/// <summary>A passkey as the second factor of a password sign-in: <c>mfa_required</c> lists it and carries its options.</summary>
public sealed class PasskeySecondFactorTests
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

    private async Task<(MfaUser User, SoftwareAuthenticator Authenticator)> MfaUserWithPasskeyAsync()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var authenticator = new SoftwareAuthenticator();
        await client.AddPasskeyAsync(user.Auth.AccessToken, authenticator);
        return (user, authenticator);
    }

    private async Task<(string MfaToken, JsonElement Problem)> PasswordStepAsync(string email)
    {
        var login = await client.PostAsJsonAsync("/auth/login", new { email, password = ApiClientExtensions.Password });
        var problem = await login.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_required");
        return (problem.GetProperty("mfaToken").GetString()!, problem);
    }

    [Test]
    public async Task An_account_with_a_passkey_lists_it_among_the_factors_with_options_naming_its_passkeys()
    {
        var (user, authenticator) = await MfaUserWithPasskeyAsync();

        var (_, problem) = await PasswordStepAsync(user.Email);

        Assert.That(problem.GetProperty("factors").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "totp", "recovery_code", "passkey" }));
        var allowed = problem.GetProperty("passkeyOptions").GetProperty("allowCredentials").EnumerateArray().Single();
        Assert.That(allowed.GetProperty("id").GetString(), Is.EqualTo(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(authenticator.Credentials.Single().Id)));
    }

    [Test]
    public async Task An_account_without_passkeys_keeps_the_two_factors_and_no_options()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var (_, problem) = await PasswordStepAsync(user.Email);

        Assert.That(problem.GetProperty("factors").GetArrayLength(), Is.EqualTo(2));
        Assert.That(problem.TryGetProperty("passkeyOptions", out _), Is.False);
    }

    [Test]
    public async Task The_passkey_finishes_the_sign_in_as_pwd_hwk_mfa()
    {
        var (user, authenticator) = await MfaUserWithPasskeyAsync();
        var (mfaToken, problem) = await PasswordStepAsync(user.Email);

        var verified = await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, assertion = authenticator.Get(problem.GetProperty("passkeyOptions")) });

        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        var token = (await verified.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
        Assert.That(PasskeyFlows.Amr(token), Is.EqualTo(new[] { "pwd", "hwk", "mfa" }));
        Assert.That(MfaFlows.Claims(token).GetProperty("aal").GetString(), Is.EqualTo("aal2"));
    }

    [Test]
    public async Task A_refused_passkey_counts_like_a_wrong_code_and_the_mfa_token_is_spent_once_used()
    {
        var (user, authenticator) = await MfaUserWithPasskeyAsync();
        var (mfaToken, problem) = await PasswordStepAsync(user.Email);
        var options = problem.GetProperty("passkeyOptions");
        authenticator.BreakSignature = true;

        var wrong = await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, assertion = authenticator.Get(options) });
        authenticator.BreakSignature = false;
        var right = await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, assertion = authenticator.Get(options) });
        var again = await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, assertion = authenticator.Get(options) });

        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), await right.Content.ReadAsStringAsync());
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
        Assert.That(await factory.AuditTypesAsync(user.Email, "MfaCodeFailed", "PasskeyRefused"), Does.Contain("PasskeyRefused"));
    }

    [Test]
    public async Task Another_accounts_passkey_does_not_finish_the_sign_in()
    {
        var (user, _) = await MfaUserWithPasskeyAsync();
        var (_, otherAuthenticator) = await MfaUserWithPasskeyAsync();
        var (mfaToken, problem) = await PasswordStepAsync(user.Email);

        var refused = await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, assertion = otherAuthenticator.Get(problem.GetProperty("passkeyOptions")) });

        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Test]
    public async Task A_code_and_an_assertion_together_are_a_validation_failure()
    {
        var (user, authenticator) = await MfaUserWithPasskeyAsync();
        var (mfaToken, problem) = await PasswordStepAsync(user.Email);

        var both = await client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, code = "123456", assertion = authenticator.Get(problem.GetProperty("passkeyOptions")) });

        await both.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
