using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens;

internal sealed class JwtAccessTokenIssuer(IOptions<JwtOptions> options, SigningKeyRing keys) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtOptions settings = options.Value;

    public AccessToken Issue(User user, Session session, DateTimeOffset now)
    {
        var expires = now + settings.AccessTokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = AccessTokenClaims.TokenType,
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.Current(now),
            Claims = new Dictionary<string, object>
            {
                [AccessTokenClaims.Subject] = user.Id.ToString(),
                [AccessTokenClaims.TokenId] = Guid.NewGuid().ToString(),
                [AccessTokenClaims.SessionId] = session.Id.ToString(),
                [AccessTokenClaims.Email] = user.Email,
                [AccessTokenClaims.Name] = user.Name,
                [AccessTokenClaims.Role] = user.Roles,
                [AccessTokenClaims.AuthenticationMethods] = session.Amr,
                [AccessTokenClaims.AssuranceLevel] = session.Aal,
            },
        };

        return new AccessToken(handler.CreateToken(descriptor), expires, (int)settings.AccessTokenLifetime.TotalSeconds);
    }
}
