using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Errors;

/// <summary>Writes a problem body from middleware and authentication events, where there is no controller.</summary>
internal static class ProblemWriter
{
    /// <summary>The error's status and code; <paramref name="detail"/> when the situation says more than its message.</summary>
    public static ValueTask WriteAsync(HttpContext context, Error error, string? detail = null)
    {
        var status = ProblemStatus.For(error);
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail ?? error.Message };
        problem.Extensions["code"] = error.Code;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
