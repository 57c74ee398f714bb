using Microsoft.AspNetCore.Http.Features;

namespace Auth.Api.Http;

/// <summary>
/// HEAD wherever GET works (RFC 9110 §9.3.2): MVC routes only the methods an action names, so a HEAD request is
/// routed as GET and its body discarded, leaving status and headers exactly as GET would send them.
/// </summary>
internal sealed class HeadAsGet(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    }
}
