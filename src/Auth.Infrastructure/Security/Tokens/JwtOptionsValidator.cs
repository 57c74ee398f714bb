using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>Stops the service at start, naming the setting, rather than failing on the first token.</summary>
internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add(string.IsNullOrWhiteSpace(options.SigningKeyFile)
                ? $"Jwt:SigningKey (or Jwt:SigningKeyFile) must be set outside Development: a secret of at least {JwtOptions.MinSigningKeyLength} characters."
                : $"Jwt:SigningKeyFile '{options.SigningKeyFile}' does not exist.");
        }
        else if (options.SigningKey.Length < JwtOptions.MinSigningKeyLength)
        {
            failures.Add($"Jwt:SigningKey must be at least {JwtOptions.MinSigningKeyLength} characters (256 bits for HS256).");
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
}
