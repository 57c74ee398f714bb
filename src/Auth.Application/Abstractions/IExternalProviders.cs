using Auth.Application.Common.Results;
using Auth.Application.External.Common;

namespace Auth.Application.Abstractions;

/// <summary>What the provider must send back or be sent again: the redirect's secrets, made here, checked there.</summary>
public sealed record ExternalAuthorizationRequest(string State, string Nonce, string CodeVerifier, string RedirectUri);

/// <summary>The callback's code with the secrets of the redirect it answers.</summary>
public sealed record ExternalRedemption(string Code, string CodeVerifier, string Nonce, string RedirectUri);

/// <summary>Who the provider vouched for, from a verified ID token (or, for plain OAuth providers, their user API).</summary>
/// <param name="Subject">The provider's stable id for the person.</param>
/// <param name="Amr">The provider's <c>amr</c> values, when it reported any.</param>
public sealed record ExternalClaims(string Subject, string? Email, bool EmailVerified, string? Name, IReadOnlyList<string> Amr);

/// <summary>The configured external identity providers and the protocol with them (OpenID Connect, or OAuth 2.0 plus a user API).</summary>
public interface IExternalProviders
{
    /// <summary>In the order configured.</summary>
    IReadOnlyList<ExternalProviderInfo> All { get; }

    /// <summary>True when the URL is an absolute http(s) URL on a configured frontend origin, so a redirect there is safe.</summary>
    bool IsAllowedReturnUrl(string returnUrl);

    /// <summary>The provider's authorization URL for the request; <c>provider_unavailable</c> when its metadata cannot be read.</summary>
    Task<Result<Uri>> AuthorizationUrlAsync(string provider, ExternalAuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Exchanges the code and verifies what comes back: <c>provider_unavailable</c> when the provider does not answer
    /// in time, <c>external_sign_in_failed</c> when its answer does not verify.
    /// </summary>
    Task<Result<ExternalClaims>> RedeemAsync(string provider, ExternalRedemption redemption, CancellationToken cancellationToken);
}
