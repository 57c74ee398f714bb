using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Application.Admin.ListAuditEvents;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Controllers;

/// <summary>The security-event trail, for administrators.</summary>
[ApiController]
[Route("admin/audit")]
[Authorize(Policy = ApiServices.AdminPolicy)]
[Produces("application/json")]
public sealed class AdminAuditController(ISender sender) : ControllerBase
{
    /// <summary>Security events, newest first, filtered by account, type and time.</summary>
    /// <remarks>Kept for 90 days by default (<c>Audit:Retention</c>). Events are stored a moment after they happen.</remarks>
    /// <param name="userId">Only events about this account.</param>
    /// <param name="type">Only this event type, e.g. <c>LoginFailed</c>, <c>RoleGranted</c>.</param>
    /// <param name="from">Only events at or after this time (ISO 8601).</param>
    /// <param name="to">Only events at or before this time (ISO 8601).</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 100; 50 by default.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <response code="200">One page and the total number of matches.</response>
    /// <response code="400"><c>validation_failed</c>: an unknown type, a bad range or paging parameter.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>forbidden</c>: the caller is not an administrator.</response>
    [HttpGet]
    [ProducesResponseType<PageResponse<AuditEventResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ErrorResults.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ErrorResults.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ErrorResults.ProblemJson)]
    public async Task<PageResponse<AuditEventResponse>> List(
        Guid? userId, string? type, DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = 50,
        CancellationToken cancellationToken = default)
    {
        var result = await sender.Send(new ListAuditEventsQuery(userId, type, from, to, page, pageSize), cancellationToken);
        return PageResponse.From(result, AuditEventResponse.From);
    }
}
