using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Users.CancelEmailChange;
using Auth.Application.Users.ConfirmEmail;
using Auth.Application.Users.ConfirmEmailChange;
using Auth.Application.Users.ResendConfirmation;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Auth.Api.Controllers;

/// <summary>Proving an email address: the link in the confirmation mail lands on the frontend, which posts its token here.</summary>
[ApiController]
[Route("auth/email")]
[Produces("application/json")]
public sealed class EmailController(ISender sender) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>Confirms the address the mailed token was sent to.</summary>
    /// <remarks>Each token works once and expires (48 hours by default). A bad token answers 400 <c>invalid_account_token</c>; before this code existed it was <c>invalid_token</c>, now only the 401 of a bad access token.</remarks>
    /// <response code="204">The address is confirmed; <c>emailConfirmed</c> is now true.</response>
    /// <response code="400"><c>invalid_account_token</c>: the token is unknown, expired or already used; <c>validation_failed</c>: no token.</response>
    [HttpPost("confirm")]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> Confirm(ConfirmEmailRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ConfirmEmailCommand(request.Token ?? "", HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }

    /// <summary>Sends a new confirmation mail to the signed-in user (nothing when already confirmed).</summary>
    /// <response code="202">Accepted; the mail goes out in the background.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="429"><c>too_many_requests</c>: too many mail requests from this client; <c>confirmation_mail_limit</c>:
    /// the account had its confirmation mails for this hour (<c>Auth:ConfirmationMailsPerHour</c>). See <c>Retry-After</c>.</response>
    [HttpPost("resend")]
    [Authorize]
    [EnableRateLimiting(RateLimiting.EmailPolicy)]
    [ProducesResponseType<AcceptedResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> Resend(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResendConfirmationCommand(User.GetUserId(), User.GetSessionId(), HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? Accepted(AcceptedResponse.Instance) : this.Problem(result.Error!);
    }

    /// <summary>Switches the account to the new address the mailed token was sent to.</summary>
    /// <remarks>
    /// The address becomes the sign-in address, confirmed; every reset, confirmation and email change link mailed
    /// before stops working, and the old address is told. Sessions stay: <c>GET /auth/user</c> shows the new address at
    /// once, access tokens from the next refresh or login carry it.
    /// </remarks>
    /// <response code="204">The address changed.</response>
    /// <response code="400"><c>invalid_account_token</c>: the token is unknown, expired, already used, replaced by a newer request or cancelled; <c>validation_failed</c>: no token.</response>
    /// <response code="409"><c>email_taken</c>: another account got the address first (a signup or another change).</response>
    [HttpPost("change/confirm")]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> ConfirmChange(EmailChangeTokenRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ConfirmEmailChangeCommand(request.Token ?? "", HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }

    /// <summary>Drops the pending email change, with the token of the cancel link in the notice mailed to the current address.</summary>
    /// <response code="204">The pending change is dropped; its confirmation link no longer works.</response>
    /// <response code="400"><c>invalid_account_token</c>: the token is unknown, expired or already used (the change was confirmed, replaced or cancelled); <c>validation_failed</c>: no token.</response>
    [HttpPost("change/cancel")]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> CancelChange(EmailChangeTokenRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CancelEmailChangeCommand(request.Token ?? "", HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }
}
