using System.Security.Claims;
using Auth.Infrastructure.Authentication;

namespace Auth.Api.Contracts;

/// <summary>The session of the access token that made the call, as its claims say.</summary>
public sealed record CurrentSessionResponse
{
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public required Guid Id { get; init; }

    /// <summary>How the sign-in was proven (RFC 8176): <c>pwd</c>; with a second factor also <c>otp</c> and <c>mfa</c>.</summary>
    /// <example>["pwd", "otp", "mfa"]</example>
    public required IReadOnlyList<string> Amr { get; init; }

    /// <summary><c>aal2</c> when the sign-in proved two factors, else <c>aal1</c>.</summary>
    /// <example>aal2</example>
    public required string Aal { get; init; }

    public static CurrentSessionResponse From(ClaimsPrincipal caller) => new()
    {
        Id = caller.GetSessionId(),
        Amr = caller.GetAuthenticationMethods(),
        Aal = caller.GetAssuranceLevel(),
    };
}
