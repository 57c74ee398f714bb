using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Errors;

public static class ErrorResults
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>The problem response for an expected failure, its status taken from its kind (<see cref="ProblemStatus"/>).</summary>
    public static IActionResult Problem(this ControllerBase controller, Error error)
    {
        var status = ProblemStatus.For(error);
        var problem = controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext, status, detail: error.Message);
        problem.Extensions["code"] = error.Code;
        if (error.Reasons is { } reasons)
        {
            problem.Extensions["reasons"] = reasons;
        }
        foreach (var (name, value) in error.Extensions ?? new Dictionary<string, object>())
        {
            problem.Extensions[name] = value;
        }

        if (error.RetryAfter is { } retryAfter)
        {
            controller.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ProblemResult(problem);
    }

    /// <summary>
    /// A JSON result rather than an ObjectResult: <c>[Produces("application/json")]</c> on a controller rewrites
    /// an ObjectResult's content type, and a problem must say <c>application/problem+json</c>.
    /// </summary>
    public static IActionResult ProblemResult(ProblemDetails problem) =>
        new JsonResult(problem) { StatusCode = problem.Status, ContentType = ProblemJson };
}
