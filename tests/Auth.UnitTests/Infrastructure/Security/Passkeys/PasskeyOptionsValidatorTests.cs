using Auth.Infrastructure.Security.Passkeys;

namespace Auth.UnitTests.Infrastructure.Security.Passkeys;

/// <summary>Settings a ceremony could never pass stop the service at start, each with a message naming the setting.</summary>
public sealed class PasskeyOptionsValidatorTests
{
    private static string? Problem(PasskeyOptions options) => new PasskeyOptionsValidator().Validate(null, options).FailureMessage;

    [Test]
    public void The_defaults_are_valid() => Assert.That(Problem(new PasskeyOptions()), Is.Null);

    [Test]
    public void A_production_setting_with_its_subdomains_is_valid() =>
        Assert.That(Problem(new PasskeyOptions { RelyingPartyId = "example.com", Origins = ["https://example.com", "https://app.example.com:8443"] }), Is.Null);

    [TestCase("https://example.com")]
    [TestCase("example.com:443")]
    [TestCase("example.com/login")]
    [TestCase("Example.com")]
    [TestCase("")]
    public void An_rp_id_that_is_not_a_bare_lower_case_domain_stops_the_start(string rpId) =>
        Assert.That(Problem(new PasskeyOptions { RelyingPartyId = rpId }), Does.Contain("Passkeys:RelyingPartyId"));

    [TestCase("http://example.com", "https")]
    [TestCase("https://example.com/", "exactly scheme://host[:port]")]
    [TestCase("https://*.example.com", "exactly scheme://host[:port]")]
    [TestCase("https://example.org", "not on the relying party id")]
    [TestCase("https://notexample.com", "not on the relying party id")]
    public void An_origin_the_browser_would_never_send_for_the_rp_id_stops_the_start(string origin, string problem)
    {
        var message = Problem(new PasskeyOptions { RelyingPartyId = "example.com", Origins = [origin] });

        Assert.That(message, Does.Contain("Passkeys:Origins").And.Contain(problem));
    }

    [Test]
    public void Plain_http_is_allowed_for_localhost_only() =>
        Assert.That(Problem(new PasskeyOptions { Origins = ["http://localhost:5173"] }), Is.Null);

    [Test]
    public void Unknown_user_verification_or_attestation_values_stop_the_start()
    {
        var message = Problem(new PasskeyOptions { UserVerification = "always", Attestation = "enterprise", RelyingPartyName = " " });

        Assert.That(message, Does.Contain("Passkeys:UserVerification").And.Contain("Passkeys:Attestation").And.Contain("Passkeys:RelyingPartyName"));
    }
}
