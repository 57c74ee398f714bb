using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Auth.Api.Errors;

/// <summary>The single place where a validation failure from the mediator pipeline becomes 400 <c>validation_failed</c>.</summary>
internal sealed class ValidationExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RequestValidationException validation)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new HttpValidationProblemDetails(validation.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = ProblemDetail.ForInvalid(httpContext, [.. validation.Errors.Keys], "The request is not valid."),
        };
        problem.Extensions["code"] = AuthErrors.ValidationFailedCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
