using Auth.Application.Abstractions;
using Auth.Infrastructure.Security.Tokens.Caching;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>
/// Bearer validation: signature, algorithm, issuer, audience, type and lifetime (see
/// <see cref="AccessTokenValidation"/>), then the session's revocation, looked up in memory. No database query.
/// A token validated before skips the signature check (<see cref="CachingAccessTokenHandler"/>); revocation is
/// still checked on every request. How a refusal is written (the challenge) is the host's affair.
/// </summary>
internal sealed class JwtBearerSetup(AccessTokenValidation validation, IRevocationList revocations, CachingAccessTokenHandler tokenHandler)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = validation.Parameters;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(tokenHandler);
        options.Events ??= new JwtBearerEvents();
        options.Events.OnTokenValidated = context =>
        {
            var sid = context.Principal?.FindFirst(AccessTokenClaims.SessionId)?.Value;
            var sub = context.Principal?.FindFirst(AccessTokenClaims.Subject)?.Value;
            if (!Guid.TryParse(sid, out var sessionId) || !Guid.TryParse(sub, out _) || revocations.IsRevoked(sessionId))
            {
                context.Fail("The session has ended.");
            }

            return Task.CompletedTask;
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
