using Auth.Api.Http;

namespace Auth.IntegrationTests.Http;

/// <summary>Api's own settings are validated at start like every other section.</summary>
public sealed class HttpSettingsValidatorTests
{
    [Test]
    public void The_default_rate_limits_are_valid() =>
        Assert.That(new RateLimitSettingsValidator().Validate(null, new RateLimitSettings()).Succeeded, Is.True);

    [Test]
    public void A_zero_limit_and_a_zero_window_are_each_named()
    {
        var result = new RateLimitSettingsValidator().Validate(null, new RateLimitSettings { EmailPermitLimit = 0, Window = TimeSpan.Zero });

        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "RateLimiting:Window must be between 00:00:01 and 1.00:00:00; it is 00:00:00.",
            "RateLimiting:EmailPermitLimit must be at least 1; it is 0.",
        }));
    }

    [TestCase("https://app.example.com")]
    [TestCase("http://localhost:3000")]
    public void An_exact_origin_is_valid(string origin) =>
        Assert.That(new CorsSettingsValidator().Validate(null, new CorsSettings { AllowedOrigins = [origin] }).Succeeded, Is.True);

    [TestCase("https://app.example.com/")]
    [TestCase("https://app.example.com/app")]
    [TestCase("*")]
    [TestCase("app.example.com")]
    [TestCase("ftp://app.example.com")]
    public void Something_a_browser_never_sends_as_origin_is_refused_naming_its_index(string origin)
    {
        var result = new CorsSettingsValidator().Validate(null, new CorsSettings { AllowedOrigins = ["https://ok.example.com", origin] });

        Assert.That(result.Failures, Has.One.StartsWith($"Cors:AllowedOrigins:1 '{origin}' is not an origin"));
    }
}
