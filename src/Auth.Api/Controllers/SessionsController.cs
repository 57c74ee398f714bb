using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Http;
using Auth.Application.Sessions.EndSession;
using Auth.Application.Sessions.ListSessions;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Controllers;

/// <summary>The caller's own sessions: where they are signed in, and a way to end any of them.</summary>
[ApiController]
[Route("auth/sessions")]
[Authorize]
[Produces("application/json")]
public sealed class SessionsController(ISender sender) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>The caller's active sessions, most recently used first.</summary>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 100; 50 by default.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <response code="200">One page of sessions, most recently used first, and how many there are; the caller's own has <c>current: true</c>.</response>
    /// <response code="400"><c>validation_failed</c>: a paging parameter is out of range.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    [HttpGet]
    [ProducesResponseType<PageResponse<SessionResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<PageResponse<SessionResponse>> List(int page = 1, int pageSize = ListSessionsQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var result = await sender.Send(new ListSessionsQuery(User.GetUserId(), User.GetSessionId(), page, pageSize), cancellationToken);
        return PageResponse.From(result, SessionResponse.From);
    }

    /// <summary>Ends one of the caller's sessions; its tokens are refused at once.</summary>
    /// <response code="204">The session ended.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="404"><c>session_not_found</c>: no active session of the caller has this id.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> End(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new EndSessionCommand(User.GetUserId(), User.GetSessionId(), id, HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }
}
