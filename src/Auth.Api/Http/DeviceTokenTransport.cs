using Auth.Api.Contracts;
using Auth.Infrastructure.Devices;
using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>
/// Carries the device token the way the refresh token travels (<c>Auth:RefreshTokenTransport</c>): in cookie mode an
/// <c>HttpOnly</c> cookie that only the login path sees; in body mode the <c>deviceToken</c> field of the login
/// response, which the client sends back in the <c>X-Device-Token</c> header of its next login.
/// </summary>
public sealed class DeviceTokenTransport(IOptions<RefreshTokenTransportOptions> transport, IOptions<DeviceOptions> devices)
{
    public const string CookieName = "auth_device";

    public const string HeaderName = "X-Device-Token";

    // Only the login reads it; no other request needs to carry it.
    private const string CookiePath = "/auth/login";

    /// <summary>
    /// The passkey sign-in's own cookie: a path of its own keeps the login cookie off every other route, so a browser
    /// holds one device cookie per way of signing in (the first passkey sign-in is a new device, the next ones known).
    /// </summary>
    public const string PasskeyCookiePath = "/auth/passkeys/login";

    /// <summary>An external provider's sign-in holds its own device cookie too, for the same reason.</summary>
    public const string ExternalCookiePath = "/auth/external/exchange";

    private bool InCookie => transport.Value.RefreshTokenTransport == RefreshTokenTransport.Cookie;

    /// <summary>The presented device token: the cookie's in cookie mode, the header's (<paramref name="header"/>) otherwise.</summary>
    public string? Read(HttpRequest request, string? header) => InCookie ? request.Cookies[CookieName] : header;

    /// <summary>The response body to send; in cookie mode the token is moved from it into the cookie.</summary>
    public AuthResponse Deliver(HttpResponse response, AuthResponse body) => Deliver(response, body, CookiePath);

    /// <summary>As <see cref="Deliver(HttpResponse, AuthResponse)"/>, the cookie set for <paramref name="path"/>.</summary>
    public AuthResponse Deliver(HttpResponse response, AuthResponse body, string path)
    {
        if (!InCookie || body.DeviceToken is null)
        {
            return body;
        }

        response.Cookies.Append(CookieName, body.DeviceToken, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = path,
            MaxAge = devices.Value.TokenLifetime,
            IsEssential = true,
        });
        return body with { DeviceToken = null };
    }
}
