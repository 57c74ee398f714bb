using Auth.Application.Common.Security;
using Microsoft.Net.Http.Headers;

namespace Auth.Api.Http;

internal static class HttpContextExtensions
{
    /// <summary>
    /// The client's address: the peer's, or the one a trusted proxy forwarded (<c>ForwardedHeaders</c>), since the
    /// forwarded-headers middleware runs first. Rate limits, sessions and audit all take it from here.
    /// </summary>
    public static string? ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    public static ClientInfo GetClientInfo(this HttpContext context) =>
        new(context.ClientAddress(), context.Request.Headers[HeaderNames.UserAgent].ToString() is { Length: > 0 } agent ? agent : null);
}
