using Auth.Application.Common.Security;
using Microsoft.Net.Http.Headers;

namespace Auth.Api.Http;

internal static class HttpContextExtensions
{
    public static ClientInfo GetClientInfo(this HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers[HeaderNames.UserAgent].ToString() is { Length: > 0 } agent ? agent : null);
}
