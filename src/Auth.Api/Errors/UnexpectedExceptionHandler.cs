using System.Text;
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

        if (exception is DecoderFallbackException)
        {
            // The body's bytes are not valid in the charset its Content-Type declares: the client's mistake, no trace needed.
            LogUndecodable(httpContext.Request.ContentType);
            await ProblemWriter.WriteAsync(httpContext, AuthErrors.BadRequest,
                "The request body is not valid in the charset its Content-Type declares; send UTF-8 JSON.");
            return true;
        }

        LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path);
        await ProblemWriter.WriteAsync(httpContext, AuthErrors.InternalError);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a body that does not decode as declared ({ContentType})")]
    private partial void LogUndecodable(string? contentType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error handling {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
