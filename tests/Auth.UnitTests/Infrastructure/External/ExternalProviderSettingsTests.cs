using Auth.Infrastructure.External;

namespace Auth.UnitTests.Infrastructure.External;

/// <summary>Presets, the start-up check of the provider settings, and which return pages are trusted.</summary>
public class ExternalProviderSettingsTests
{
    [Test]
    public void The_well_known_ids_take_their_presets()
    {
        var google = ExternalProviderPresets.Resolve("google", new() { ClientId = "id", ClientSecret = "secret" });
        var entra = ExternalProviderPresets.Resolve("microsoft", new() { ClientId = "id", ClientSecret = "secret", TenantId = "contoso.onmicrosoft.com" });
        var common = ExternalProviderPresets.Resolve("microsoft", new() { ClientId = "id", ClientSecret = "secret" });
        var github = ExternalProviderPresets.Resolve("github", new() { ClientId = "id", ClientSecret = "secret" });

        Assert.Multiple(() =>
        {
            Assert.That((google.Authority, google.Protocol, google.DisplayName), Is.EqualTo(("https://accounts.google.com", "oidc", "Google")));
            Assert.That(google.Scopes, Is.EqualTo(new[] { "openid", "email", "profile" }));
            Assert.That(entra.Authority, Is.EqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"));
            Assert.That(entra.IsEntraMultiTenant, Is.False, "one tenant: its issuer is exact");
            Assert.That(common.IsEntraMultiTenant, Is.True, "common: the issuer names the user's tenant");
            Assert.That((github.Protocol, github.TokenEndpoint, github.ApiBaseUrl),
                Is.EqualTo(("github", "https://github.com/login/oauth/access_token", "https://api.github.com")));
        });
    }

    [Test]
    public void Settings_that_could_only_fail_at_sign_in_are_refused_at_start()
    {
        var options = new ExternalProvidersOptions();
        options.Providers["Bad Id"] = new() { ClientId = "id", ClientSecret = "s", Authority = "https://idp.example.com" };
        options.Providers["nosecret"] = new() { ClientId = "id", Authority = "https://idp.example.com" };
        options.Providers["plainhttp"] = new() { ClientId = "id", ClientSecret = "s", Authority = "http://idp.example.com" };
        options.Providers["local"] = new() { ClientId = "id", ClientSecret = "s", Authority = "http://127.0.0.1:4000" };
        options.Providers["google"] = new() { ClientId = "id", ClientSecret = "s" };

        var result = new ExternalProvidersOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Exactly(1).Contains("ExternalProviders:Bad Id"));
        Assert.That(result.Failures, Has.Exactly(1).Contains("ExternalProviders:nosecret:ClientSecret"));
        Assert.That(result.Failures, Has.Exactly(1).Contains("ExternalProviders:plainhttp:Authority"));
        Assert.That(result.Failures.Count(), Is.EqualTo(3), "a loopback http provider and a preset with credentials are fine");
    }

    [TestCase("http://localhost:5173/external", true)]
    [TestCase("HTTP://LOCALHOST:5173/x?y=1", true)]
    [TestCase("https://app.example.com/", true)]
    [TestCase("http://localhost:5174/external", false)]
    [TestCase("https://app.example.com.evil.example/", false)]
    [TestCase("https://user@app.example.com/", false)]
    [TestCase("javascript:alert(1)", false)]
    [TestCase("/relative", false)]
    [TestCase("", false)]
    public void Only_pages_on_a_configured_origin_are_return_pages(string url, bool allowed)
    {
        var origins = new[] { "http://localhost:5173", "https://app.example.com" };

        Assert.That(ExternalUrls.OriginOf(url) is { } origin && origins.Contains(origin), Is.EqualTo(allowed));
    }
}
