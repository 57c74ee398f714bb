using System.Security.Claims;
using Auth.Infrastructure.Security.Tokens;

namespace Auth.Infrastructure.Authentication;

/// <summary>What a validated access token says about its caller, read without knowing its claim names.</summary>
public static class AccessTokenPrincipal
{
    /// <summary>The token was validated, so these claims exist; their absence is a bug, not a client error.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(AccessTokenClaims.Subject)!);

    public static Guid GetSessionId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(AccessTokenClaims.SessionId)!);

    /// <summary>The session's assurance level; a token from before levels were issued counts as <c>aal1</c>.</summary>
    public static string GetAssuranceLevel(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(AccessTokenClaims.AssuranceLevel) ?? Domain.Sessions.AuthenticationMethods.Aal1;

    /// <summary>How the session's sign-in was proven (RFC 8176); a password alone for a token from before.</summary>
    public static IReadOnlyList<string> GetAuthenticationMethods(this ClaimsPrincipal principal) =>
        principal.FindAll(AccessTokenClaims.AuthenticationMethods).Select(c => c.Value).ToArray() is { Length: > 0 } amr
            ? amr
            : Domain.Sessions.AuthenticationMethods.PasswordOnly;
}
