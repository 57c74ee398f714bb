using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>
/// The validation rules, made once over the same key ring the issuer signs with, so the two cannot drift apart.
/// </summary>
public sealed class AccessTokenValidation
{
    internal AccessTokenValidation(IOptions<JwtOptions> options, SigningKeyRing keys, TimeProvider time)
    {
        var settings = options.Value;
        Parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            // By kid only: an unknown kid, or a key retired past its tokens' lifetime, finds nothing and fails.
            IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid, time.GetUtcNow()) is { } key ? [key] : [],
            TryAllIssuerSigningKeys = false,
            // Pinned per key: a token may not choose its own algorithm (alg: none, HS256 keyed with our public key),
            // yet tokens of an RS256 key still validate after an ES256 key took over.
            ValidAlgorithms = keys.Algorithms,
            AlgorithmValidator = (algorithm, key, _, _) => keys.Signs(key, algorithm),
            ValidTypes = [AccessTokenClaims.TokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = AccessTokenClaims.Name,
            RoleClaimType = AccessTokenClaims.Role,
            LifetimeValidator = ClockLifetime.Validator(time),
        };
    }

    public TokenValidationParameters Parameters { get; }
}
