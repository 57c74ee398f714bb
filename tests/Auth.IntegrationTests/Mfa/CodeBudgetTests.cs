using System.Net;
using System.Net.Http.Json;
using Auth.Api.Http;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mfa;

/// <summary>
/// Wrong codes spend the same budgets as wrong passwords: at sign-in a known device's own (OWASP device cookies, see
/// decision 6) or else the email's; inside a session, that session's, on every route that takes a code or the password.
/// </summary>
public sealed class CodeBudgetTests
{
    private const int MaxFailures = 5;
    private const string WrongCode = "000000";

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
    public async Task Wrong_codes_from_a_known_device_lock_that_device_and_not_the_email()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var device = user.Auth.DeviceToken;
        Assert.That(device, Is.Not.Null, "the two-step sign-in made this client a known device");

        // Four on one mfaToken, the fifth on the next (five spend an mfaToken).
        var first = await LoginForMfaTokenAsync(user.Email, device!);
        for (var i = 0; i < MaxFailures - 1; i++)
        {
            await (await client.VerifyAsync(first, WrongCode)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        }

        var second = await LoginForMfaTokenAsync(user.Email, device!);
        await (await client.VerifyAsync(second, WrongCode)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        var fromTheDevice = await client.VerifyAsync(second, factory.CodeNow(user.Secret));
        var elsewhere = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), factory.CodeNow(user.Secret));

        await fromTheDevice.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(fromTheDevice.Headers.RetryAfter, Is.Not.Null);
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the device's failures spend none of the email's budget");
    }

    [Test]
    public async Task Wrong_codes_from_strangers_lock_the_email_but_not_the_owners_known_device()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var device = user.Auth.DeviceToken!;
        var first = await client.LoginForMfaTokenAsync(user.Email);
        for (var i = 0; i < MaxFailures - 1; i++)
        {
            await client.VerifyAsync(first, WrongCode);
        }

        var second = await client.LoginForMfaTokenAsync(user.Email);
        await client.VerifyAsync(second, WrongCode);
        var stranger = await client.VerifyAsync(second, factory.CodeNow(user.Secret));
        var owner = await client.VerifyAsync(await LoginForMfaTokenAsync(user.Email, device), factory.CodeNow(user.Secret));

        await stranger.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.OK), await owner.Content.ReadAsStringAsync());
    }

    [TestCase("POST", "/auth/mfa/recovery-codes")]
    [TestCase("DELETE", "/auth/mfa/totp")]
    public async Task Wrong_codes_in_a_session_spend_its_budget_then_even_the_right_code_gets_429(string method, string path)
    {
        var user = await factory.SignUpWithTotpAsync(client);
        for (var i = 0; i < MaxFailures; i++)
        {
            var wrong = await client.SendWithTokenAsync(new HttpMethod(method), path, user.Auth.AccessToken, new { code = WrongCode });
            await wrong.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_mfa_code");
        }

        var right = await client.SendWithTokenAsync(new HttpMethod(method), path, user.Auth.AccessToken, new { code = factory.CodeNow(user.Secret) });

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(right.Headers.RetryAfter, Is.Not.Null);
        var status = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.Auth.AccessToken)).ReadJsonAsync();
        Assert.That(status.GetProperty("totpEnabled").GetBoolean(), Is.True, "nothing changed");
    }

    [Test]
    public async Task Wrong_codes_confirming_an_enrolment_spend_the_sessions_budget_then_even_the_right_code_gets_429()
    {
        var user = await client.SignUpAsync();
        var started = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });
        var secret = (await started.ReadJsonAsync()).GetProperty("secret").GetString()!;
        for (var i = 0; i < MaxFailures; i++)
        {
            var wrong = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", user.AccessToken, new { code = WrongCode });
            await wrong.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_mfa_code");
        }

        var right = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", user.AccessToken, new { code = factory.CodeNow(secret) });

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        var status = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.AccessToken)).ReadJsonAsync();
        Assert.That(status.GetProperty("totpEnabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Wrong_passwords_starting_an_enrolment_spend_the_sessions_budget_then_even_the_right_one_gets_429()
    {
        var user = await client.SignUpAsync();
        for (var i = 0; i < MaxFailures; i++)
        {
            var wrong = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = "not my password" });
            await wrong.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_password");
        }

        var right = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    private async Task<string> LoginForMfaTokenAsync(string email, string deviceToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email, password = ApiClientExtensions.Password }) };
        request.Headers.Add(DeviceTokenTransport.HeaderName, deviceToken);
        var problem = await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_required");
        return problem.GetProperty("mfaToken").GetString()!;
    }
}
