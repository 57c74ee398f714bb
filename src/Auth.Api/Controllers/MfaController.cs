using Auth.Api.Authentication;
using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Common.Errors;
using Auth.Application.Mfa.ConfirmTotpEnrolment;
using Auth.Application.Mfa.DisableTotp;
using Auth.Application.Mfa.GetMfaStatus;
using Auth.Application.Mfa.RegenerateRecoveryCodes;
using Auth.Application.Mfa.StartTotpEnrolment;
using Auth.Application.Mfa.VerifyMfa;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Auth.Api.Controllers;

/// <summary>Two-step verification: enrolling an authenticator app, recovery codes, and the second step of a sign-in.</summary>
[ApiController]
[Route("auth/mfa")]
[Produces("application/json")]
public sealed class MfaController(ISender sender, RefreshTokenCookie refreshCookie, DeviceTokenTransport deviceTokens) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>The caller's second factors.</summary>
    /// <response code="200">TOTP on or off and since when, recovery codes left.</response>
    [HttpGet]
    [Authorize]
    [ProducesResponseType<MfaStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetMfaStatusQuery(User.GetUserId()), cancellationToken);
        return result.IsSuccess ? Ok(MfaStatusResponse.From(result.Value)) : this.Problem(result.Error!);
    }

    /// <summary>Starts enrolling an authenticator app: a new secret, pending until a code confirms it.</summary>
    /// <remarks>
    /// With a Bearer token, <c>currentPassword</c> proves the owner again. Without one, the <c>mfaToken</c> of a login
    /// answered 403 <c>mfa_enrollment_required</c> stands for it. A new start replaces a pending one.
    /// </remarks>
    /// <response code="200">The secret, its <c>otpauth://</c> URI and the URI as an SVG QR code.</response>
    /// <response code="400"><c>validation_failed</c>: no current password with a Bearer token.</response>
    /// <response code="401"><c>invalid_token</c>: neither a valid access token nor an mfaToken; <c>invalid_mfa_token</c>: the mfaToken is unknown, expired, used or from another client.</response>
    /// <response code="403"><c>wrong_password</c>: the current password is wrong.</response>
    /// <response code="409"><c>mfa_already_enabled</c>: TOTP is already on; <c>password_not_set</c>: the account has no password to prove (set one through the reset flow).</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive wrong passwords in this session; see <c>Retry-After</c>.</response>
    [HttpPost("totp")]
    [BearerOptional]
    [HashesPassword]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<TotpEnrolmentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> StartTotp(StartTotpRequest request, CancellationToken cancellationToken)
    {
        var (userId, sessionId) = Caller();
        if (userId is null && request.MfaToken is null)
        {
            return this.Problem(AuthErrors.InvalidToken);
        }

        var command = new StartTotpEnrolmentCommand(userId, sessionId, request.CurrentPassword, userId is null ? request.MfaToken : null, HttpContext.GetClientInfo());
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? Ok(TotpEnrolmentResponse.From(result.Value)) : this.Problem(result.Error!);
    }

    /// <summary>Turns TOTP on with a code from the app, and returns 10 recovery codes, shown this once.</summary>
    /// <remarks>
    /// With an enrolment-only <c>mfaToken</c> (instead of a Bearer token) the sign-in it belongs to finishes here:
    /// <c>session</c> holds the new session's tokens, signed in with both factors.
    /// </remarks>
    /// <response code="200">TOTP is on; the recovery codes (and, with an mfaToken, the session).</response>
    /// <response code="400"><c>validation_failed</c>: no code.</response>
    /// <response code="401"><c>invalid_token</c>: neither a valid access token nor an mfaToken; <c>invalid_mfa_token</c>: the mfaToken is unknown, expired, used or from another client; <c>invalid_mfa_code</c>: with an mfaToken, the code is wrong.</response>
    /// <response code="403"><c>wrong_mfa_code</c>: the code is wrong.</response>
    /// <response code="409"><c>no_pending_enrolment</c>: start one first; <c>mfa_already_enabled</c>: TOTP is already on.</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive wrong codes; see <c>Retry-After</c>.</response>
    [HttpPost("totp/confirm")]
    [BearerOptional]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<TotpConfirmedResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> ConfirmTotp(ConfirmTotpRequest request, CancellationToken cancellationToken)
    {
        var (userId, sessionId) = Caller();
        if (userId is null && request.MfaToken is null)
        {
            return this.Problem(AuthErrors.InvalidToken);
        }

        var command = new ConfirmTotpEnrolmentCommand(userId, sessionId, userId is null ? request.MfaToken : null, request.Code ?? "", HttpContext.GetClientInfo());
        var result = await sender.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return this.Problem(result.Error!);
        }

        var session = result.Value.Session is { } started
            ? deviceTokens.Deliver(Response, refreshCookie.Deliver(Response, AuthResponse.From(started)))
            : null;
        return Ok(new TotpConfirmedResponse { RecoveryCodes = result.Value.RecoveryCodes, Session = session });
    }

    /// <summary>Turns TOTP off; the recovery codes go with it. No session ends.</summary>
    /// <remarks>Needs a session signed in with two-step verification (<c>aal2</c>).</remarks>
    /// <response code="204">TOTP is off.</response>
    /// <response code="400"><c>validation_failed</c>: no code.</response>
    /// <response code="403"><c>wrong_mfa_code</c>: the code is neither the app's current one nor an unused recovery code; <c>mfa_step_up_required</c>: this session did not sign in with a second factor.</response>
    /// <response code="409"><c>mfa_not_enabled</c>: TOTP is off.</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive wrong codes in this session; see <c>Retry-After</c>.</response>
    [HttpDelete("totp")]
    [Authorize]
    [RequiresStepUp]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> DisableTotp(MfaCodeRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DisableTotpCommand(User.GetUserId(), User.GetSessionId(), request.Code ?? ""), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }

    /// <summary>Replaces the recovery codes with a fresh set of 10, shown this once.</summary>
    /// <remarks>Needs a session signed in with two-step verification (<c>aal2</c>).</remarks>
    /// <response code="200">The new codes; the old ones no longer work.</response>
    /// <response code="400"><c>validation_failed</c>: no code.</response>
    /// <response code="403"><c>wrong_mfa_code</c>: the code is neither the app's current one nor an unused recovery code; <c>mfa_step_up_required</c>: this session did not sign in with a second factor.</response>
    /// <response code="409"><c>mfa_not_enabled</c>: TOTP is off.</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive wrong codes in this session; see <c>Retry-After</c>.</response>
    [HttpPost("recovery-codes")]
    [Authorize]
    [RequiresStepUp]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<RecoveryCodesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> RegenerateRecoveryCodes(MfaCodeRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RegenerateRecoveryCodesCommand(User.GetUserId(), User.GetSessionId(), request.Code ?? ""), cancellationToken);
        return result.IsSuccess ? Ok(new RecoveryCodesResponse { RecoveryCodes = result.Value }) : this.Problem(result.Error!);
    }

    /// <summary>The second step of a sign-in: the login's <c>mfaToken</c> and a code from the app, a recovery code, or a passkey.</summary>
    /// <remarks>
    /// Each app code works once. Wrong codes count against the same lockout as wrong passwords (the device's budget
    /// when the login came from a known device), and 5 wrong codes spend the mfaToken. A recovery code works once;
    /// the owner is mailed how many are left. A passkey answers the <c>passkeyOptions</c> of the 403 <c>mfa_required</c>;
    /// a refused one counts like a wrong code.
    /// </remarks>
    /// <response code="200">The new session's tokens, signed in with two factors (<c>amr</c> pwd, otp, mfa, or pwd, hwk/swk, mfa with a passkey; <c>aal2</c>).</response>
    /// <response code="400"><c>validation_failed</c>: no mfaToken, or not exactly one of code, recoveryCode and assertion.</response>
    /// <response code="401"><c>invalid_mfa_token</c>: unknown, expired, used, spent by wrong codes or from another client; <c>invalid_mfa_code</c>: the code is wrong; <c>invalid_passkey</c>: the passkey's assertion does not verify.</response>
    /// <response code="403"><c>account_disabled</c> / <c>email_not_confirmed</c>: as for a password login.</response>
    /// <response code="429"><c>too_many_attempts</c>: too many consecutive failures for this account (or known device); see <c>Retry-After</c>.</response>
    [HttpPost("verify")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> Verify(VerifyMfaRequest request, CancellationToken cancellationToken)
    {
        var command = new VerifyMfaCommand(request.MfaToken ?? "", request.Code, request.RecoveryCode, HttpContext.GetClientInfo(), request.Assertion?.GetRawText());
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Ok(deviceTokens.Deliver(Response, refreshCookie.Deliver(Response, AuthResponse.From(result.Value))))
            : this.Problem(result.Error!);
    }

    /// <summary>The caller of a route that takes a Bearer token or an mfaToken: ids when a valid access token came.</summary>
    private (Guid? UserId, Guid? SessionId) Caller() =>
        User.Identity?.IsAuthenticated == true ? (User.GetUserId(), User.GetSessionId()) : (null, null);
}
