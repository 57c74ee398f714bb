using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.External;

/// <summary>Signing in with an external provider, against a real OpenID Provider (oidc-provider) on 127.0.0.1.</summary>
public sealed class ExternalSignInTests : ExternalSignInTest
{
    [Test]
    public async Task The_providers_are_listed_for_the_login_page()
    {
        var providers = await Browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/auth/providers");

        Assert.That(providers.GetArrayLength(), Is.EqualTo(1));
        Assert.That(providers[0].GetProperty("id").GetString(), Is.EqualTo("testidp"));
        Assert.That(providers[0].GetProperty("displayName").GetString(), Is.EqualTo("Test IdP"));
        Assert.That(providers[0].GetProperty("startUrl").GetString(), Is.EqualTo("/auth/external/testidp/start"));
    }

    [Test]
    public async Task The_start_redirects_with_state_nonce_and_pkce()
    {
        var authorize = await Browser.StartAsync();

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.That(authorize.GetLeftPart(UriPartial.Authority), Is.EqualTo(Idp.Issuer));
        Assert.That(query["client_id"].ToString(), Is.EqualTo(Idp.ClientId));
        Assert.That(query["redirect_uri"].ToString(), Is.EqualTo(ExternalFlows.CallbackUrl));
        Assert.That(query["response_type"].ToString(), Is.EqualTo("code"));
        Assert.That(query["code_challenge_method"].ToString(), Is.EqualTo("S256"));
        Assert.That(query["code_challenge"].ToString(), Has.Length.EqualTo(43));
        Assert.That(query["state"].ToString(), Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(query["nonce"].ToString(), Has.Length.GreaterThanOrEqualTo(32));
        var stored = await Factory.WithDatabaseAsync(db => db.ExternalAuthorizations.AsNoTracking().SingleAsync());
        Assert.That(stored.StateHash, Is.Not.EqualTo(query["state"].ToString()), "only the state's hash is kept");
    }

    [Test]
    public async Task A_first_sign_in_makes_a_confirmed_account_and_a_second_finds_it()
    {
        var person = ExternalFlows.NewIdpUser();

        var first = await Browser.SignInExternallyAsync(Idp, person);
        var second = await Browser.SignInExternallyAsync(Idp, person);

        var token = new JsonWebToken(first.AccessToken);
        Assert.Multiple(() =>
        {
            Assert.That(token.Subject, Is.EqualTo(new JsonWebToken(second.AccessToken).Subject), "the second sign-in found the account");
            Assert.That(token.GetPayloadValue<string[]>("amr"), Does.Contain("ext"));
            Assert.That(token.GetClaim("aal").Value, Is.EqualTo("aal1"));
        });
        var user = await (await Browser.GetUserAsync(second.AccessToken)).ReadJsonAsync();
        Assert.That(user.GetProperty("email").GetString(), Is.EqualTo(person.Email));
        Assert.That(user.GetProperty("emailConfirmed").GetBoolean(), Is.True, "the provider verified it");
        Assert.That(user.GetProperty("name").GetString(), Is.EqualTo("Ada Lovelace"));
        var (users, identities) = await Factory.WithDatabaseAsync(async db => (await db.Users.CountAsync(), await db.ExternalIdentities.CountAsync()));
        Assert.That((users, identities), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task An_address_the_provider_did_not_verify_stays_unconfirmed_and_gets_a_confirmation_mail()
    {
        var person = ExternalFlows.NewIdpUser(emailVerified: false);

        var auth = await Browser.SignInExternallyAsync(Idp, person);

        var user = await (await Browser.GetUserAsync(auth.AccessToken)).ReadJsonAsync();
        Assert.That(user.GetProperty("emailConfirmed").GetBoolean(), Is.False);
        var token = await Factory.TokenMailedToAsync(person.Email);
        var confirmed = await Browser.PostAsJsonAsync("/auth/email/confirm", new { token });
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task An_address_that_has_an_account_is_not_joined_silently()
    {
        var owner = await Browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);

        var back = await Browser.SignInAtProviderAsync(Idp, person);
        var exchanged = await Browser.ExchangeAsync(back["code"]);

        await exchanged.AssertProblemAsync(HttpStatusCode.Conflict, "external_account_exists");
        var identities = await Factory.WithDatabaseAsync(db => db.ExternalIdentities.CountAsync());
        Assert.That(identities, Is.Zero, "nothing was linked");
    }

    [Test]
    public async Task An_exchange_code_works_once()
    {
        var back = await Browser.SignInAtProviderAsync(Idp, ExternalFlows.NewIdpUser());

        var first = await Browser.ExchangeAsync(back["code"]);
        var replayed = await Browser.ExchangeAsync(back["code"]);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await replayed.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_exchange_code");
    }

    [Test]
    public async Task An_exchange_code_dies_after_a_minute()
    {
        var back = await Browser.SignInAtProviderAsync(Idp, ExternalFlows.NewIdpUser());

        Factory.Time!.Advance(TimeSpan.FromSeconds(61));
        var late = await Browser.ExchangeAsync(back["code"]);

        await late.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_exchange_code");
    }

    [Test]
    public async Task A_return_url_forwarded_to_another_browser_signs_it_in_to_no_one()
    {
        // Login CSRF: the sender walks the sign-in with their own provider account and page, and stops at the way back.
        var sender = ExternalFlows.NewProofKey();
        var authorize = await Browser.StartAsync(codeChallenge: sender.Challenge);
        var callback = await Idp.AuthorizeAsync(authorize, ExternalFlows.NewIdpUser());

        // The victim's browser opens the forwarded callback; its page holds its own verifier, not the sender's.
        using var victim = Factory.CreateBrowser();
        var back = await victim.CallbackAsync(callback);
        var exchanged = await victim.ExchangeAsync(back["code"], ExternalFlows.NewProofKey().Verifier);
        var sendersLater = await Browser.ExchangeAsync(back["code"], sender.Verifier);

        await exchanged.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_exchange_code");
        await sendersLater.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_exchange_code");
        var (users, sessions) = await Factory.WithDatabaseAsync(async db => (await db.Users.CountAsync(), await db.Sessions.CountAsync()));
        Assert.That((users, sessions), Is.EqualTo((0, 0)), "no account and no session: the wrong verifier spent the code");
    }

    [Test]
    public async Task A_start_without_a_well_formed_code_challenge_or_an_exchange_without_a_verifier_is_refused()
    {
        var returnUrl = Uri.EscapeDataString(ExternalFlows.ReturnUrl);

        var none = await Browser.GetAsync($"/auth/external/testidp/start?returnUrl={returnUrl}");
        var plain = await Browser.GetAsync($"/auth/external/testidp/start?returnUrl={returnUrl}&codeChallenge={ExternalFlows.CodeVerifier}x");
        var padded = await Browser.GetAsync($"/auth/external/testidp/start?returnUrl={returnUrl}&codeChallenge={ExternalFlows.CodeChallenge}%3D");
        var back = await Browser.SignInAtProviderAsync(Idp, ExternalFlows.NewIdpUser());
        var noVerifier = await Browser.PostAsJsonAsync("/auth/external/exchange", new { code = back["code"] });
        var shortVerifier = await Browser.ExchangeAsync(back["code"], "too-short");

        foreach (var refused in new[] { none, plain, padded })
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.That(problem.GetProperty("errors").GetProperty("codeChallenge")[0].GetString(), Does.StartWith("codeChallenge"));
            Assert.That(refused.Headers.Location, Is.Null);
        }

        (await noVerifier.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("codeVerifier");
        await shortVerifier.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var kept = await Browser.ExchangeAsync(back["code"]);
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a malformed request is refused before the code is taken");
        var started = await Factory.WithDatabaseAsync(db => db.ExternalAuthorizations.CountAsync());
        Assert.That(started, Is.Zero, "nothing was started for the refused starts");
    }

    [Test]
    public async Task A_wrong_or_replayed_state_is_refused_without_a_redirect()
    {
        var authorize = await Browser.StartAsync();
        var callback = await Idp.AuthorizeAsync(authorize, ExternalFlows.NewIdpUser());
        var forged = new Uri(callback.ToString().Replace("state=", "state=x", StringComparison.Ordinal));

        var wrong = await Browser.GetAsync(forged.PathAndQuery);
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_state");
        Assert.That(wrong.Headers.Location, Is.Null);
        var right = await Browser.CallbackAsync(callback);
        Assert.That(right, Does.ContainKey("code"));
        var replayed = await Browser.GetAsync(callback.PathAndQuery);
        await replayed.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_state");
    }

    [Test]
    public async Task A_return_url_on_an_unknown_origin_gets_no_redirect()
    {
        var started = await Browser.GetAsync($"/auth/external/testidp/start?{ExternalFlows.StartQuery("https://evil.example/steal")}");

        await started.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_return_url");
        Assert.That(started.Headers.Location, Is.Null);
        var missing = await Browser.GetAsync("/auth/external/testidp/start");
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var unknown = await Browser.GetAsync($"/auth/external/nobody/start?{ExternalFlows.StartQuery()}");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "unknown_provider");
    }

    [Test]
    public async Task Cancelling_at_the_provider_comes_back_with_an_error()
    {
        var authorize = await Browser.StartAsync();

        var back = await Browser.CallbackAsync(await Idp.AuthorizeAsync(authorize, ExternalFlows.NewIdpUser(), cancel: true));

        Assert.That(back["error"], Is.EqualTo("external_sign_in_cancelled"));
        Assert.That(back, Does.Not.ContainKey("code"));
    }

    [TestCase(IdTokenTamper.WrongAudience)]
    [TestCase(IdTokenTamper.WrongNonce)]
    [TestCase(IdTokenTamper.WrongSignature)]
    [TestCase(IdTokenTamper.Expired)]
    [TestCase(IdTokenTamper.MissingNonce)]
    public async Task A_spoiled_id_token_signs_nobody_in(IdTokenTamper tamper)
    {
        var authorize = await Browser.StartAsync();
        var callback = await Idp.AuthorizeAsync(authorize, ExternalFlows.NewIdpUser());

        await Idp.TamperNextIdTokenAsync(tamper);
        var back = await Browser.CallbackAsync(callback);

        Assert.That(back["error"], Is.EqualTo("external_sign_in_failed"));
        Assert.That(back, Does.Not.ContainKey("code"));
        var (users, grants) = await Factory.WithDatabaseAsync(async db => (await db.Users.CountAsync(), await db.ExternalSignInGrants.CountAsync()));
        Assert.That((users, grants), Is.EqualTo((0, 0)), "nothing was made");
    }

    [Test]
    public async Task An_account_without_a_password_cannot_log_in_with_one_until_it_sets_one()
    {
        var person = ExternalFlows.NewIdpUser();
        var auth = await Browser.SignInExternallyAsync(Idp, person);

        var login = await Browser.PostAsJsonAsync("/auth/login", new { email = person.Email, password = "" + ApiClientExtensions.Password });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var change = await Browser.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", auth.AccessToken,
            new { currentPassword = "anything at all", newPassword = "a brand new passphrase" });
        await change.AssertProblemAsync(HttpStatusCode.Conflict, "password_not_set");

        await Browser.PostAsJsonAsync("/auth/password/forgot", new { email = person.Email });
        var token = await Factory.TokenMailedToAsync(person.Email);
        var reset = await Browser.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "a brand new passphrase" });
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await reset.Content.ReadAsStringAsync());
        var afterReset = await Browser.PostAsJsonAsync("/auth/login", new { email = person.Email, password = "a brand new passphrase" });
        Assert.That(afterReset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
