using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.External;

/// <summary>Linking a provider to a signed-in account, unlinking it, and a second factor after a provider's sign-in.</summary>
public sealed class ExternalLinkingTests : ExternalSignInTest
{
    [Test]
    public async Task A_signed_in_owner_links_the_provider_and_then_signs_in_with_it()
    {
        var owner = await Browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);

        var back = await Browser.LinkAsync(Idp, owner.AccessToken, person);
        var auth = await Browser.SignInExternallyAsync(Idp, person);

        Assert.That(back["linked"], Is.EqualTo("testidp"));
        Assert.That(new JsonWebToken(auth.AccessToken).Subject, Is.EqualTo(new JsonWebToken(owner.AccessToken).Subject));
        var listed = await (await Browser.SendWithTokenAsync(HttpMethod.Get, "/auth/identities", owner.AccessToken)).ReadJsonAsync();
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        Assert.That(listed[0].GetProperty("provider").GetString(), Is.EqualTo("testidp"));
        Assert.That(listed[0].GetProperty("email").GetString(), Is.EqualTo(owner.Email));
        var mails = await Factory.WaitForAsync(owner.Email, count: 2);
        Assert.That(mails.Select(m => m.Subject), Has.Some.EqualTo("A sign-in provider was linked to your account"));
        Assert.That(mails.Single(m => (m.Subject ?? "").StartsWith("A sign-in provider", StringComparison.Ordinal)).TextBody, Does.Contain("Test IdP"));
    }

    [Test]
    public async Task A_provider_account_linked_to_one_account_cannot_be_linked_to_another()
    {
        var first = await Browser.SignUpAsync();
        var second = await Browser.SignUpAsync();
        var person = ExternalFlows.NewIdpUser();
        await Browser.LinkAsync(Idp, first.AccessToken, person);

        var back = await Browser.LinkAsync(Idp, second.AccessToken, person);

        Assert.That(back["error"], Is.EqualTo("external_identity_in_use"));
        var owners = await Factory.WithDatabaseAsync(db => db.ExternalIdentities.Select(i => i.UserId).Distinct().CountAsync());
        Assert.That(owners, Is.EqualTo(1));
    }

    [Test]
    public async Task Linking_needs_a_signed_in_caller()
    {
        var anonymous = await Browser.PostAsJsonAsync("/auth/external/testidp/link/start", new { returnUrl = ExternalFlows.ReturnUrl });

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task An_unlinked_provider_no_longer_signs_in_to_the_account()
    {
        var owner = await Browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);
        await Browser.LinkAsync(Idp, owner.AccessToken, person);
        var id = (await (await Browser.SendWithTokenAsync(HttpMethod.Get, "/auth/identities", owner.AccessToken)).ReadJsonAsync())[0].GetProperty("id").GetString();

        var unlinked = await Browser.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{id}", owner.AccessToken);
        var again = await Browser.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{id}", owner.AccessToken);
        var back = await Browser.SignInAtProviderAsync(Idp, person);
        var exchanged = await Browser.ExchangeAsync(back["code"]);

        Assert.That(unlinked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "identity_not_found");
        await exchanged.AssertProblemAsync(HttpStatusCode.Conflict, "external_account_exists");
    }

    [Test]
    public async Task The_only_way_into_an_account_cannot_be_unlinked()
    {
        var auth = await Browser.SignInExternallyAsync(Idp, ExternalFlows.NewIdpUser());
        var id = (await (await Browser.SendWithTokenAsync(HttpMethod.Get, "/auth/identities", auth.AccessToken)).ReadJsonAsync())[0].GetProperty("id").GetString();

        var refused = await Browser.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{id}", auth.AccessToken);

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "last_sign_in_method");
    }

    [Test]
    public async Task An_account_with_a_second_factor_needs_it_after_the_provider_and_the_session_names_both()
    {
        var owner = await Browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);
        await Browser.LinkAsync(Idp, owner.AccessToken, person);
        var enrolled = await Factory.EnrolTotpAsync(Browser, owner.AccessToken);

        var back = await Browser.SignInAtProviderAsync(Idp, person);
        var exchanged = await Browser.ExchangeAsync(back["code"]);
        var problem = await exchanged.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_required");
        var verified = await Browser.VerifyAsync(problem.GetProperty("mfaToken").GetString()!, Factory.CodeNow(enrolled.Secret));

        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        var token = new JsonWebToken((await verified.ReadJsonAsync()).GetProperty("accessToken").GetString());
        Assert.That(token.GetPayloadValue<string[]>("amr"), Is.EqualTo(new[] { "ext", "otp", "mfa" }));
        Assert.That(token.GetClaim("aal").Value, Is.EqualTo("aal2"));
    }

    [Test]
    public async Task Two_first_sign_ins_racing_with_one_identity_make_one_account()
    {
        var person = ExternalFlows.NewIdpUser();
        var codes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await Browser.SignInAtProviderAsync(Idp, person))["code"]);
        }

        var answers = await Task.WhenAll(codes.Select(code => Browser.ExchangeAsync(code)));

        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var subjects = await Task.WhenAll(answers.Select(async a => new JsonWebToken((await a.ReadJsonAsync()).GetProperty("accessToken").GetString()).Subject));
        Assert.That(subjects.Distinct().Count(), Is.EqualTo(1));
        var (users, identities) = await Factory.WithDatabaseAsync(async db => (await db.Users.CountAsync(), await db.ExternalIdentities.CountAsync()));
        Assert.That((users, identities), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task One_exchange_code_used_twice_at_once_signs_in_once()
    {
        var back = await Browser.SignInAtProviderAsync(Idp, ExternalFlows.NewIdpUser());

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Browser.ExchangeAsync(back["code"])));

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest), Is.EqualTo(5));
    }
}
