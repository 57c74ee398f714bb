using System.Diagnostics;
using Auth.Infrastructure.Telemetry;
using Mediator;

namespace Auth.Api.Telemetry;

/// <summary>One span per mediator command or query, named for it, inside the request's span.</summary>
public sealed class CommandTracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string SpanName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AuthTelemetry.ActivitySource.StartActivity(SpanName, ActivityKind.Internal);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}
