using Auth.Api.Contracts;
using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>
/// Carries the refresh token the way <c>Auth:RefreshTokenTransport</c> says. In cookie mode the token lives in an
/// <c>HttpOnly</c> cookie, so a script injected into the frontend cannot read it, and leaves the JSON.
/// </summary>
public sealed class RefreshTokenCookie(IOptions<RefreshTokenTransportOptions> options, ITokenLifetimes lifetimes)
{
    public const string Name = "auth_refresh";

    /// <summary>
    /// Browsers only send a custom header cross-origin after a CORS preflight that this service answers for its
    /// configured origins alone, so a form or image on any other page cannot make a cookie-authenticated call.
    /// </summary>
    public const string CsrfHeader = "X-Requested-With";

    // Refresh and logout live under /auth; no other path needs to see the token.
    private const string CookiePath = "/auth";

    public bool InCookie => options.Value.RefreshTokenTransport == RefreshTokenTransport.Cookie;

    /// <summary>The response body to send; in cookie mode the token is moved from it into the cookie.</summary>
    public AuthResponse Deliver(HttpResponse response, AuthResponse body)
    {
        if (!InCookie || body.RefreshToken is null)
        {
            return body;
        }

        response.Cookies.Append(Name, body.RefreshToken, Options(lifetimes.RefreshToken));
        return body with { RefreshToken = null };
    }

    /// <summary>The presented refresh token: the cookie's in cookie mode, the body's otherwise.</summary>
    public string? Read(HttpRequest request, RefreshRequest? body) => InCookie ? request.Cookies[Name] : body?.RefreshToken;

    /// <summary>True when a cookie-mode call lacks the header that proves it came from an allowed page's script.</summary>
    public bool LacksCsrfHeader(HttpRequest request) => InCookie && !request.Headers.ContainsKey(CsrfHeader);

    public void Clear(HttpResponse response)
    {
        if (InCookie)
        {
            response.Cookies.Delete(Name, Options(maxAge: null));
        }
    }

    private static CookieOptions Options(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = CookiePath,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
