using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Errors;

public static class ErrorResults
{
    /// <summary>The problem response for an expected failure, its status taken from <see cref="ProblemCodes"/>.</summary>
    public static ObjectResult Problem(this ControllerBase controller, Error error, int? status = null)
    {
        var code = status ?? ProblemCodes.StatusFor(error.Code);
        var problem = controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext, code, detail: error.Message);
        problem.Extensions["code"] = error.Code;
        return new ObjectResult(problem) { StatusCode = code, ContentTypes = { "application/problem+json" } };
    }
}
