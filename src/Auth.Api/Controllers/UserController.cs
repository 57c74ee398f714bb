using Auth.Api.Authentication;
using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Users.ChangePassword;
using Auth.Application.Users.DeleteAccount;
using Auth.Application.Users.GetCurrentUser;
using Auth.Application.Users.RequestEmailChange;
using Auth.Application.Users.UpdateProfile;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Auth.Api.Controllers;

/// <summary>The signed-in user's own account.</summary>
[ApiController]
[Route("auth/user")]
[Authorize]
[Produces("application/json")]
public sealed class UserController(ISender sender) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>The account the access token belongs to, and how the calling session signed in.</summary>
    /// <response code="200">The user, with <c>session</c>: the calling session's id, <c>amr</c> and <c>aal</c>.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token, or the account no longer exists.</response>
    [HttpGet]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetCurrentUserQuery(User.GetUserId()), cancellationToken);
        return result.IsSuccess
            ? Ok(UserResponse.From(result.Value) with { Session = CurrentSessionResponse.From(User) })
            : this.Problem(result.Error!);
    }

    /// <summary>Changes the display name.</summary>
    /// <response code="200">The updated user.</response>
    /// <response code="400"><c>validation_failed</c>: the name is empty, too long or has control, invisible or text-direction characters.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    [HttpPatch]
    [Consumes("application/json")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> Update(UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        var command = new UpdateProfileCommand(User.GetUserId(), User.GetSessionId(), request.Name ?? "", HttpContext.GetClientInfo());
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? Ok(UserResponse.From(result.Value)) : this.Problem(result.Error!);
    }

    /// <summary>Changes the password; every other session of the user ends.</summary>
    /// <remarks>A wrong password answers 403 <c>wrong_password</c>; before this code existed it was <c>invalid_credentials</c>, now only login's 401.</remarks>
    /// <response code="204">The password changed; this session lives on, all others ended.</response>
    /// <response code="400"><c>validation_failed</c>: the new password breaks the length rule; <c>weak_password</c>: the password is common, made from the email or name, repetitive or breached; <c>reasons</c> says which.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>wrong_password</c>: the current password is wrong; <c>mfa_step_up_required</c>: the account uses two-step verification and this session did not sign in with it.</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive wrong passwords for this account (the login lockout); see <c>Retry-After</c>.</response>
    /// <response code="409"><c>password_not_set</c>: the account has no password to prove (made by an external provider); set one through <c>POST /auth/password/forgot</c>.</response>
    [HttpPost("password")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [RequiresStepUp]
    [HashesPassword]
    [Consumes("application/json")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    public async Task<IActionResult> ChangePassword(ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var command = new ChangePasswordCommand(User.GetUserId(), User.GetSessionId(), request.CurrentPassword ?? "", request.NewPassword ?? "", HttpContext.GetClientInfo());
        return NoContentOrProblem(await sender.Send(command, cancellationToken));
    }

    /// <summary>Asks to move the account to another address: a confirmation link goes there, a notice with a cancel link to the current one.</summary>
    /// <remarks>
    /// Nothing changes until the new address is confirmed (<c>POST /auth/email/change/confirm</c>, within 24 hours by
    /// default); a new request replaces the pending one. The answer is 202 whether or not another account has the
    /// address (that address is then told someone tried to use it), so it never says who has an account.
    /// </remarks>
    /// <response code="202">Accepted; the mails go out in the background.</response>
    /// <response code="400"><c>validation_failed</c>: the new address is malformed or the password missing; <c>email_unchanged</c>: it is the account's address already.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>wrong_password</c>: the current password is wrong; <c>mfa_step_up_required</c>: the account uses two-step verification and this session did not sign in with it.</response>
    /// <response code="429"><c>too_many_email_changes</c>: the per-account cap (3 an hour by default) is reached; see <c>Retry-After</c>; <c>too_many_attempts</c>: 5 consecutive wrong passwords.</response>
    /// <response code="409"><c>password_not_set</c>: the account has no password to prove (made by an external provider); set one through <c>POST /auth/password/forgot</c>.</response>
    [HttpPost("email")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [RequiresStepUp]
    [HashesPassword]
    [Consumes("application/json")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ProducesResponseType<AcceptedResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> ChangeEmail(ChangeEmailRequest request, CancellationToken cancellationToken)
    {
        var command = new RequestEmailChangeCommand(User.GetUserId(), User.GetSessionId(), request.NewEmail ?? "", request.CurrentPassword ?? "", HttpContext.GetClientInfo());
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? Accepted(AcceptedResponse.Instance) : this.Problem(result.Error!);
    }

    /// <summary>Deletes the account and ends all its sessions; the email can sign up again.</summary>
    /// <remarks>A wrong password answers 403 <c>wrong_password</c>; before this code existed it was <c>invalid_credentials</c>, now only login's 401.</remarks>
    /// <response code="204">The account is gone; its tokens are refused from now on.</response>
    /// <response code="400"><c>validation_failed</c>: no password given.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>wrong_password</c>: the password is wrong; <c>mfa_step_up_required</c>: the account uses two-step verification and this session did not sign in with it.</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive wrong passwords for this account (the login lockout); see <c>Retry-After</c>.</response>
    /// <response code="409"><c>password_not_set</c>: the account has no password to prove (made by an external provider); set one through <c>POST /auth/password/forgot</c>.</response>
    [HttpDelete]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [RequiresStepUp]
    [HashesPassword]
    [Consumes("application/json")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    public async Task<IActionResult> Delete(DeleteAccountRequest request, CancellationToken cancellationToken)
    {
        var command = new DeleteAccountCommand(User.GetUserId(), User.GetSessionId(), request.Password ?? "", HttpContext.GetClientInfo());
        return NoContentOrProblem(await sender.Send(command, cancellationToken));
    }

    private IActionResult NoContentOrProblem(Application.Common.Results.Result result) => result.IsSuccess
        ? NoContent()
        : this.Problem(result.Error!);
}
