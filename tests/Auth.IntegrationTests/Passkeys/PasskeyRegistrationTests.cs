using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Passkeys;

/// <summary>Adding, listing, renaming and removing passkeys, with real attestation objects from a software authenticator.</summary>
public sealed class PasskeyRegistrationTests
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
    public async Task The_creation_options_ask_for_a_resident_key_with_user_verification_and_exclude_the_users_passkeys()
    {
        var user = await client.SignUpAsync();
        var first = await client.RegistrationOptionsAsync(user.AccessToken);
        Assert.That(first.GetProperty("excludeCredentials").GetArrayLength(), Is.Zero);
        var added = await client.AddPasskeyAsync(user.AccessToken, new SoftwareAuthenticator());

        var options = await client.RegistrationOptionsAsync(user.AccessToken);

        Assert.Multiple(() =>
        {
            Assert.That(options.GetProperty("rp").GetProperty("id").GetString(), Is.EqualTo("localhost"));
            Assert.That(options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString(), Is.EqualTo("required"));
            Assert.That(options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString(), Is.EqualTo("required"));
            Assert.That(options.GetProperty("attestation").GetString(), Is.EqualTo("none"));
            Assert.That(options.GetProperty("challenge").GetString(), Is.Not.EqualTo(first.GetProperty("challenge").GetString()));
            Assert.That(options.GetProperty("excludeCredentials").GetArrayLength(), Is.EqualTo(1));
            Assert.That(added.GetProperty("id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public async Task A_registered_passkey_is_listed_with_its_name_flags_and_transports_and_the_owner_is_mailed()
    {
        var user = await client.SignUpAsync();

        var added = await client.AddPasskeyAsync(user.AccessToken, new SoftwareAuthenticator(), "Laptop");

        var listed = (await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/passkeys", user.AccessToken)).ReadJsonAsync()).EnumerateArray().Single();
        var mfa = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/mfa", user.AccessToken)).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(added.GetProperty("name").GetString(), Is.EqualTo("Laptop"));
            Assert.That(added.GetProperty("backupEligible").GetBoolean(), Is.False);
            Assert.That(added.GetProperty("transports").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "internal" }));
            Assert.That(added.TryGetProperty("lastUsedAt", out var lastUsed) && lastUsed.ValueKind != System.Text.Json.JsonValueKind.Null, Is.False);
            Assert.That(listed.GetProperty("id").GetGuid(), Is.EqualTo(added.GetProperty("id").GetGuid()));
            Assert.That(mfa.GetProperty("passkeys").EnumerateArray().Single().GetProperty("name").GetString(), Is.EqualTo("Laptop"));
        });
        var mail = (await factory.WaitForAsync(user.Email)).Single(m => (m.Subject ?? "").Contains("passkey", StringComparison.Ordinal));
        Assert.That(mail.Subject, Is.EqualTo("A passkey was added to your account"));
        Assert.That(mail.TextBody, Does.Not.Contain("Laptop"), "a name the user chose never reaches an inbox");
        Assert.That(await factory.AuditTypesAsync(user.Email, "PasskeyRegistered"), Does.Contain("PasskeyRegistered"));
    }

    [Test]
    public async Task A_synced_passkey_is_stored_as_backup_eligible_and_backed_up()
    {
        var user = await client.SignUpAsync();

        var added = await client.AddPasskeyAsync(user.AccessToken, new SoftwareAuthenticator { Synced = true });

        Assert.That(added.GetProperty("backupEligible").GetBoolean(), Is.True);
        Assert.That(added.GetProperty("backedUp").GetBoolean(), Is.True);
        Assert.That(added.GetProperty("name").GetString(), Is.EqualTo("Synced passkey"));
    }

    [Test]
    public async Task The_same_attestation_twice_is_refused_the_challenge_was_spent()
    {
        var user = await client.SignUpAsync();
        var attestation = new SoftwareAuthenticator().Create(await client.RegistrationOptionsAsync(user.AccessToken));
        Assert.That((await client.RegisterAsync(user.AccessToken, attestation)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var again = await client.RegisterAsync(user.AccessToken, attestation);

        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_attestation");
        Assert.That(await factory.AuditTypesAsync(user.Email, "PasskeyRefused"), Does.Contain("PasskeyRefused"));
    }

    [Test]
    public async Task Options_older_than_five_minutes_are_refused()
    {
        var user = await client.SignUpAsync();
        var attestation = new SoftwareAuthenticator().Create(await client.RegistrationOptionsAsync(user.AccessToken));
        factory.Time!.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var late = await client.RegisterAsync(user.AccessToken, attestation);

        await late.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_attestation");
    }

    [Test]
    public async Task An_attestation_from_another_origin_or_for_another_rp_id_or_without_user_verification_is_refused()
    {
        var user = await client.SignUpAsync();
        SoftwareAuthenticator[] wrong =
        [
            new("https://evil.example"),
            new() { RpId = "evil.example" },
            new() { UserVerified = false },
        ];

        foreach (var authenticator in wrong)
        {
            var attestation = authenticator.Create(await client.RegistrationOptionsAsync(user.AccessToken));
            var refused = await client.RegisterAsync(user.AccessToken, attestation);
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_attestation");
        }

        var list = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/passkeys", user.AccessToken)).ReadJsonAsync();
        Assert.That(list.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_malformed_attestation_is_refused_not_a_500()
    {
        var user = await client.SignUpAsync();
        await client.RegistrationOptionsAsync(user.AccessToken);

        var garbage = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/passkeys/register", user.AccessToken,
            new { attestation = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { clientDataJSON = "e30", attestationObject = "oA" } } });
        var missing = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/passkeys/register", user.AccessToken, new { name = "x" });

        await garbage.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_attestation");
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_credential_registered_to_one_account_cannot_be_registered_again()
    {
        var user = await client.SignUpAsync();
        var authenticator = new SoftwareAuthenticator();
        var attestation = authenticator.Create(await client.RegistrationOptionsAsync(user.AccessToken));
        Assert.That((await client.RegisterAsync(user.AccessToken, attestation)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        // The same credential id answering fresh options (an authenticator ignoring excludeCredentials).
        var options = await client.RegistrationOptionsAsync(user.AccessToken);
        var replay = authenticator.Create(options);
        replay["id"] = attestation["id"]!.DeepClone();
        replay["rawId"] = attestation["rawId"]!.DeepClone();

        var again = await client.RegisterAsync(user.AccessToken, replay);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/passkeys", user.AccessToken)).ReadJsonAsync()).GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Registering_needs_no_options_of_another_user()
    {
        var owner = await client.SignUpAsync();
        var other = await client.SignUpAsync();
        var attestation = new SoftwareAuthenticator().Create(await client.RegistrationOptionsAsync(owner.AccessToken));

        var stolen = await client.RegisterAsync(other.AccessToken, attestation);

        await stolen.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_attestation");
    }

    [Test]
    public async Task A_passkey_is_renamed_and_a_bad_name_or_another_users_passkey_is_refused()
    {
        var user = await client.SignUpAsync();
        var other = await client.SignUpAsync();
        var id = (await client.AddPasskeyAsync(user.AccessToken, new SoftwareAuthenticator())).GetProperty("id").GetGuid();

        var renamed = await client.SendWithTokenAsync(HttpMethod.Patch, $"/auth/passkeys/{id}", user.AccessToken, new { name = "  Phone  " });
        var blank = await client.SendWithTokenAsync(HttpMethod.Patch, $"/auth/passkeys/{id}", user.AccessToken, new { name = " " });
        var tooLong = await client.SendWithTokenAsync(HttpMethod.Patch, $"/auth/passkeys/{id}", user.AccessToken, new { name = new string('a', 65) });
        var invisible = await client.SendWithTokenAsync(HttpMethod.Patch, $"/auth/passkeys/{id}", user.AccessToken, new { name = "Pho\u200Bne" });
        var notTheirs = await client.SendWithTokenAsync(HttpMethod.Patch, $"/auth/passkeys/{id}", other.AccessToken, new { name = "Mine" });

        Assert.That((await renamed.ReadJsonAsync()).GetProperty("name").GetString(), Is.EqualTo("Phone"));
        await blank.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await invisible.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound, "passkey_not_found");
    }

    [Test]
    public async Task A_removed_passkey_no_longer_signs_in_and_the_owner_is_mailed()
    {
        var user = await client.SignUpAsync();
        var other = await client.SignUpAsync();
        var authenticator = new SoftwareAuthenticator();
        var id = (await client.AddPasskeyAsync(user.AccessToken, authenticator)).GetProperty("id").GetGuid();

        var notTheirs = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/passkeys/{id}", other.AccessToken);
        var removed = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/passkeys/{id}", user.AccessToken);
        var twice = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/passkeys/{id}", user.AccessToken);

        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound, "passkey_not_found");
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await twice.AssertProblemAsync(HttpStatusCode.NotFound, "passkey_not_found");
        var (challengeId, options) = await client.SignInOptionsAsync();
        await (await client.PasskeyLoginAsync(challengeId, authenticator.Get(options))).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_passkey");
        var mails = await factory.WaitForAsync(user.Email, 2);
        Assert.That(mails.Select(m => m.Subject), Does.Contain("A passkey was removed from your account"));
    }

    [Test]
    public async Task Adding_a_passkey_spends_an_outstanding_reset_link()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var link = (await factory.WaitForAsync(user.Email, 2)).Single(m => (m.TextBody ?? "").Contains("reset-password", StringComparison.Ordinal)).Token();

        await client.AddPasskeyAsync(user.AccessToken, new SoftwareAuthenticator());

        var reset = await client.PostAsJsonAsync("/auth/password/reset", new { token = link, newPassword = "another fine passphrase" });
        await reset.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task An_account_with_two_step_verification_adds_and_removes_passkeys_only_from_an_aal2_session()
    {
        var user = await factory.SignUpWithTotpAsync(client);

        var fromAal1 = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/passkeys/register/options", user.FirstAccessToken);
        var id = (await client.AddPasskeyAsync(user.Auth.AccessToken, new SoftwareAuthenticator())).GetProperty("id").GetGuid();
        var removeFromAal1 = await client.SendWithTokenAsync(HttpMethod.Delete, $"/auth/passkeys/{id}", user.FirstAccessToken);

        await fromAal1.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
        await removeFromAal1.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
    }

    [Test]
    public async Task A_ceremony_begun_on_one_instance_finishes_on_another_sharing_the_database()
    {
        var user = await client.SignUpAsync();
        var attestation = new SoftwareAuthenticator().Create(await client.RegistrationOptionsAsync(user.AccessToken));
        await using var second = new AuthApiFactory(factory.Database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(factory.Time!.GetUtcNow()));
        using var secondClient = second.CreateClient();

        var registered = await secondClient.RegisterAsync(user.AccessToken, attestation);

        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        var stored = await factory.WithDatabaseAsync(db => db.Passkeys.AsNoTracking().CountAsync());
        Assert.That(stored, Is.GreaterThanOrEqualTo(1));
    }
}
