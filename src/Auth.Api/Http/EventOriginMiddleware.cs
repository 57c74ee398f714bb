using Auth.Application.Common.Events;
using Auth.Infrastructure.Authentication;

namespace Auth.Api.Http;

/// <summary>
/// Tells the request's <see cref="EventOrigin"/> who is calling, so the events the request's changes raise are
/// stored with the client and, for an administrator acting on an account, the actor.
/// </summary>
internal sealed class EventOriginMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, EventOrigin origin)
    {
        origin.Client = context.GetClientInfo();
        if (context.User.Identity?.IsAuthenticated == true)
        {
            origin.CallerId = context.User.GetUserId();
            origin.SessionId = context.User.GetSessionId();
        }

        return next(context);
    }
}
