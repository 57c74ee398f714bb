using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Sessions.Login;
using Auth.Application.Sessions.Logout;
using Auth.Application.Sessions.RefreshSession;
using Auth.Application.Users.RegisterUser;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;

namespace Auth.Api.Controllers;

/// <summary>Accounts and sessions: the paths of the original service, kept so its clients keep working.</summary>
[ApiController]
[Route("auth")]
[Produces("application/json")]
public sealed class AuthController(ISender sender, RefreshTokenCookie refreshCookie, DeviceTokenTransport deviceTokens) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>Answers <c>{"status":"ok"}</c> when the process is up.</summary>
    [HttpGet("ping")]
    [ProducesResponseType<PingResponse>(StatusCodes.Status200OK)]
    public PingResponse Ping() => new("ok");

    /// <summary>Creates an account and signs it in.</summary>
    /// <remarks>Emails are unique case-insensitively; of concurrent signups with one email exactly one succeeds.</remarks>
    /// <response code="201">The account and its first session's tokens; <c>Location</c> is <c>/auth/user</c>.</response>
    /// <response code="400"><c>validation_failed</c>: a field breaks a rule; <c>errors</c> says which; <c>weak_password</c>: the password is common, made from the email or name, repetitive or breached; <c>reasons</c> says which.</response>
    /// <response code="409"><c>email_taken</c>: an account with this email exists.</response>
    /// <response code="413"><c>payload_too_large</c>: the body is over 32 KiB.</response>
    /// <response code="415"><c>unsupported_media_type</c>: the body is not JSON.</response>
    [HttpPost("signup")]
    [HashesPassword]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> Signup(SignupRequest request, CancellationToken cancellationToken)
    {
        var command = new RegisterUserCommand(request.Email ?? "", request.Password ?? "", request.Name ?? "", HttpContext.GetClientInfo());
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Created("/auth/user", refreshCookie.Deliver(Response, AuthResponse.From(result.Value)))
            : this.Problem(result.Error!);
    }

    /// <summary>Signs in with email and password and starts a session.</summary>
    /// <remarks>
    /// An unknown email and a wrong password get the same answer, in about the same time. Failures from clients the
    /// account does not know share one budget per email; a client presenting its device token (the
    /// <c>X-Device-Token</c> header, or the <c>auth_device</c> cookie in cookie mode) has its own, so it can sign in
    /// while the email is locked. A sign-in from a new device of an account that has others is mailed to the owner.
    /// </remarks>
    /// <param name="request">The credentials.</param>
    /// <param name="deviceToken">Body mode: the <c>deviceToken</c> of an earlier login on this client.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The new session's tokens and this client's device token.</response>
    /// <response code="400"><c>validation_failed</c>: email or password missing.</response>
    /// <response code="401"><c>invalid_credentials</c>: the email or password is wrong.</response>
    /// <response code="403"><c>mfa_required</c>: the password is right and the account uses two-step verification: send <c>mfaToken</c> with a code to <c>POST /auth/mfa/verify</c>; <c>mfa_enrollment_required</c>: the account's role needs two-step verification, which it has not set up: enrol with <c>mfaToken</c> at <c>POST /auth/mfa/totp</c>; <c>account_disabled</c>; <c>email_not_confirmed</c>.</response>
    /// <response code="429"><c>too_many_attempts</c>: 5 consecutive failures for this email from unknown clients (or from this known device); wait for <c>Retry-After</c> seconds.</response>
    [HttpPost("login")]
    [HashesPassword]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<MfaProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
    public async Task<IActionResult> Login(
        LoginRequest request, [FromHeader(Name = DeviceTokenTransport.HeaderName)] string? deviceToken, CancellationToken cancellationToken)
    {
        var command = new LoginCommand(request.Email ?? "", request.Password ?? "", HttpContext.GetClientInfo(), deviceTokens.Read(Request, deviceToken));
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Ok(deviceTokens.Deliver(Response, refreshCookie.Deliver(Response, AuthResponse.From(result.Value))))
            : this.Problem(result.Error!);
    }

    /// <summary>Exchanges a refresh token for a new access token and a new refresh token.</summary>
    /// <remarks>
    /// Each refresh token works once. Presenting it again within a few seconds (two tabs racing) returns the same
    /// successor; later, the whole session ends and the answer is <c>refresh_token_reused</c>. When the service runs
    /// with <c>Auth:RefreshTokenTransport</c> = <c>cookie</c>, the token is read from the <c>auth_refresh</c> cookie
    /// (the body can be left out), the new one is set in that cookie, and the request must carry an
    /// <c>X-Requested-With</c> header.
    /// </remarks>
    /// <response code="200">The new pair; the presented refresh token is spent.</response>
    /// <response code="400"><c>validation_failed</c>: no refresh token given.</response>
    /// <response code="401"><c>invalid_refresh_token</c>: unknown, expired, of an ended session, or not a refresh token at all (an access token, a string of the wrong shape); <c>refresh_token_reused</c>: already used, the session was ended.</response>
    /// <response code="403"><c>csrf_header_missing</c>: cookie mode only, the <c>X-Requested-With</c> header is missing.</response>
    [HttpPost("refresh")]
    [EnableRateLimiting(RateLimiting.RefreshPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> Refresh(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RefreshRequest? request, CancellationToken cancellationToken)
    {
        if (refreshCookie.LacksCsrfHeader(Request))
        {
            return this.Problem(Application.Common.Errors.AuthErrors.CsrfHeaderMissing);
        }

        var presented = refreshCookie.Read(Request, request);
        if (refreshCookie.InCookie && string.IsNullOrEmpty(presented))
        {
            return this.Problem(Application.Common.Errors.AuthErrors.InvalidRefreshToken);
        }

        var result = await sender.Send(new RefreshSessionCommand(presented ?? "", HttpContext.GetClientInfo()), cancellationToken);
        if (!result.IsSuccess)
        {
            // A refused cookie is dead for good; dropping it keeps the browser from presenting it again.
            refreshCookie.Clear(Response);
            return this.Problem(result.Error!);
        }

        return Ok(refreshCookie.Deliver(Response, AuthResponse.From(result.Value)));
    }

    /// <summary>Ends this session (or, by scope, every session or all others) at once.</summary>
    /// <remarks>
    /// The body is optional: none, or <c>{}</c>, means <c>local</c>. An ended session's access tokens are refused on
    /// their very next use and its refresh token stops working. In cookie mode the refresh-token cookie is cleared too.
    /// </remarks>
    /// <response code="204">The sessions ended.</response>
    /// <response code="400"><c>validation_failed</c>: an unknown scope.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    [HttpPost("logout")]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<IActionResult> Logout(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LogoutRequest? request, CancellationToken cancellationToken)
    {
        var command = new LogoutCommand(User.GetUserId(), User.GetSessionId(), request?.Scope, HttpContext.GetClientInfo());
        var result = await sender.Send(command, cancellationToken);
        if (result.IsSuccess && request?.Scope != LogoutScope.Others)
        {
            refreshCookie.Clear(Response);
        }

        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }
}
