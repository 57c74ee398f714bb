using System.Net;
using System.Net.Http.Json;
using Auth.Api.Contracts;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Mfa;

/// <summary>Signing in with a second factor: 403 <c>mfa_required</c> with an mfaToken, then <c>POST /auth/mfa/verify</c>.</summary>
public sealed class MfaLoginTests
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
    public async Task The_right_password_of_an_account_with_totp_answers_mfa_required_with_a_token_and_the_factors_and_no_session()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        var problem = await login.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_required");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("mfaToken").GetString(), Has.Length.GreaterThanOrEqualTo(43));
            Assert.That(problem.GetProperty("factors").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "totp", "recovery_code" }));
            Assert.That(problem.TryGetProperty("accessToken", out _), Is.False);
            Assert.That(problem.TryGetProperty("refreshToken", out _), Is.False);
        });
    }

    [Test]
    public async Task A_wrong_password_of_an_account_with_totp_is_still_invalid_credentials()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "not my password" });

        var problem = await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(problem.TryGetProperty("mfaToken", out _), Is.False);
    }

    [Test]
    public async Task The_app_code_starts_an_aal2_session_whose_token_says_how_it_signed_in()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var claims = MfaFlows.Claims(user.Auth.AccessToken);

        Assert.That(claims.GetProperty("amr").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "pwd", "otp", "mfa" }));
        Assert.That(claims.GetProperty("aal").GetString(), Is.EqualTo("aal2"));
        Assert.That(user.Auth.RefreshToken, Is.Not.Null);
        var session = (await (await client.GetUserAsync(user.Auth.AccessToken)).ReadJsonAsync()).GetProperty("session");
        Assert.That(session.GetProperty("aal").GetString(), Is.EqualTo("aal2"));
        Assert.That(session.GetProperty("id").GetGuid(), Is.EqualTo(user.Auth.SessionIdFromToken()));
    }

    [Test]
    public async Task The_sessions_list_tells_the_two_factor_session_from_the_one_started_before()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var sessions = (await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/sessions", user.Auth.AccessToken)).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToArray();

        var levels = sessions.ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("aal").GetString());
        Assert.That(levels[user.Auth.SessionIdFromToken()], Is.EqualTo("aal2"));
        Assert.That(levels.Values, Does.Contain("aal1"), "the signup's session started before TOTP was on");
        var mine = sessions.Single(s => s.GetProperty("current").GetBoolean());
        Assert.That(mine.GetProperty("amr").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "pwd", "otp", "mfa" }));
    }

    [Test]
    public async Task A_refreshed_token_keeps_the_sessions_assurance()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var refreshed = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });

        var auth = (await refreshed.Content.ReadFromJsonAsync<AuthResponse>())!;
        Assert.That(MfaFlows.Claims(auth.AccessToken).GetProperty("aal").GetString(), Is.EqualTo("aal2"));
    }

    [Test]
    public async Task A_code_works_once()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var code = factory.CodeNow(user.Secret);
        var first = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), code);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var replay = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), code);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task A_code_of_the_step_before_or_after_is_accepted_but_not_two_steps_away()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var now = factory.Time!.GetUtcNow();

        var stale = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), MfaFlows.Code(user.Secret, now.AddSeconds(-60)));
        var early = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), MfaFlows.Code(user.Secret, now.AddSeconds(30)));

        await stale.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.OK), "one step of drift is allowed");
    }

    [Test]
    public async Task A_recovery_code_works_once_and_the_owner_is_told_how_many_are_left()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var recoveryCode = user.RecoveryCodes[3];

        var first = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), recoveryCode: recoveryCode.ToUpperInvariant());
        var again = await client.VerifyAsync(await client.LoginForMfaTokenAsync(user.Email), recoveryCode: recoveryCode);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        var mail = (await factory.WaitForAsync(user.Email, count: 3)).Single(m => m.Subject == "A recovery code was used");
        Assert.That(mail.TextBody, Does.Contain("9 unused codes are left"));
        Assert.That(await factory.AuditTypesAsync(user.Email, "RecoveryCodeUsed"), Does.Contain("RecoveryCodeUsed"));
    }

    [Test]
    public async Task Five_wrong_codes_spend_the_mfa_token()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
        for (var i = 0; i < 4; i++)
        {
            await (await client.VerifyAsync(mfaToken, "000000")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        }

        await (await client.VerifyAsync(mfaToken, "000000")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        var right = await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));

        await right.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task Wrong_codes_count_against_the_accounts_lockout_across_sign_ins()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        // The right password neither counts nor clears: five wrong codes over three sign-ins lock the email.
        for (var i = 0; i < 2; i++)
        {
            var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
            await client.VerifyAsync(mfaToken, "000000");
            await client.VerifyAsync(mfaToken, "000000");
        }

        var last = await client.LoginForMfaTokenAsync(user.Email);
        await (await client.VerifyAsync(last, "000000")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        var right = await client.VerifyAsync(last, factory.CodeNow(user.Secret));
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        await login.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(await factory.AuditTypesAsync(user.Email, "MfaCodeFailed", "LockedOut"), Does.Contain("LockedOut"));
    }

    [Test]
    public async Task A_completed_sign_in_clears_the_budget()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
        for (var i = 0; i < 3; i++)
        {
            await client.VerifyAsync(mfaToken, "000000");
        }

        Assert.That((await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        factory.NextStep();
        var next = await client.LoginForMfaTokenAsync(user.Email);
        for (var i = 0; i < 4; i++)
        {
            await (await client.VerifyAsync(next, "000000")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        }
    }

    [Test]
    public async Task A_used_mfa_token_cannot_start_a_second_session()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
        Assert.That((await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        factory.NextStep();

        var again = await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));

        await again.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task An_mfa_token_expires_after_five_minutes()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
        factory.Time!.Advance(TimeSpan.FromMinutes(5));

        var late = await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));

        await late.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task An_mfa_token_works_only_for_the_client_it_was_issued_to()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
        using var other = factory.CreateClient();
        other.DefaultRequestHeaders.UserAgent.ParseAdd("SomeoneElse/1.0");

        var stolen = await other.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));

        await stolen.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task An_account_disabled_between_the_password_and_the_code_gets_no_session()
    {
        var user = await factory.SignUpWithTotpAsync(client);
        var mfaToken = await client.LoginForMfaTokenAsync(user.Email);
        await factory.WithDatabaseAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Email == user.Email);
            row.Disable(factory.Time!.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var verified = await client.VerifyAsync(mfaToken, factory.CodeNow(user.Secret));

        await verified.AssertProblemAsync(HttpStatusCode.Forbidden, "account_disabled");
    }

    [Test]
    public async Task Verify_needs_exactly_one_of_code_and_recovery_code()
    {
        var response = await client.VerifyAsync("some-token", "123456", "abcd-efgh-jkmn");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_login_of_an_account_without_a_second_factor_reads_no_second_factor_table()
    {
        var user = await client.SignUpAsync();
        var before = factory.DatabaseCommands;

        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var sql = factory.DatabaseCommandTexts.Skip(before).ToArray();
        Assert.That(sql, Has.None.Contains("MfaChallenges").And.None.Contains("RecoveryCodes"));
    }
}
