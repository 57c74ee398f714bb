using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>
/// The signing key and the validation rules, made once: issuing and validating read the same instance so they
/// cannot drift apart.
/// </summary>
public sealed class AccessTokenValidation
{
    public AccessTokenValidation(IOptions<JwtOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey!)), SecurityAlgorithms.HmacSha256);

        Parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = SigningCredentials.Key,
            // Pinned: a token may not choose its own algorithm (alg: none, algorithm confusion).
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [AccessTokenClaims.TokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = AccessTokenClaims.Name,
            RoleClaimType = AccessTokenClaims.Role,
            // The handler reads the system clock; this reads the injected TimeProvider so tests can move time.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp && exp.ToUniversalTime() > now - parameters.ClockSkew
                    && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + parameters.ClockSkew);
            },
        };
    }

    public SigningCredentials SigningCredentials { get; }

    public TokenValidationParameters Parameters { get; }
}
