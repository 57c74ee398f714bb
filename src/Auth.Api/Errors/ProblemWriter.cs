using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Errors;

/// <summary>Writes a problem body from middleware and authentication events, where there is no controller.</summary>
internal static class ProblemWriter
{
    public static ValueTask WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
