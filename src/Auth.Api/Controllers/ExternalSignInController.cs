using Auth.Api.Authentication;
using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.External.CompleteExternalSignIn;
using Auth.Application.External.ExchangeExternalCode;
using Auth.Application.External.ListProviders;
using Auth.Application.External.StartExternalSignIn;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Auth.Api.Controllers;

/// <summary>Signing in with an external identity provider (OpenID Connect, or GitHub's OAuth), and linking one to an account.</summary>
// The browser goes to the provider and back through this service; the frontend exchanges a single-use code for the tokens.
[ApiController]
[Produces("application/json")]
public sealed class ExternalSignInController(ISender sender, RefreshTokenCookie refreshCookie, DeviceTokenTransport deviceTokens) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>The configured providers, for the login page's buttons.</summary>
    /// <response code="200">The providers, in the order configured; empty when there are none.</response>
    [HttpGet("auth/providers")]
    [ProducesResponseType<IReadOnlyList<ExternalProviderResponse>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ExternalProviderResponse>> Providers(CancellationToken cancellationToken) =>
        [.. (await sender.Send(new ListExternalProvidersQuery(), cancellationToken)).Select(ExternalProviderResponse.From)];

    /// <summary>Starts a sign-in: a redirect to the provider (authorization code with PKCE, <c>state</c> and <c>nonce</c>).</summary>
    /// <remarks>
    /// Navigate the browser here (not a fetch). The provider sends it back to <c>/auth/external/{provider}/callback</c>,
    /// which sends it on to <c>returnUrl</c> with <c>?code=</c> (exchange it at <c>POST /auth/external/exchange</c>) or
    /// <c>?error=</c> (an error code of this document). The redirect lasts 10 minutes.
    ///
    /// The page first makes a random <c>codeVerifier</c> (43-128 characters, RFC 7636), keeps it (sessionStorage) and
    /// sends <c>codeChallenge</c> = base64url(SHA-256(codeVerifier)); the exchange needs the verifier. So a callback or
    /// return URL that someone forwards cannot sign the browser that opens it in to the sender's account.
    /// </remarks>
    /// <param name="provider">A provider's id from <c>GET /auth/providers</c>.</param>
    /// <param name="returnUrl">The frontend page to come back to; its origin must be one the service is configured with.</param>
    /// <param name="codeChallenge">base64url(SHA-256(codeVerifier)), 43 characters without padding (S256).</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <response code="302">To the provider's authorization page.</response>
    /// <response code="400"><c>validation_failed</c>: no returnUrl, or no or a malformed codeChallenge; <c>invalid_return_url</c>: returnUrl is not on a configured frontend origin (no redirect is made).</response>
    /// <response code="404"><c>unknown_provider</c>: no provider has this id.</response>
    /// <response code="503"><c>provider_unavailable</c>: the provider's metadata cannot be read; try again after <c>Retry-After</c>.</response>
    [HttpGet("auth/external/{provider}/start")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ProblemJson)]
    public async Task<IActionResult> Start(string provider, string? returnUrl, string? codeChallenge, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new StartExternalSignInCommand(provider, returnUrl ?? "", CallbackUrl(provider), codeChallenge ?? ""), cancellationToken);
        return result.IsSuccess ? Redirect(result.Value.AbsoluteUri) : this.Problem(result.Error!);
    }

    /// <summary>The provider's way back (register this URL at the provider); not for frontends to call.</summary>
    /// <remarks>
    /// Checks <c>state</c>, exchanges the code with PKCE and verifies the ID token (signature by the provider's JWKS,
    /// issuer, audience, nonce, lifetime), then sends the browser to the sign-in's <c>returnUrl</c> with <c>?code=</c>
    /// and <c>&amp;provider=</c> (a sign-in), <c>?linked=</c> (a link), or <c>?error=</c> with one of
    /// <c>external_sign_in_cancelled</c>, <c>external_sign_in_failed</c>, <c>provider_unavailable</c>,
    /// <c>external_identity_in_use</c>.
    /// </remarks>
    /// <response code="302">To the frontend's return page.</response>
    /// <response code="400"><c>invalid_state</c>: no sign-in in progress has this state (unknown, used, expired or another provider's); nothing is trusted, so there is no redirect.</response>
    [HttpGet("auth/external/{provider}/callback")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IActionResult> Callback(string provider, string? state, string? code, string? error, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CompleteExternalSignInCommand(provider, state, code, error), cancellationToken);
        if (!result.IsSuccess)
        {
            return this.Problem(result.Error!);
        }

        var outcome = result.Value;
        var query = new Dictionary<string, string?>
        {
            ["code"] = outcome.ExchangeCode,
            ["linked"] = outcome.Linked,
            ["error"] = outcome.Error,
            ["provider"] = provider,
        };
        return Redirect(QueryHelpers.AddQueryString(outcome.ReturnUrl, query.Where(p => p.Value is not null)));
    }

    /// <summary>Finishes a sign-in: the return page's <c>code</c>, with the start's <c>codeVerifier</c>, for the session's tokens.</summary>
    /// <remarks>
    /// A first sign-in with an identity makes an account (its address confirmed when the provider says it verified it;
    /// no password until one is set through the reset flow). An address that already has an account is never joined
    /// silently: sign in to that account and link the provider (<c>POST /auth/external/{provider}/link/start</c>).
    /// Then as for a password login: <c>mfa_required</c> when the account has a second factor, known devices by
    /// <c>X-Device-Token</c> (in cookie mode an <c>auth_device</c> cookie of this path's own), the refresh token in a
    /// cookie in cookie mode. The session's <c>amr</c> is <c>ext</c> and the provider's own values.
    /// </remarks>
    /// <response code="200">The new session's tokens.</response>
    /// <response code="400"><c>validation_failed</c>: no code or codeVerifier; <c>invalid_exchange_code</c>: unknown, used, expired, or not this verifier's (the code is spent); <c>external_email_missing</c>: the provider shared no address to make an account with.</response>
    /// <response code="403"><c>mfa_required</c> / <c>mfa_enrollment_required</c> (with <c>mfaToken</c>), <c>account_disabled</c>, <c>email_not_confirmed</c>: as for a password login.</response>
    /// <response code="409"><c>external_account_exists</c>: an account has this address; sign in to it and link the provider.</response>
    [HttpPost("auth/external/exchange")]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<MfaProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Exchange(
        ExternalExchangeRequest request, [FromHeader(Name = DeviceTokenTransport.HeaderName)] string? deviceToken, CancellationToken cancellationToken)
    {
        var command = new ExchangeExternalCodeCommand(request.Code ?? "", request.CodeVerifier ?? "", HttpContext.GetClientInfo(), deviceTokens.Read(Request, deviceToken));
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Ok(deviceTokens.Deliver(Response, refreshCookie.Deliver(Response, AuthResponse.From(result.Value)), DeviceTokenTransport.ExternalCookiePath))
            : this.Problem(result.Error!);
    }

    /// <summary>Starts linking a provider's account to the caller's: where to send the browser.</summary>
    /// <remarks>
    /// The callback links whichever provider account signs in there, unless it is linked to another account, then
    /// sends the browser to <c>returnUrl</c> with <c>?linked=</c> or <c>?error=</c>. A credential change: the owner is
    /// mailed and outstanding reset links stop working. Needs an <c>aal2</c> session when the account has two-step
    /// verification.
    /// </remarks>
    /// <response code="200">The provider's authorization URL.</response>
    /// <response code="400"><c>validation_failed</c>: no returnUrl; <c>invalid_return_url</c>: not on a configured frontend origin.</response>
    /// <response code="401"><c>invalid_token</c>: no valid access token.</response>
    /// <response code="403"><c>mfa_step_up_required</c>: the account has two-step verification and this session did not use it.</response>
    /// <response code="404"><c>unknown_provider</c>: no provider has this id.</response>
    /// <response code="503"><c>provider_unavailable</c>: the provider's metadata cannot be read; try again after <c>Retry-After</c>.</response>
    [HttpPost("auth/external/{provider}/link/start")]
    [Authorize]
    [RequiresStepUp]
    [EnableRateLimiting(RateLimiting.CredentialsPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<ExternalLinkResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ProblemJson)]
    public async Task<IActionResult> StartLink(string provider, ExternalLinkRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new StartExternalSignInCommand(provider, request.ReturnUrl ?? "", CallbackUrl(provider), CodeChallenge: null, User.GetUserId()), cancellationToken);
        return result.IsSuccess ? Ok(new ExternalLinkResponse { AuthorizationUrl = result.Value.AbsoluteUri }) : this.Problem(result.Error!);
    }

    /// <summary>This service's callback as the client reached it (behind a proxy, the forwarded scheme and host).</summary>
    private string CallbackUrl(string provider) =>
        $"{Request.Scheme}://{Request.Host}{Request.PathBase}/auth/external/{Uri.EscapeDataString(provider)}/callback";
}
