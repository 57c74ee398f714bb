using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Passkeys;

/// <summary>
/// Signing in with a passkey and no password, with real assertions from a software authenticator: every refusal is
/// the same 401 <c>invalid_passkey</c>, none a 500, and each is on the audit trail.
/// </summary>
public sealed class PasskeySignInTests
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

    private async Task<(SignedUpUser User, SoftwareAuthenticator Authenticator)> UserWithPasskeyAsync(bool synced = false)
    {
        var user = await client.SignUpAsync();
        var authenticator = new SoftwareAuthenticator { Synced = synced };
        await client.AddPasskeyAsync(user.AccessToken, authenticator);
        return (user, authenticator);
    }

    [Test]
    public async Task A_device_bound_passkey_signs_in_without_a_password_as_hwk_at_aal2()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();

        var auth = await client.SignInWithPasskeyAsync(authenticator);

        Assert.That(PasskeyFlows.Amr(auth.AccessToken), Is.EqualTo(new[] { "hwk", "mfa" }));
        Assert.That(MfaFlows.Claims(auth.AccessToken).GetProperty("aal").GetString(), Is.EqualTo("aal2"));
        Assert.That(auth.RefreshToken, Is.Not.Null);
        Assert.That(auth.DeviceToken, Is.Not.Null);
        var me = await (await client.GetUserAsync(auth.AccessToken)).ReadJsonAsync();
        Assert.That(me.GetProperty("email").GetString(), Is.EqualTo(user.Email));
        var passkey = (await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/passkeys", auth.AccessToken)).ReadJsonAsync()).EnumerateArray().Single();
        Assert.That(passkey.GetProperty("lastUsedAt").GetDateTime(), Is.Not.EqualTo(default(DateTime)));
        Assert.That(await factory.AuditTypesAsync(user.Email, "LoginSucceeded"), Does.Contain("LoginSucceeded"));
    }

    [Test]
    public async Task A_synced_passkey_signs_in_as_swk()
    {
        var (_, authenticator) = await UserWithPasskeyAsync(synced: true);

        var auth = await client.SignInWithPasskeyAsync(authenticator);

        Assert.That(PasskeyFlows.Amr(auth.AccessToken), Is.EqualTo(new[] { "swk", "mfa" }));
    }

    [Test]
    public async Task The_options_list_no_credentials_and_look_the_same_for_a_known_an_unknown_and_no_email()
    {
        var (user, _) = await UserWithPasskeyAsync();

        var none = (await client.SignInOptionsAsync()).Options;
        var known = (await client.SignInOptionsAsync(user.Email)).Options;
        var unknown = (await client.SignInOptionsAsync(ApiClientExtensions.NewEmail())).Options;

        foreach (var options in new[] { none, known, unknown })
        {
            Assert.That(options.GetProperty("rpId").GetString(), Is.EqualTo("localhost"));
            Assert.That(options.GetProperty("userVerification").GetString(), Is.EqualTo("required"));
            Assert.That(options.TryGetProperty("allowCredentials", out var allowed) ? allowed.GetArrayLength() : 0, Is.Zero);
        }
    }

    [Test]
    public async Task An_email_narrows_the_sign_in_to_that_accounts_passkeys()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var (other, _) = await UserWithPasskeyAsync();

        Assert.That((await client.SignInWithPasskeyAsync(authenticator, user.Email)).AccessToken, Is.Not.Empty);
        var (challengeId, options) = await client.SignInOptionsAsync(other.Email);
        var refused = await client.PasskeyLoginAsync(challengeId, authenticator.Get(options));

        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Test]
    public async Task A_used_challenge_is_refused_and_of_two_racing_for_one_only_one_signs_in()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var (challengeId, options) = await client.SignInOptionsAsync();
        var first = authenticator.Get(options);
        var second = authenticator.Get(options);

        var results = await Task.WhenAll(client.PasskeyLoginAsync(challengeId, first), client.PasskeyLoginAsync(challengeId, second));
        var replay = await client.PasskeyLoginAsync(challengeId, authenticator.Get(options));

        Assert.That(results.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
        Assert.That(await factory.AuditTypesAsync(user.Email, "LoginSucceeded"), Has.Exactly(1).EqualTo("LoginSucceeded"));
    }

    [Test]
    public async Task A_challenge_older_than_five_minutes_is_refused()
    {
        var (_, authenticator) = await UserWithPasskeyAsync();
        var (challengeId, options) = await client.SignInOptionsAsync();
        factory.Time!.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var late = await client.PasskeyLoginAsync(challengeId, authenticator.Get(options));

        await late.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Test]
    public async Task Every_refusal_is_the_same_invalid_passkey_and_is_audited()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var stranger = new SoftwareAuthenticator();
        stranger.Create(await client.RegistrationOptionsAsync((await client.SignUpAsync()).AccessToken));
        var refusals = new List<(string Case, HttpResponseMessage Response)>();

        async Task Attempt(string name, Func<System.Text.Json.JsonElement, JsonNode> answer, Guid? challenge = null)
        {
            var (challengeId, options) = await client.SignInOptionsAsync();
            refusals.Add((name, await client.PasskeyLoginAsync(challenge ?? challengeId, answer(options))));
        }

        await Attempt("unknown credential", o => stranger.Get(o));
        authenticator.Origin = "https://evil.example";
        await Attempt("wrong origin", o => authenticator.Get(o));
        authenticator.Origin = SoftwareAuthenticator.DefaultOrigin;
        authenticator.RpId = "evil.example";
        await Attempt("wrong rp id", o => authenticator.Get(o));
        authenticator.RpId = null;
        authenticator.BreakSignature = true;
        await Attempt("bad signature", o => authenticator.Get(o));
        authenticator.BreakSignature = false;
        authenticator.UserVerified = false;
        await Attempt("no user verification", o => authenticator.Get(o));
        authenticator.UserVerified = true;
        await Attempt("another challenge signed", o => authenticator.Get(o, challenge: Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(new byte[32])));
        await Attempt("unknown challenge id", o => authenticator.Get(o), Guid.NewGuid());
        await Attempt("not an assertion", _ => new JsonObject { ["id"] = "x", ["response"] = new JsonObject { ["clientDataJSON"] = "!!" } });

        foreach (var (name, response) in refusals)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), name);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
        }

        Assert.That(await factory.AuditTypesAsync(user.Email, "PasskeyRefused"), Does.Contain("PasskeyRefused"));
        // The right answer still works: none of the refusals touched the passkey.
        Assert.That((await client.SignInWithPasskeyAsync(authenticator)).AccessToken, Is.Not.Empty);
    }

    [Test]
    public async Task A_device_bound_passkey_whose_counter_goes_back_is_refused_and_audited_a_synced_one_is_not()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        await client.SignInWithPasskeyAsync(authenticator);
        await client.SignInWithPasskeyAsync(authenticator);
        var (_, synced) = await UserWithPasskeyAsync(synced: true);
        await client.SignInWithPasskeyAsync(synced);

        // A copy of the key, made after the first sign-in, signs with the counter it had then.
        authenticator.Credentials.Single().SignCount = 0;
        synced.Credentials.Single().SignCount = 0;
        var (challengeId, options) = await client.SignInOptionsAsync();
        var cloned = await client.PasskeyLoginAsync(challengeId, authenticator.Get(options));

        await cloned.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
        Assert.That(await factory.AuditTypesAsync(user.Email, "PasskeyCounterRegressed"), Does.Contain("PasskeyCounterRegressed"));
        Assert.That((await client.SignInWithPasskeyAsync(synced)).AccessToken, Is.Not.Empty);
    }

    [Test]
    public async Task A_disabled_account_is_refused_after_the_proof_like_a_password_login()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        await factory.WithDatabaseAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Email == user.Email);
            stored.Disable(factory.Time!.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var (challengeId, options) = await client.SignInOptionsAsync();
        var login = await client.PasskeyLoginAsync(challengeId, authenticator.Get(options));

        await login.AssertProblemAsync(HttpStatusCode.Forbidden, "account_disabled");
    }

    [Test]
    public async Task A_missing_challenge_id_or_assertion_is_a_validation_failure()
    {
        var noChallenge = await client.PostAsJsonAsync("/auth/passkeys/login", new { assertion = new { id = "x" } });
        var noAssertion = await client.PostAsJsonAsync("/auth/passkeys/login", new { challengeId = Guid.NewGuid() });

        await noChallenge.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await noAssertion.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_known_device_signs_in_with_its_passkey_without_a_new_device_alert()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var first = await client.SignInWithPasskeyAsync(authenticator);
        var (challengeId, options) = await client.SignInOptionsAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/passkeys/login") { Content = JsonContent.Create(new { challengeId, assertion = authenticator.Get(options) }) };
        request.Headers.Add("X-Device-Token", first.DeviceToken);

        var again = await client.SendAsync(request);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await again.ReadJsonAsync()).GetProperty("deviceToken").GetString(), Is.EqualTo(first.DeviceToken));
        var devices = await factory.WithDatabaseAsync(async db =>
        {
            var id = (await db.Users.AsNoTracking().SingleAsync(u => u.Email == user.Email)).Id;
            return await db.KnownDevices.AsNoTracking().CountAsync(d => d.UserId == id);
        });
        Assert.That(devices, Is.EqualTo(1), "the first passkey sign-in's device, signing in again");
    }
}
