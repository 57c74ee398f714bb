using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Auth.Api.Errors;

/// <summary>
/// MVC's own client errors (415 for a body that is not JSON, 404 from an action) as problem+json with a code.
/// MVC's default would be an ObjectResult, whose content type a controller's <c>[Produces]</c> rewrites.
/// </summary>
internal sealed class ClientErrorProblems(ProblemDetailsFactory problems) : IClientErrorFactory
{
    public IActionResult GetClientError(ActionContext actionContext, IClientErrorActionResult clientError)
    {
        var status = clientError.StatusCode ?? StatusCodes.Status400BadRequest;
        var problem = problems.CreateProblemDetails(actionContext.HttpContext, status, detail: ProblemStatus.ErrorFor(status).Message);
        return ErrorResults.ProblemResult(problem);
    }
}
