using Auth.Api.Errors;
using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Auth.Api.Authentication;

/// <summary>
/// How the API answers a refused bearer token: a problem body with a code, and the RFC 6750 challenge. Token
/// validation itself is Infrastructure's (<c>AddTokenAuthentication</c>); this only writes the response.
/// </summary>
internal sealed class BearerChallengeProblems : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        options.Events.OnChallenge = async context =>
        {
            context.HandleResponse();
            // RFC 6750 §3.1: the error attribute only when a bearer token was actually presented.
            var tokenSent = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            context.Response.Headers.WWWAuthenticate = tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer";
            await ProblemWriter.WriteAsync(context.HttpContext, AuthErrors.InvalidToken);
        };
        options.Events.OnForbidden = async context =>
        {
            await RefusedAdminCalls.RecordAsync(context.HttpContext);
            await ProblemWriter.WriteAsync(context.HttpContext, AuthErrors.Forbidden);
        };
    }
}
