using System.Text.Json;
using Auth.Api.Authentication;
using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Passkeys.BeginPasskeyRegistration;
using Auth.Application.Passkeys.BeginPasskeySignIn;
using Auth.Application.Passkeys.ListPasskeys;
using Auth.Application.Passkeys.RegisterPasskey;
using Auth.Application.Passkeys.RemovePasskey;
using Auth.Application.Passkeys.RenamePasskey;
using Auth.Application.Passkeys.SignInWithPasskey;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Auth.Api.Controllers;

/// <summary>Passkeys (WebAuthn): adding, naming and removing them, and signing in with one instead of a password.</summary>
// The options are the JSON of PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON; the
// browser's answers come back as PublicKeyCredential.toJSON().
[ApiController]
[Route("auth/passkeys")]
[Produces("application/json")]
public sealed class PasskeysController(ISender sender, RefreshTokenCookie refreshCookie, DeviceTokenTransport deviceTokens) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>Starts adding a passkey: PublicKeyCredentialCreationOptions for <c>navigator.credentials.create</c>.</summary>
    /// <remarks>
    /// A resident (discoverable) key with user verification is asked for, and the caller's passkeys are excluded. The
    /// challenge is single use and lasts 5 minutes; asking again replaces it. Needs an <c>aal2</c> session when the
    /// account has two-step verification.
    /// </remarks>
    /// <response code="200">The creation options.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>mfa_step_up_required</c>: the account has two-step verification and this session did not use it.</response>
    [HttpPost("register/options")]
    [Authorize]
    [RequiresStepUp]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<JsonElement>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    public async Task<IActionResult> RegistrationOptions(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new BeginPasskeyRegistrationCommand(User.GetUserId()), cancellationToken);
        return result.IsSuccess ? Content(result.Value, "application/json") : this.Problem(result.Error!);
    }

    /// <summary>Finishes adding a passkey with the browser's answer to the creation options.</summary>
    /// <remarks>The owner is mailed; outstanding password-reset links stop working.</remarks>
    /// <response code="201">The new passkey.</response>
    /// <response code="400"><c>validation_failed</c>: no attestation, or a bad name; <c>invalid_attestation</c>: it does not verify (origin, RP id, challenge, user verification), no options are open (expired or used), or the credential is already registered.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>mfa_step_up_required</c>: the account has two-step verification and this session did not use it.</response>
    [HttpPost("register")]
    [Authorize]
    [RequiresStepUp]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<PasskeyResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    public async Task<IActionResult> Register(RegisterPasskeyRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RegisterPasskeyCommand(User.GetUserId(), Json(request.Attestation), request.Name), cancellationToken);
        return result.IsSuccess
            ? Created($"/auth/passkeys/{result.Value.Id}", PasskeyResponse.From(result.Value))
            : this.Problem(result.Error!);
    }

    /// <summary>The caller's passkeys, oldest first.</summary>
    /// <response code="200">The passkeys.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    [HttpGet]
    [Authorize]
    [ProducesResponseType<IReadOnlyList<PasskeyResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<IReadOnlyList<PasskeyResponse>> List(CancellationToken cancellationToken) =>
        [.. (await sender.Send(new ListPasskeysQuery(User.GetUserId()), cancellationToken)).Select(PasskeyResponse.From)];

    /// <summary>Renames one of the caller's passkeys.</summary>
    /// <response code="200">The passkey.</response>
    /// <response code="400"><c>validation_failed</c>: no name, or one over 64 characters or with control or invisible characters.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="404"><c>passkey_not_found</c>: the caller has no passkey with this id.</response>
    [HttpPatch("{id:guid}")]
    [Authorize]
    [Consumes("application/json")]
    [ProducesResponseType<PasskeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Rename(Guid id, RenamePasskeyRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RenamePasskeyCommand(User.GetUserId(), id, request.Name ?? ""), cancellationToken);
        return result.IsSuccess ? Ok(PasskeyResponse.From(result.Value)) : this.Problem(result.Error!);
    }

    /// <summary>Removes one of the caller's passkeys; it can no longer sign in.</summary>
    /// <remarks>
    /// Sessions it started stay (end them at <c>DELETE /auth/sessions/{id}</c>). The owner is mailed. Needs an
    /// <c>aal2</c> session when the account has two-step verification.
    /// </remarks>
    /// <response code="204">The passkey is gone.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>mfa_step_up_required</c>: the account has two-step verification and this session did not use it.</response>
    /// <response code="404"><c>passkey_not_found</c>: the caller has no passkey with this id.</response>
    /// <response code="409"><c>last_sign_in_method</c>: it is the account's only way to sign in.</response>
    [HttpDelete("{id:guid}")]
    [Authorize]
    [RequiresStepUp]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Remove(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RemovePasskeyCommand(User.GetUserId(), id), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }

    /// <summary>Starts a passwordless sign-in: request options, and the challenge id to send back with the answer.</summary>
    /// <remarks>
    /// No body is needed: the options list no credentials, so the browser offers every passkey it holds for this site
    /// (conditional UI included). An <c>email</c> narrows which account's passkey may answer; the options look the
    /// same for any address, known or not.
    /// </remarks>
    /// <response code="200">The challenge id and the options.</response>
    /// <response code="400"><c>validation_failed</c>: an email over 254 characters.</response>
    [HttpPost("login/options")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<PasskeySignInOptionsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IActionResult> SignInOptions([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] PasskeySignInOptionsRequest? request,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(new BeginPasskeySignInCommand(request?.Email), cancellationToken);
        if (!result.IsSuccess)
        {
            return this.Problem(result.Error!);
        }

        using var options = JsonDocument.Parse(result.Value.Options);
        return Ok(new PasskeySignInOptionsResponse { ChallengeId = result.Value.ChallengeId, PublicKey = options.RootElement.Clone() });
    }

    /// <summary>Signs in with a passkey: the challenge id and the browser's answer to its options.</summary>
    /// <remarks>
    /// No password and no second step: a passkey with user verification is two factors (<c>amr</c> <c>hwk</c> for a
    /// device-bound passkey, <c>swk</c> for a synced one, and <c>mfa</c>; <c>aal2</c>). Every refusal is the same 401.
    /// Like <c>POST /auth/login</c>, the <c>X-Device-Token</c> header names a known device (in cookie mode, an
    /// <c>auth_device</c> cookie of this path's own).
    /// </remarks>
    /// <response code="200">The new session's tokens.</response>
    /// <response code="400"><c>validation_failed</c>: no challengeId or assertion.</response>
    /// <response code="401"><c>invalid_passkey</c>: unknown credential or challenge, a challenge already used or expired, the wrong origin or RP id, a bad signature, a counter gone backwards.</response>
    /// <response code="403"><c>account_disabled</c> / <c>email_not_confirmed</c>: as for a password login.</response>
    [HttpPost("login")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    public async Task<IActionResult> SignIn(
        PasskeySignInRequest request, [FromHeader(Name = DeviceTokenTransport.HeaderName)] string? deviceToken, CancellationToken cancellationToken)
    {
        var command = new SignInWithPasskeyCommand(
            request.ChallengeId ?? Guid.Empty, Json(request.Assertion), HttpContext.GetClientInfo(), deviceTokens.Read(Request, deviceToken));
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Ok(deviceTokens.Deliver(Response, refreshCookie.Deliver(Response, AuthResponse.From(result.Value)), DeviceTokenTransport.PasskeyCookiePath))
            : this.Problem(result.Error!);
    }

    /// <summary>A JSON object as text for the verifier; anything else (absent, a string, an array) counts as missing.</summary>
    private static string Json(JsonElement? element) => element is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : "";
}
