using Auth.Api.Hosting;
using Auth.Application.Admin.RecordRefusedCall;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Auth.Api.Authentication;

/// <summary>
/// A signed-in account refused at an administrator's route goes on the audit trail (sampled per account), so an
/// administrator sees who probes the admin API. Recording never changes the answer, nor delays it past a moment.
/// </summary>
internal static partial class RefusedAdminCalls
{
    private static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(2);

    public static async Task RecordAsync(HttpContext context)
    {
        var adminRoute = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(a => a.Policy == ApiServices.AdminPolicy) == true;
        if (!adminRoute || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RefusedAdminCalls));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(RecordTimeout);
        try
        {
            var result = await context.RequestServices.GetRequiredService<ISender>()
                .Send(new RecordRefusedAdminCallCommand(context.User.GetUserId()), timeout.Token);
            if (!result.IsSuccess)
            {
                LogNotRecorded(logger, result.Error!.Code);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogNotRecorded(logger, "timeout");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refused administrator call was not recorded in the audit trail ({Reason})")]
    private static partial void LogNotRecorded(ILogger logger, string reason);
}
