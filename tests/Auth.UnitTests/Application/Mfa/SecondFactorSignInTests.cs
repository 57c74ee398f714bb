using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Mfa.VerifyMfa;
using Auth.Application.Sessions.Login;
using Auth.Domain.Mfa;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Mfa;

/// <summary>The two-step sign-in: the password answers with an mfaToken, the code starts the session under the lockout.</summary>
public sealed class SecondFactorSignInTests
{
    private const string Password = "correct horse";

    private Ports ports = null!;
    private User user = null!;
    private string secret = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUserWithTotp(out secret);
        ports.PasswordCheckIs("stored-hash", Password, PasswordVerification.Succeeded);
    }

    [Test]
    public async Task The_right_password_of_an_account_with_totp_starts_no_session_and_returns_an_mfa_token()
    {
        var result = await Login();

        Assert.That(result.Error?.Code, Is.EqualTo(AuthErrors.MfaRequiredCode));
        Assert.That(result.Error!.Extensions![AuthErrors.MfaTokenMember], Is.InstanceOf<string>());
        Assert.That(ports.AddedSessions, Is.Empty);
        var challenge = ports.Mfa.Challenges.Single();
        Assert.That(challenge.Purpose, Is.EqualTo(MfaChallengePurpose.SignIn));
        Assert.That(challenge.ExpiresAt, Is.EqualTo(ports.Now + Ports.ChallengeLifetime));
        Assert.That(ports.Recorded, Has.None.InstanceOf<LoginSucceeded>());
    }

    [Test]
    public async Task The_code_starts_an_aal2_session()
    {
        var token = await MfaTokenAsync();

        var result = await Verify(token, ports.Code(secret));

        Assert.That(result.IsSuccess, Is.True, result.Error?.Code);
        var session = ports.AddedSessions.Single();
        Assert.That(session.Amr, Is.EqualTo(new[] { "pwd", "otp", "mfa" }));
        Assert.That(session.Aal, Is.EqualTo("aal2"));
        Assert.That(ports.Mfa.Challenges.Single().SpentAt, Is.EqualTo(ports.Now));
    }

    [Test]
    public async Task A_wrong_code_counts_against_the_email_and_the_token_until_it_is_spent()
    {
        var token = await MfaTokenAsync();

        for (var i = 0; i < Ports.MaxCodeFailures; i++)
        {
            // The lockout (3 here) would stop the guesses first; this test is about the token's own limit.
            await ports.Throttles.ForgiveAsync(user.NormalizedEmail, CancellationToken.None);
            Assert.That((await Verify(token, "000000")).Error, Is.EqualTo(AuthErrors.InvalidMfaCode));
        }

        Assert.That((await Verify(token, ports.Code(secret))).Error, Is.EqualTo(AuthErrors.InvalidMfaToken));
        Assert.That(ports.CommittedOf<MfaCodeFailed>(), Has.Count.EqualTo(Ports.MaxCodeFailures));
    }

    [Test]
    public async Task Wrong_codes_lock_the_email_like_wrong_passwords()
    {
        var token = await MfaTokenAsync();
        for (var i = 0; i < Ports.MaxFailures; i++)
        {
            await Verify(token, "000000");
        }

        var result = await Verify(token, ports.Code(secret));

        Assert.That(result.Error?.Code, Is.EqualTo(AuthErrors.TooManyAttemptsCode));
        Assert.That(ports.CommittedOf<LockedOut>(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_right_password_withdraws_its_own_count_but_keeps_earlier_code_failures()
    {
        await Verify(await MfaTokenAsync(), "000000");

        await MfaTokenAsync();

        Assert.That(ports.Throttles.FailuresOf(user.NormalizedEmail), Is.EqualTo(1));
        Assert.That(ports.Throttles.Calls, Does.Not.Contain($"forgive:{user.NormalizedEmail}"));
    }

    [Test]
    public async Task A_right_code_forgives_the_email()
    {
        var token = await MfaTokenAsync();
        await Verify(token, "000000");

        await Verify(token, ports.Code(secret));

        Assert.That(ports.Throttles.FailuresOf(user.NormalizedEmail), Is.Zero);
    }

    [Test]
    public async Task A_token_presented_by_another_client_is_refused()
    {
        var token = await MfaTokenAsync();

        var result = await ports.SignIn().SignInAsync(
            ct => ports.SecondFactorVerifier().VerifyAsync(token, ports.Code(secret), null, new("198.51.100.1", "Other/2.0"), ct),
            Ports.Client, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidMfaToken));
        Assert.That(ports.Throttles.Calls.Count(c => c.StartsWith("count:", StringComparison.Ordinal)), Is.EqualTo(1), "only the password was counted");
    }

    [Test]
    public async Task An_account_whose_role_requires_a_second_factor_gets_an_enrolment_only_token()
    {
        var admin = ports.AddAdmin("root@example.com");
        ports.MfaPolicy.Setup(p => p.RequiredForRoles).Returns([RoleNames.Admin]);

        var result = await ports.Handler<LoginHandler>()
            .Handle(new LoginCommand(admin.Email, Password, Ports.Client), CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo(AuthErrors.MfaEnrollmentRequiredCode));
        Assert.That(ports.Mfa.Challenges.Single().Purpose, Is.EqualTo(MfaChallengePurpose.Enrolment));
        var verified = await Verify((string)result.Error!.Extensions![AuthErrors.MfaTokenMember], "123456");
        Assert.That(verified.Error, Is.EqualTo(AuthErrors.InvalidMfaToken), "an enrolment token does not sign in");
    }

    [Test]
    public async Task An_account_without_a_second_factor_or_a_required_role_signs_in_with_the_password()
    {
        var plain = ports.AddUser("plain@example.com");
        ports.MfaPolicy.Setup(p => p.RequiredForRoles).Returns([RoleNames.Admin]);

        var result = await ports.Handler<LoginHandler>()
            .Handle(new LoginCommand(plain.Email, Password, Ports.Client), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(ports.AddedSessions.Single().Aal, Is.EqualTo("aal1"));
        Assert.That(ports.Mfa.Challenges, Is.Empty);
    }

    private Task<Auth.Application.Common.Results.Result<Auth.Application.Sessions.Common.AuthResult>> Login() =>
        ports.Handler<LoginHandler>().Handle(new LoginCommand(user.Email, Password, Ports.Client), CancellationToken.None).AsTask();

    private async Task<string> MfaTokenAsync() => (string)(await Login()).Error!.Extensions![AuthErrors.MfaTokenMember];

    private Task<Auth.Application.Common.Results.Result<Auth.Application.Sessions.Common.AuthResult>> Verify(string token, string code) =>
        ports.Handler<VerifyMfaHandler>()
            .Handle(new VerifyMfaCommand(token, code, null, Ports.Client), CancellationToken.None).AsTask();
}
