namespace Auth.Api.Http;

/// <summary>
/// Headers every response gets. <c>nosniff</c> stops a browser from running a JSON body as script or HTML. Nothing
/// this API answers is meant for shared caches (users, sessions, tokens, audit rows), so <c>no-store</c> is the
/// default; a route that is public and cacheable (the key set, discovery) sets its own <c>Cache-Control</c>.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
