using System.Security.Claims;
using Auth.Infrastructure.Security.Tokens;

namespace Auth.Infrastructure.Authentication;

/// <summary>What a validated access token says about its caller, read without knowing its claim names.</summary>
public static class AccessTokenPrincipal
{
    /// <summary>The token was validated, so these claims exist; their absence is a bug, not a client error.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(AccessTokenClaims.Subject)!);

    public static Guid GetSessionId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(AccessTokenClaims.SessionId)!);
}
