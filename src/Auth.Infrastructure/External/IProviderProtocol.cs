using Auth.Application.Abstractions;
using Auth.Application.Common.Results;

namespace Auth.Infrastructure.External;

/// <summary>How one provider is spoken to: OpenID Connect (<see cref="OidcProtocol"/>) or GitHub's OAuth (<see cref="GitHubProtocol"/>).</summary>
internal interface IProviderProtocol
{
    Task<Result<Uri>> AuthorizationUrlAsync(ExternalAuthorizationRequest request, CancellationToken cancellationToken);

    Task<Result<ExternalClaims>> RedeemAsync(ExternalRedemption redemption, CancellationToken cancellationToken);
}

internal static class Pkce
{
    /// <summary>RFC 7636 S256: the verifier's SHA-256, base64url.</summary>
    public static string Challenge(string verifier) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
}
