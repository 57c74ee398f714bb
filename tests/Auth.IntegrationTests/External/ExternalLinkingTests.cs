using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.External;

/// <summary>Linking a provider to a signed-in account, unlinking it, and a second factor after a provider's sign-in.</summary>
public sealed class ExternalLinkingTests
{
    private TestIdentityProvider idp = null!;
    private AuthApiFactory factory = null!;
    private HttpClient browser = null!;

    [OneTimeSetUp]
    public async Task StartProvider() => idp = await TestIdentityProvider.StartAsync([ExternalFlows.CallbackUrl]);

    [OneTimeTearDown]
    public async Task StopProvider() => await idp.DisposeAsync();

    [SetUp]
    public void Start()
    {
        factory = ExternalFlows.CreateFactory(idp);
        browser = factory.CreateBrowser();
    }

    [TearDown]
    public async Task Stop()
    {
        browser.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task A_signed_in_owner_links_the_provider_and_then_signs_in_with_it()
    {
        var owner = await browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);

        var back = await browser.LinkAsync(idp, owner.AccessToken, person);
        var auth = await browser.SignInExternallyAsync(idp, person);

        Assert.That(back["linked"], Is.EqualTo("testidp"));
        Assert.That(new JsonWebToken(auth.AccessToken).Subject, Is.EqualTo(new JsonWebToken(owner.AccessToken).Subject));
        var listed = await (await browser.SendWithTokenAsync(HttpMethod.Get, "/auth/identities", owner.AccessToken)).ReadJsonAsync();
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        Assert.That(listed[0].GetProperty("provider").GetString(), Is.EqualTo("testidp"));
        Assert.That(listed[0].GetProperty("email").GetString(), Is.EqualTo(owner.Email));
        var mails = await factory.WaitForAsync(owner.Email, count: 2);
        Assert.That(mails.Select(m => m.Subject), Has.Some.EqualTo("A sign-in provider was linked to your account"));
        Assert.That(mails.Single(m => (m.Subject ?? "").StartsWith("A sign-in provider", StringComparison.Ordinal)).TextBody, Does.Contain("Test IdP"));
    }

    [Test]
    public async Task A_provider_account_linked_to_one_account_cannot_be_linked_to_another()
    {
        var first = await browser.SignUpAsync();
        var second = await browser.SignUpAsync();
        var person = ExternalFlows.NewIdpUser();
        await browser.LinkAsync(idp, first.AccessToken, person);

        var back = await browser.LinkAsync(idp, second.AccessToken, person);

        Assert.That(back["error"], Is.EqualTo("external_identity_in_use"));
        var owners = await factory.WithDatabaseAsync(db => db.ExternalIdentities.Select(i => i.UserId).Distinct().CountAsync());
        Assert.That(owners, Is.EqualTo(1));
    }

    [Test]
    public async Task Linking_needs_a_signed_in_caller()
    {
        var anonymous = await browser.PostAsJsonAsync("/auth/external/testidp/link/start", new { returnUrl = ExternalFlows.ReturnUrl });

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task An_unlinked_provider_no_longer_signs_in_to_the_account()
    {
        var owner = await browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);
        await browser.LinkAsync(idp, owner.AccessToken, person);
        var id = (await (await browser.SendWithTokenAsync(HttpMethod.Get, "/auth/identities", owner.AccessToken)).ReadJsonAsync())[0].GetProperty("id").GetString();

        var unlinked = await browser.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{id}", owner.AccessToken);
        var again = await browser.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{id}", owner.AccessToken);
        var back = await browser.SignInAtProviderAsync(idp, person);
        var exchanged = await browser.ExchangeAsync(back["code"]);

        Assert.That(unlinked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "identity_not_found");
        await exchanged.AssertProblemAsync(HttpStatusCode.Conflict, "external_account_exists");
    }

    [Test]
    public async Task The_only_way_into_an_account_cannot_be_unlinked()
    {
        var auth = await browser.SignInExternallyAsync(idp, ExternalFlows.NewIdpUser());
        var id = (await (await browser.SendWithTokenAsync(HttpMethod.Get, "/auth/identities", auth.AccessToken)).ReadJsonAsync())[0].GetProperty("id").GetString();

        var refused = await browser.SendWithTokenAsync(HttpMethod.Delete, $"/auth/identities/{id}", auth.AccessToken);

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "last_sign_in_method");
    }

    [Test]
    public async Task An_account_with_a_second_factor_needs_it_after_the_provider_and_the_session_names_both()
    {
        var owner = await browser.SignUpAsync();
        var person = new TestIdpUser($"sub-{Guid.NewGuid():N}", owner.Email);
        await browser.LinkAsync(idp, owner.AccessToken, person);
        var enrolled = await factory.EnrolTotpAsync(browser, owner.AccessToken);

        var back = await browser.SignInAtProviderAsync(idp, person);
        var exchanged = await browser.ExchangeAsync(back["code"]);
        var problem = await exchanged.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_required");
        var verified = await browser.VerifyAsync(problem.GetProperty("mfaToken").GetString()!, factory.CodeNow(enrolled.Secret));

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
            codes.Add((await browser.SignInAtProviderAsync(idp, person))["code"]);
        }

        var answers = await Task.WhenAll(codes.Select(code => browser.ExchangeAsync(code)));

        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var subjects = await Task.WhenAll(answers.Select(async a => new JsonWebToken((await a.ReadJsonAsync()).GetProperty("accessToken").GetString()).Subject));
        Assert.That(subjects.Distinct().Count(), Is.EqualTo(1));
        var (users, identities) = await factory.WithDatabaseAsync(async db => (await db.Users.CountAsync(), await db.ExternalIdentities.CountAsync()));
        Assert.That((users, identities), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task One_exchange_code_used_twice_at_once_signs_in_once()
    {
        var back = await browser.SignInAtProviderAsync(idp, ExternalFlows.NewIdpUser());

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => browser.ExchangeAsync(back["code"])));

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest), Is.EqualTo(5));
    }
}
