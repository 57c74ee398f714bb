using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.External.CompleteExternalSignIn;
using Auth.Application.External.ExchangeExternalCode;
using Auth.Application.External.StartExternalSignIn;
using Auth.Application.External.UnlinkIdentity;
using Auth.Domain.External;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.External;

/// <summary>The external sign-in's handlers over mocked ports: what is stored, what is refused, and what is never made.</summary>
public class ExternalSignInHandlerTests
{
    private const string Provider = "idp";
    private const string ReturnUrl = "https://app.example.com/back";
    private const string Callback = "https://auth.example.com/auth/external/idp/callback";

    // RFC 7636 appendix B's example pair.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private Ports ports = null!;
    private readonly List<ExternalAuthorization> authorizations = [];
    private readonly List<ExternalSignInGrant> grants = [];
    private readonly List<ExternalIdentity> identities = [];

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        authorizations.Clear();
        grants.Clear();
        identities.Clear();
        ports.ExternalProviders.Setup(p => p.All).Returns([new(Provider, "Test IdP")]);
        ports.ExternalProviders.Setup(p => p.IsAllowedReturnUrl(ReturnUrl)).Returns(true);
        ports.ExternalProviders.Setup(p => p.AuthorizationUrlAsync(Provider, It.IsAny<ExternalAuthorizationRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Uri("https://idp.example.com/authorize"));
        ports.ExternalSignIns.Setup(s => s.Add(It.IsAny<ExternalAuthorization>())).Callback((ExternalAuthorization a) => authorizations.Add(a));
        ports.ExternalSignIns.Setup(s => s.Add(It.IsAny<ExternalSignInGrant>())).Callback((ExternalSignInGrant g) => grants.Add(g));
        ports.ExternalSignIns.Setup(s => s.TakeAuthorizationAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string hash, DateTimeOffset _, CancellationToken _) => Take(authorizations, a => a.StateHash == hash));
        ports.ExternalSignIns.Setup(s => s.TakeGrantAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string hash, DateTimeOffset _, CancellationToken _) => Take(grants, g => g.CodeHash == hash));
        ports.ExternalIdentities.Setup(i => i.Add(It.IsAny<ExternalIdentity>())).Callback((ExternalIdentity i) => identities.Add(i));
        ports.ExternalIdentities.Setup(i => i.FindAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string provider, string subject, CancellationToken _) => identities.FirstOrDefault(i => i.Provider == provider && i.Subject == subject));
        ports.ExternalIdentities.Setup(i => i.ListForUserAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid userId, CancellationToken _) => identities.Where(i => i.UserId == userId).ToList());
    }

    [Test]
    public async Task A_start_keeps_only_the_states_hash_with_the_nonce_and_verifier()
    {
        var result = await Start();

        Assert.That(result.IsSuccess, Is.True);
        var stored = authorizations.Single();
        ports.ExternalProviders.Verify(p => p.AuthorizationUrlAsync(Provider, It.Is<ExternalAuthorizationRequest>(r =>
            r.Nonce == stored.Nonce && r.CodeVerifier == stored.CodeVerifier && r.RedirectUri == Callback
            && ("hash:" + r.State) == stored.StateHash && r.State != r.Nonce), It.IsAny<CancellationToken>()));
        Assert.That(stored.Purpose, Is.EqualTo(ExternalAuthorizationPurpose.SignIn));
        Assert.That(stored.ExchangeChallenge, Is.EqualTo(Challenge));
        Assert.That(stored.ExpiresAt, Is.EqualTo(ports.Now + ExternalAuthorization.Lifetime));
    }

    [Test]
    public async Task A_start_to_an_unknown_origin_or_provider_stores_nothing()
    {
        var origin = await ports.Handler<StartExternalSignInHandler>().Handle(new(Provider, "https://evil.example/", Callback, Challenge), CancellationToken.None);
        var provider = await ports.Handler<StartExternalSignInHandler>().Handle(new("nobody", ReturnUrl, Callback, Challenge), CancellationToken.None);

        Assert.That(origin.Error, Is.EqualTo(AuthErrors.InvalidReturnUrl));
        Assert.That(provider.Error, Is.EqualTo(AuthErrors.UnknownProvider));
        Assert.That(authorizations, Is.Empty);
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_provider_that_does_not_answer_leaves_nothing_started()
    {
        ports.ExternalProviders.Setup(p => p.AuthorizationUrlAsync(Provider, It.IsAny<ExternalAuthorizationRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AuthErrors.ProviderUnavailable);

        var result = await Start();

        Assert.That(result.Error, Is.EqualTo(AuthErrors.ProviderUnavailable));
        Assert.That(authorizations, Is.Empty);
    }

    [Test]
    public async Task A_callback_without_a_known_state_or_for_another_provider_is_refused()
    {
        var state = await StartedState();

        var unknown = await Complete("not-the-state");
        var other = await ports.Handler<CompleteExternalSignInHandler>().Handle(new("other", state, "code", null), CancellationToken.None);

        Assert.That(unknown.Error, Is.EqualTo(AuthErrors.InvalidState));
        Assert.That(other.Error, Is.EqualTo(AuthErrors.InvalidState), "the state was taken by the first try and fits no other provider");
        ports.ExternalProviders.Verify(p => p.RedeemAsync(It.IsAny<string>(), It.IsAny<ExternalRedemption>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_vouched_identity_becomes_a_grant_whose_code_goes_back_to_the_frontend()
    {
        var state = await StartedState();
        var started = authorizations.Single();
        Vouches(new ExternalClaims("sub-1", "ada@example.com", true, "Ada", ["pwd", "mfa", "bogus"]));

        var outcome = (await Complete(state)).Value;

        var grant = grants.Single();
        Assert.That(outcome.ReturnUrl, Is.EqualTo(ReturnUrl));
        Assert.That(grant.CodeHash, Is.EqualTo("hash:" + outcome.ExchangeCode));
        Assert.That(grant.ExchangeChallenge, Is.EqualTo(Challenge), "the frontend's proof key goes on to the exchange");
        Assert.That(grant.Amr, Is.EqualTo("ext pwd"), "the provider's mfa does not make two factors here; unknown values go");
        Assert.That(grant.ExpiresAt, Is.EqualTo(ports.Now + ExternalSignInGrant.Lifetime));
        ports.ExternalProviders.Verify(p => p.RedeemAsync(Provider, It.Is<ExternalRedemption>(r =>
            r.Code == "code" && r.Nonce == started.Nonce && r.CodeVerifier == started.CodeVerifier && r.RedirectUri == Callback), It.IsAny<CancellationToken>()));
        Assert.That(authorizations, Is.Empty, "the state was taken");
    }

    [Test]
    public async Task A_failed_redemption_goes_back_as_an_error_code_and_makes_nothing()
    {
        var state = await StartedState();
        ports.ExternalProviders.Setup(p => p.RedeemAsync(Provider, It.IsAny<ExternalRedemption>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AuthErrors.ExternalSignInFailed);

        var outcome = (await Complete(state)).Value;

        Assert.That(outcome.Error, Is.EqualTo("external_sign_in_failed"));
        Assert.That(outcome.ExchangeCode, Is.Null);
        Assert.That(grants, Is.Empty);
    }

    [Test]
    public async Task A_link_binds_the_identity_to_the_account_that_started_it_as_a_credential_change()
    {
        var user = ports.AddUser();
        var stamp = user.SecurityStamp;
        var reset = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        var state = await StartedState(linkTo: user.Id);
        Vouches(new ExternalClaims("sub-1", "ada@gmail.com", true, "Ada", []));

        var outcome = (await Complete(state)).Value;

        Assert.That(outcome.Linked, Is.EqualTo(Provider));
        Assert.That(identities.Single().UserId, Is.EqualTo(user.Id));
        Assert.That(user.SecurityStamp, Is.Not.EqualTo(stamp));
        Assert.That(ports.CommittedOf<ExternalIdentityLinked>().Single().Provider, Is.EqualTo(Provider));
        Assert.That(ports.AddedAccountTokens.Single(t => t.Hash == "hash:" + reset).UsedAt, Is.Not.Null, "the reset link is spent");
    }

    [Test]
    public async Task A_link_of_an_identity_another_account_has_is_refused()
    {
        var user = ports.AddUser();
        identities.Add(ExternalIdentity.Link(Guid.NewGuid(), Provider, "sub-1", null, ports.Now));
        var state = await StartedState(linkTo: user.Id);
        Vouches(new ExternalClaims("sub-1", "ada@gmail.com", true, "Ada", []));

        var outcome = (await Complete(state)).Value;

        Assert.That(outcome.Error, Is.EqualTo("external_identity_in_use"));
        Assert.That(identities, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_exchange_of_a_linked_identity_signs_in_to_its_account()
    {
        var user = ports.AddUser();
        identities.Add(ExternalIdentity.Link(user.Id, Provider, "sub-1", null, ports.Now));

        var result = await Exchange(Grant("sub-1", "someone@gmail.com", verified: true));

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Value.User.Id, Is.EqualTo(user.Id));
        Assert.That(ports.AddedSessions.Single().Amr, Is.EqualTo(new[] { "ext" }));
        Assert.That(identities.Single().Email, Is.EqualTo("someone@gmail.com"), "the link remembers the latest address");
    }

    [Test]
    public async Task An_exchange_for_an_address_with_an_account_makes_nothing()
    {
        var user = ports.AddUser("ada@example.com");
        ports.Users.Setup(u => u.EmailExistsAsync(user.NormalizedEmail, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Exchange(Grant("sub-1", "Ada@Example.com", verified: true));

        Assert.That(result.Error, Is.EqualTo(AuthErrors.ExternalAccountExists));
        Assert.That(identities, Is.Empty);
        ports.Users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
        Assert.That(ports.AddedSessions, Is.Empty);
    }

    [Test]
    public async Task An_exchange_of_a_new_identity_makes_an_account_without_a_password()
    {
        User? made = null;
        ports.Users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => made = u);

        var result = await Exchange(Grant("sub-9", "new@example.com", verified: true));

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(made, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(made!.HasPassword, Is.False);
            Assert.That(made.EmailConfirmed, Is.True);
            Assert.That(identities.Single().UserId, Is.EqualTo(made.Id));
            Assert.That(ports.Mails.Where(m => m.Kind == "confirm"), Is.Empty, "the provider verified the address");
        });
    }

    [Test]
    public async Task An_unverified_address_where_sign_in_needs_a_confirmed_one_is_kept_with_its_confirmation_mail()
    {
        ports.Policy.Setup(p => p.RequireConfirmedEmail).Returns(true);

        var result = await Exchange(Grant("sub-9", "new@example.com", verified: false));

        Assert.That(result.Error, Is.EqualTo(AuthErrors.EmailNotConfirmed));
        Assert.That(ports.Mails.Single().Kind, Is.EqualTo("confirm"));
        Assert.That(ports.AddedSessions, Is.Empty);
    }

    [Test]
    public async Task A_grant_without_a_usable_address_makes_no_account()
    {
        var result = await Exchange(Grant("sub-9", null, verified: false));

        Assert.That(result.Error, Is.EqualTo(AuthErrors.ExternalEmailMissing));
        ports.Users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
    }

    [Test]
    public async Task An_unknown_or_spent_code_is_refused()
    {
        var result = await ports.Handler<ExchangeExternalCodeHandler>().Handle(new("nope", Verifier, Ports.Client, null), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidExchangeCode));
    }

    [Test]
    public async Task A_code_with_another_verifier_than_the_start_challenge_is_refused_and_spent()
    {
        var grant = Grant("sub-9", "new@example.com", verified: true);
        var code = grant.CodeHash["hash:".Length..];

        var forwarded = await ports.Handler<ExchangeExternalCodeHandler>().Handle(
            new(code, "another-browsers-verifier-of-forty-three-chars-x", Ports.Client, null), CancellationToken.None);
        var owner = await ports.Handler<ExchangeExternalCodeHandler>().Handle(new(code, Verifier, Ports.Client, null), CancellationToken.None);

        Assert.That(forwarded.Error, Is.EqualTo(AuthErrors.InvalidExchangeCode), "a forwarded return URL signs no one in");
        Assert.That(owner.Error, Is.EqualTo(AuthErrors.InvalidExchangeCode), "the wrong try spent the code");
        ports.Users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
    }

    [Test]
    public async Task The_last_way_to_sign_in_cannot_be_unlinked_but_one_beside_a_password_can()
    {
        var passwordless = User.RegisterExternal("ext@example.com", "Ext", true, ports.Now);
        ports.Users.Setup(u => u.FindByIdAsync(passwordless.Id, It.IsAny<CancellationToken>())).ReturnsAsync(passwordless);
        var only = ExternalIdentity.Link(passwordless.Id, Provider, "sub-1", null, ports.Now);
        var user = ports.AddUser();
        var beside = ExternalIdentity.Link(user.Id, Provider, "sub-2", null, ports.Now);
        identities.AddRange([only, beside]);

        var refused = await ports.Handler<UnlinkIdentityHandler>().Handle(new(passwordless.Id, only.Id), CancellationToken.None);
        var unlinked = await ports.Handler<UnlinkIdentityHandler>().Handle(new(user.Id, beside.Id), CancellationToken.None);
        var foreign = await ports.Handler<UnlinkIdentityHandler>().Handle(new(user.Id, only.Id), CancellationToken.None);

        Assert.That(refused.Error, Is.EqualTo(AuthErrors.LastSignInMethod));
        Assert.That(unlinked.IsSuccess, Is.True);
        Assert.That(foreign.Error, Is.EqualTo(AuthErrors.IdentityNotFound), "another account's link is not the caller's");
        ports.ExternalIdentities.Verify(i => i.Remove(beside), Times.Once);
        ports.ExternalIdentities.Verify(i => i.Remove(only), Times.Never);
        Assert.That(ports.CommittedOf<ExternalIdentityUnlinked>().Single().UserId, Is.EqualTo(user.Id));
    }

    private Task<Result<Uri>> Start(Guid? linkTo = null) =>
        ports.Handler<StartExternalSignInHandler>().Handle(new(Provider, ReturnUrl, Callback, linkTo is null ? Challenge : null, linkTo), CancellationToken.None).AsTask();

    /// <summary>A started redirect's state as the provider sends it back (the mocked hash is <c>hash:</c> and the value).</summary>
    private async Task<string> StartedState(Guid? linkTo = null)
    {
        await Start(linkTo);
        return authorizations.Last().StateHash["hash:".Length..];
    }

    private Task<Result<ExternalCallbackOutcome>> Complete(string state) =>
        ports.Handler<CompleteExternalSignInHandler>().Handle(new(Provider, state, "code", null), CancellationToken.None).AsTask();

    private void Vouches(ExternalClaims claims) =>
        ports.ExternalProviders.Setup(p => p.RedeemAsync(Provider, It.IsAny<ExternalRedemption>(), It.IsAny<CancellationToken>())).ReturnsAsync(claims);

    private ExternalSignInGrant Grant(string subject, string? email, bool verified)
    {
        var grant = ExternalSignInGrant.Issue($"hash:code-{subject}", Challenge, Provider, subject, email, verified, "Ada", ["ext"], ports.Now);
        grants.Add(grant);
        return grant;
    }

    private Task<Result<Auth.Application.Sessions.Common.AuthResult>> Exchange(ExternalSignInGrant grant) =>
        ports.Handler<ExchangeExternalCodeHandler>().Handle(new(grant.CodeHash["hash:".Length..], Verifier, Ports.Client, null), CancellationToken.None).AsTask();

    private static T? Take<T>(List<T> rows, Func<T, bool> match)
        where T : class
    {
        var row = rows.FirstOrDefault(match);
        if (row is not null)
        {
            rows.Remove(row);
        }

        return row;
    }
}
