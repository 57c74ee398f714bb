using Auth.Application.Abstractions;
using Auth.Application.Common.Results;

namespace Auth.Infrastructure.External;

/// <summary>How one provider is spoken to: OpenID Connect (<see cref="OidcProtocol"/>) or GitHub's OAuth (<see cref="GitHubProtocol"/>).</summary>
internal interface IProviderProtocol
{
    Task<Result<Uri>> AuthorizationUrlAsync(ExternalAuthorizationRequest request, CancellationToken cancellationToken);

    Task<Result<ExternalClaims>> RedeemAsync(ExternalRedemption redemption, CancellationToken cancellationToken);
}
