using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Users.ForgotPassword;
using Auth.Application.Users.ResetPassword;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Auth.Api.Controllers;

/// <summary>Password reset for users who cannot sign in: a mailed single-use link, then a new password.</summary>
[ApiController]
[Route("auth/password")]
[Produces("application/json")]
public sealed class PasswordController(ISender sender) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>Mails a reset link if an account has this email.</summary>
    /// <remarks>
    /// The answer is the same, in about the same time, whether or not the account exists, so it cannot be used to
    /// find out who has one. At most a few mails per account per hour; requests beyond that are accepted and ignored.
    /// </remarks>
    /// <response code="202">Accepted; if the account exists, a mail is on its way (valid 30 minutes by default).</response>
    /// <response code="400"><c>validation_failed</c>: the email is missing or malformed.</response>
    /// <response code="429"><c>too_many_requests</c>: too many mail requests from this client; see <c>Retry-After</c>.</response>
    [HttpPost("forgot")]
    [Consumes("application/json")]
    [EnableRateLimiting(RateLimiting.EmailPolicy)]
    [ProducesResponseType<AcceptedResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> Forgot(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ForgotPasswordCommand(request.Email ?? "", HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? Accepted(AcceptedResponse.Instance) : this.Problem(result.Error!);
    }

    /// <summary>Sets a new password with the mailed token; every session of the account ends.</summary>
    /// <remarks>A bad token answers 400 <c>invalid_account_token</c>; before this code existed it was <c>invalid_token</c>, now only the 401 of a bad access token.</remarks>
    /// <response code="204">The password is replaced; all sessions ended, older reset links dead, the login lockout cleared.</response>
    /// <response code="400"><c>invalid_account_token</c>: the token is unknown, expired or already used; <c>validation_failed</c>: a field breaks a rule; <c>weak_password</c>: the password is common, made from the email or name, repetitive or breached; <c>reasons</c> says which.</response>
    [HttpPost("reset")]
    [HashesPassword]
    [Consumes("application/json")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> Reset(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResetPasswordCommand(request.Token ?? "", request.NewPassword ?? "", HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }
}
