using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Mfa;

/// <summary>Enrolling an authenticator app: <c>GET /auth/mfa</c>, <c>POST /auth/mfa/totp</c> and <c>/auth/mfa/totp/confirm</c>.</summary>
public sealed class TotpEnrolmentTests
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
    public async Task Starting_returns_the_secret_its_otpauth_uri_and_a_qr_code_as_svg()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadJsonAsync();
        var secret = body.GetProperty("secret").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(secret, Does.Match("^[A-Z2-7]{32}$"), "160 bits in base32");
            Assert.That(body.GetProperty("otpauthUri").GetString(), Does.StartWith("otpauth://totp/").And.Contain($"secret={secret}").And.Contain("issuer=Auth"));
            Assert.That(body.GetProperty("qrCodeSvg").GetString(), Does.StartWith("<svg").Or.StartWith("<?xml").And.Contain("</svg>"));
        });
    }

    [Test]
    public async Task The_issuer_and_account_label_are_the_configured_ones()
    {
        await using var configured = MfaFlows.CreateFactory(settings: new Dictionary<string, string?>
        {
            ["Auth:Mfa:Issuer"] = "Example Co",
            ["Auth:Mfa:AccountLabel"] = "Name",
        });
        using var configuredClient = configured.CreateClient();
        var user = await configuredClient.SignUpAsync(name: "Ada Lovelace");

        var response = await configuredClient.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });

        var uri = new Uri((await response.ReadJsonAsync()).GetProperty("otpauthUri").GetString()!);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.Multiple(() =>
        {
            Assert.That(Uri.UnescapeDataString(uri.AbsolutePath), Is.EqualTo("/Example Co:Ada Lovelace"), "label: issuer, then the account's name");
            Assert.That(query["issuer"], Is.EqualTo("Example Co"));
            Assert.That(uri.ToString(), Does.Not.Contain(Uri.EscapeDataString(user.Email)).And.Not.Contain(user.Email));
        });
    }

    [Test]
    public async Task A_sign_in_mfa_token_cannot_start_an_enrolment_and_still_signs_in()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);

        var started = await client.PostAsJsonAsync("/auth/mfa/totp", new { mfaToken });
        var confirmed = await client.PostAsJsonAsync("/auth/mfa/totp/confirm", new { mfaToken, code = factory.CodeNow(user.Secret) });
        var verified = await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));

        await started.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
        await confirmed.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused elsewhere, it still does what it was issued for");
    }

    [Test]
    public async Task Starting_with_a_wrong_password_is_refused()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = "not my password" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_password");
    }

    [Test]
    public async Task Starting_in_a_session_without_the_current_password_is_a_validation_failure()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "currentPassword" }));
    }

    [Test]
    public async Task The_status_needs_a_token()
    {
        await (await client.GetAsync("/auth/mfa")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Starting_without_a_token_or_an_mfa_token_is_unauthorized()
    {
        var response = await client.PostAsync("/auth/mfa/totp", System.Net.Http.Json.JsonContent.Create(new { currentPassword = "whatever it is" }));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Confirming_turns_totp_on_and_returns_ten_distinct_recovery_codes_of_at_least_fifty_bits()
    {
        var user = await client.SignUpAsync();

        var enrolled = await factory.EnrolTotpAsync(client, user.AccessToken);

        Assert.That(enrolled.RecoveryCodes, Has.Count.EqualTo(10).And.Unique);
        // 12 characters of a 32-letter alphabet: 60 bits.
        Assert.That(enrolled.RecoveryCodes, Has.All.Match("^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$"));
        var status = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.AccessToken)).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(status.GetProperty("totpEnabled").GetBoolean(), Is.True);
            Assert.That(status.GetProperty("totpEnabledSince").GetDateTime(), Is.Not.EqualTo(default(DateTime)));
            Assert.That(status.GetProperty("recoveryCodesLeft").GetInt32(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Turning_totp_on_is_audited_and_mailed_to_the_owner()
    {
        var user = await client.SignUpAsync();

        await factory.EnrolTotpAsync(client, user.AccessToken);

        var mails = await factory.WaitForAsync(user.Email, count: 2);
        Assert.That(mails.Select(m => m.Subject), Does.Contain("Two-step verification was turned on"));
        Assert.That(await factory.AuditTypesAsync(user.Email, "MfaEnabled"), Does.Contain("MfaEnabled"));
    }

    [Test]
    public async Task A_wrong_code_does_not_turn_totp_on()
    {
        var user = await client.SignUpAsync();
        await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", user.AccessToken, new { code = "000000" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_mfa_code");
        var status = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.AccessToken)).ReadJsonAsync();
        Assert.That(status.GetProperty("totpEnabled").GetBoolean(), Is.False);
        Assert.That(status.GetProperty("totpPending").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Confirming_with_nothing_started_is_a_conflict()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", user.AccessToken, new { code = "123456" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "no_pending_enrolment");
    }

    [Test]
    public async Task A_new_start_replaces_a_pending_one()
    {
        var user = await client.SignUpAsync();
        var first = await (await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password })).ReadJsonAsync();
        await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", user.AccessToken,
            new { code = factory.CodeNow(first.GetProperty("secret").GetString()!) });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_mfa_code");
    }

    [Test]
    public async Task Starting_again_while_totp_is_on_is_a_conflict()
    {
        var user = await client.SignUpAsync();
        await factory.EnrolTotpAsync(client, user.AccessToken);

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", user.AccessToken, new { currentPassword = user.Password });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "mfa_already_enabled");
    }

    [Test]
    public async Task The_secret_is_stored_encrypted_and_the_recovery_codes_hashed()
    {
        var user = await client.SignUpAsync();

        var enrolled = await factory.EnrolTotpAsync(client, user.AccessToken);

        var (stored, hashes) = await factory.WithDatabaseAsync(async db =>
        {
            var row = await db.Users.AsNoTracking().SingleAsync(u => u.Email == user.Email);
            return (row.TotpSecret!, await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == row.Id).Select(c => c.Hash).ToListAsync());
        });
        Assert.That(stored, Does.Not.Contain(enrolled.Secret));
        Assert.That(hashes, Has.Count.EqualTo(10));
        Assert.That(hashes, Has.None.AnyOf(enrolled.RecoveryCodes.Concat(enrolled.RecoveryCodes.Select(c => c.Replace("-", "", StringComparison.Ordinal)))));
    }

    [Test]
    public async Task The_status_of_an_account_without_a_second_factor_says_so()
    {
        var user = await client.SignUpAsync();

        var status = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.AccessToken)).ReadJsonAsync();

        Assert.That(status.GetProperty("totpEnabled").GetBoolean(), Is.False);
        Assert.That(status.GetProperty("recoveryCodesLeft").GetInt32(), Is.Zero);
    }
}
