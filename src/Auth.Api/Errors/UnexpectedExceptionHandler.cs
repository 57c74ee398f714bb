using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Auth.Api.Errors;

/// <summary>
/// Everything no other handler took: a bad request the server detected while reading it keeps its status;
/// anything else is a 500 whose body says nothing about the cause. The details go to the log only.
/// </summary>
internal sealed partial class UnexpectedExceptionHandler(ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away; there is no one to answer
        }

        if (exception is BadHttpRequestException badRequest)
        {
            await ProblemWriter.WriteAsync(httpContext, ProblemStatus.ErrorFor(badRequest.StatusCode));
            return true;
        }

        LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path);
        await ProblemWriter.WriteAsync(httpContext, AuthErrors.InternalError);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error handling {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
