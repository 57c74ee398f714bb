using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Time.Testing;

namespace Auth.UnitTests.Infrastructure.Security.Tokens.Keys;

public sealed class JwtOptionsValidatorTests
{
    private static readonly string Pem = SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void One_rs256_key_is_valid()
    {
        var result = Validate(new JwtOptions { Keys = [new() { Pem = Pem }] });

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void No_key_names_the_setting()
    {
        Assert.That(Validate(new JwtOptions()).FailureMessage, Does.Contain("Jwt:Keys must list at least one RS256 private key"));
    }

    [Test]
    public void Two_keys_with_one_kid_are_refused()
    {
        var result = Validate(new JwtOptions
        {
            Keys = [new() { KeyId = "a", Pem = Pem }, new() { KeyId = "a", Pem = SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256), ActiveFrom = time.GetUtcNow() }],
        });

        Assert.That(result.FailureMessage, Does.Contain("distinct KeyIds"));
    }

    [Test]
    public void Two_keys_active_since_always_are_refused_because_either_could_sign()
    {
        var result = Validate(new JwtOptions
        {
            Keys = [new() { KeyId = "a", Pem = Pem }, new() { KeyId = "b", Pem = SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256) }],
        });

        Assert.That(result.FailureMessage, Does.Contain("distinct ActiveFrom"));
    }

    [Test]
    public void Only_future_keys_are_refused()
    {
        var result = Validate(new JwtOptions { Keys = [new() { Pem = Pem, ActiveFrom = time.GetUtcNow().AddMinutes(1) }] });

        Assert.That(result.FailureMessage, Does.Contain("active now"));
    }

    [Test]
    public void A_key_entry_without_pem_names_its_index()
    {
        var result = Validate(new JwtOptions { Keys = [new() { Pem = Pem }, new() { KeyId = "empty", ActiveFrom = time.GetUtcNow() }] });

        Assert.That(result.FailureMessage, Does.Contain("Jwt:Keys:1 needs Pem or PemFile"));
    }

    [TestCase("HS256", null, "Jwt:SigningKey (or Jwt:SigningKeyFile) must be set")]
    [TestCase("HS256", "short", "at least 32 characters")]
    [TestCase("none", null, "Jwt:Algorithm must be one of")]
    public void Secret_and_algorithm_mistakes_name_the_setting(string algorithm, string? secret, string message)
    {
        var result = Validate(new JwtOptions { Algorithm = algorithm, SigningKey = secret });

        Assert.That(result.FailureMessage, Does.Contain(message));
    }

    [Test]
    public void Lifetimes_out_of_range_are_refused()
    {
        var result = Validate(new JwtOptions
        {
            Keys = [new() { Pem = Pem }],
            AccessTokenLifetime = TimeSpan.FromDays(2),
            RefreshTokenReuseGrace = TimeSpan.FromMinutes(5),
            ClockSkew = TimeSpan.FromMinutes(10),
        });

        Assert.That(result.FailureMessage, Does.Contain("Jwt:AccessTokenLifetime").And.Contain("Jwt:RefreshTokenReuseGrace").And.Contain("Jwt:ClockSkew"));
    }

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(JwtOptions options) =>
        new JwtOptionsValidator(time).Validate(null, options);
}
