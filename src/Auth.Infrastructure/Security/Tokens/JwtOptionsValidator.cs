using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>Stops the service at start, naming the setting, rather than failing on the first token.</summary>
internal sealed class JwtOptionsValidator(TimeProvider time) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (!SigningAlgorithms.All.Contains(options.Algorithm))
        {
            failures.Add($"Jwt:Algorithm must be one of {string.Join(", ", SigningAlgorithms.All)}; it is '{options.Algorithm}'.");
        }
        else if (SigningAlgorithms.IsAsymmetric(options.Algorithm))
        {
            ValidateKeys(options, failures);
        }
        else
        {
            ValidateSecret(options, failures);
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Jwt:Issuer must be set.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Jwt:Audience must be set.");
        }

        if (options.AccessTokenLifetime < TimeSpan.FromMinutes(1) || options.AccessTokenLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("Jwt:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00.");
        }

        if (options.RefreshTokenLifetime <= options.AccessTokenLifetime)
        {
            failures.Add("Jwt:RefreshTokenLifetime must be longer than Jwt:AccessTokenLifetime.");
        }

        if (options.RefreshTokenIdleLifetime <= options.AccessTokenLifetime || options.RefreshTokenIdleLifetime > options.RefreshTokenLifetime)
        {
            failures.Add("Jwt:RefreshTokenIdleLifetime must be longer than Jwt:AccessTokenLifetime and at most Jwt:RefreshTokenLifetime.");
        }

        if (options.RefreshTokenReuseGrace < TimeSpan.Zero || options.RefreshTokenReuseGrace > TimeSpan.FromMinutes(1))
        {
            failures.Add("Jwt:RefreshTokenReuseGrace must be between 00:00:00 and 00:01:00.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add("Jwt:ClockSkew must be between 00:00:00 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateKeys(JwtOptions options, List<string> failures)
    {
        if (options.Keys.Count == 0 && string.IsNullOrWhiteSpace(options.KeyDirectory))
        {
            failures.Add($"Jwt:Keys must list at least one {options.Algorithm} private key outside Development (Jwt:Keys:0:PemFile or Jwt:Keys:0:Pem), or a Jwt:KeyDirectory.");
            return;
        }

        IReadOnlyList<SigningKeyLoader.LoadedKey> keys;
        try
        {
            keys = SigningKeyLoader.Load(options);
        }
        catch (InvalidSigningKeyException e)
        {
            failures.Add(e.Message);
            return;
        }

        if (keys.Count == 0)
        {
            failures.Add($"Jwt:KeyDirectory '{options.KeyDirectory}' holds no *.pem key: write one with the rotate-key command (see README).");
            return;
        }

        if (keys.Select(k => k.Material.KeyId).Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            failures.Add("Jwt:Keys must have distinct KeyIds.");
        }

        if (keys.Select(k => k.ActiveFrom).Distinct().Count() != keys.Count)
        {
            failures.Add("Jwt:Keys must have distinct ActiveFrom values (at most one without), so exactly one key signs at any time.");
        }

        if (keys[0].ActiveFrom > time.GetUtcNow())
        {
            failures.Add("Jwt:Keys must include a key that is active now (no ActiveFrom, or one in the past).");
        }
    }

    private static void ValidateSecret(JwtOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add(string.IsNullOrWhiteSpace(options.SigningKeyFile)
                ? $"Jwt:SigningKey (or Jwt:SigningKeyFile) must be set for HS256 outside Development: a secret of at least {JwtOptions.MinSigningKeyLength} characters."
                : $"Jwt:SigningKeyFile '{options.SigningKeyFile}' does not exist.");
        }
        else if (options.SigningKey.Length < JwtOptions.MinSigningKeyLength)
        {
            failures.Add($"Jwt:SigningKey must be at least {JwtOptions.MinSigningKeyLength} characters (256 bits for HS256).");
        }
    }
}
