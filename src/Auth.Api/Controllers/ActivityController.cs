using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Application.Users.ListActivity;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Controllers;

/// <summary>The caller's own sign-in history and security events.</summary>
[ApiController]
[Route("auth/activity")]
[Authorize]
[Produces("application/json")]
public sealed class ActivityController(ISender sender) : ControllerBase
{
    /// <summary>Security events on the caller's account, newest first: sign-ins, failed attempts, lockouts, password and email changes, ended sessions.</summary>
    /// <remarks>Kept as long as the audit trail (<c>Audit:Retention</c>, 90 days by default); events appear a moment after they happen.</remarks>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 100; 20 by default.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <response code="200">One page and the total number of events.</response>
    /// <response code="400"><c>validation_failed</c>: a paging parameter is out of range.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    [HttpGet]
    [ProducesResponseType<PageResponse<ActivityEventResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ErrorResults.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ErrorResults.ProblemJson)]
    public async Task<PageResponse<ActivityEventResponse>> List(int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var result = await sender.Send(new ListActivityQuery(User.GetUserId(), page, pageSize), cancellationToken);
        return PageResponse.From(result, ActivityEventResponse.From);
    }
}
