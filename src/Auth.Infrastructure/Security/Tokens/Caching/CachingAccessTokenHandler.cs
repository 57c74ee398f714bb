using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens.Caching;

/// <summary>
/// The bearer token handler: <see cref="JsonWebTokenHandler"/>, with validated tokens remembered in a
/// <see cref="ValidatedTokenCache"/>. Only results that passed every check are cached, and only until the token's
/// <c>exp</c>, so a hit is a token this instance already accepted, character for character, with the same rules.
/// </summary>
public sealed class CachingAccessTokenHandler(ValidatedTokenCache cache, Telemetry.AuthMetrics? metrics = null) : TokenHandler
{
    private readonly JsonWebTokenHandler inner = new() { MapInboundClaims = false };

    public ValidatedTokenCache Cache => cache;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet(token, out var cached))
        {
            metrics?.TokenCacheLookup(hit: true);
            return cached!;
        }

        metrics?.TokenCacheLookup(hit: false);

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated)
        {
            cache.Add(token, result, new DateTimeOffset(validated.ValidTo, TimeSpan.Zero));
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);
}
