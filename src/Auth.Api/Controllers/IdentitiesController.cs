using Auth.Api.Authentication;
using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Application.External.ListIdentities;
using Auth.Application.External.UnlinkIdentity;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Controllers;

/// <summary>The external provider accounts linked to the caller's account.</summary>
[ApiController]
[Route("auth/identities")]
[Authorize]
[Produces("application/json")]
public sealed class IdentitiesController(ISender sender) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>The caller's linked provider accounts, oldest first.</summary>
    /// <response code="200">The links.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ExternalIdentityResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<IReadOnlyList<ExternalIdentityResponse>> List(CancellationToken cancellationToken) =>
        [.. (await sender.Send(new ListIdentitiesQuery(User.GetUserId()), cancellationToken)).Select(ExternalIdentityResponse.From)];

    /// <summary>Unlinks one of the caller's provider accounts; it can no longer sign in.</summary>
    /// <remarks>
    /// Sessions it started stay (end them at <c>DELETE /auth/sessions/{id}</c>). The owner is mailed. Needs an
    /// <c>aal2</c> session when the account has two-step verification.
    /// </remarks>
    /// <response code="204">The link is gone.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>mfa_step_up_required</c>: the account has two-step verification and this session did not use it.</response>
    /// <response code="404"><c>identity_not_found</c>: the caller has no link with this id.</response>
    /// <response code="409"><c>last_sign_in_method</c>: it is the account's only way to sign in (no password, passkey or other link).</response>
    [HttpDelete("{id:guid}")]
    [RequiresStepUp]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Unlink(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new UnlinkIdentityCommand(User.GetUserId(), id), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }
}
