using Auth.Api.Errors;
using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Caching;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Auth.Api.Authentication;

/// <summary>
/// Bearer validation: signature, algorithm, issuer, audience, type and lifetime (see
/// <see cref="AccessTokenValidation"/>), then the session's revocation, looked up in memory. No database query.
/// A token validated before skips the signature check (<see cref="CachingAccessTokenHandler"/>); revocation is
/// still checked on every request.
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
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var sid = context.Principal?.FindFirst(AccessTokenClaims.SessionId)?.Value;
                var sub = context.Principal?.FindFirst(AccessTokenClaims.Subject)?.Value;
                if (!Guid.TryParse(sid, out var sessionId) || !Guid.TryParse(sub, out _) || revocations.IsRevoked(sessionId))
                {
                    context.Fail("The session has ended.");
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                // RFC 6750 §3.1: the error attribute only when a bearer token was actually presented.
                var tokenSent = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
                context.Response.Headers.WWWAuthenticate = tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer";
                await ProblemWriter.WriteAsync(context.HttpContext, AuthErrors.InvalidToken,
                    tokenSent ? null : "This endpoint needs a bearer access token.");
            },
            OnForbidden = context => ProblemWriter.WriteAsync(context.HttpContext, AuthErrors.Forbidden).AsTask(),
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
