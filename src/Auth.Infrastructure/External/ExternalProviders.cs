using System.Collections.Frozen;
using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.External.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.External;

/// <summary>The configured providers, each with its protocol (made once: its metadata and keys are cached inside).</summary>
internal sealed class ExternalProviders : IExternalProviders
{
    public const string HttpClientName = "external-providers";

    private readonly FrozenDictionary<string, IProviderProtocol> protocols;
    private readonly FrozenSet<string> returnOrigins;

    public ExternalProviders(
        IOptions<ExternalProvidersOptions> providers, IOptions<ExternalSignInOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<ExternalProviders>();
        var resolved = providers.Value.Providers.Select(p => ExternalProviderPresets.Resolve(p.Key, p.Value)).ToList();
        All = [.. resolved.Select(p => new ExternalProviderInfo(p.Id, p.DisplayName))];
        protocols = resolved.ToFrozenDictionary(p => p.Id, p => p.Protocol == ResolvedProvider.GitHub
            ? (IProviderProtocol)new GitHubProtocol(p, httpClients.CreateClient(HttpClientName), logger)
            : new OidcProtocol(p, httpClients.CreateClient(HttpClientName), time, logger));
        returnOrigins = options.Value.ReturnOrigins.Select(ExternalUrls.OriginOf).OfType<string>().ToFrozenSet();
    }

    public IReadOnlyList<ExternalProviderInfo> All { get; }

    public bool IsAllowedReturnUrl(string returnUrl) => ExternalUrls.OriginOf(returnUrl) is { } origin && returnOrigins.Contains(origin);

    public Task<Result<Uri>> AuthorizationUrlAsync(string provider, ExternalAuthorizationRequest request, CancellationToken cancellationToken) =>
        protocols.TryGetValue(provider, out var protocol) ? protocol.AuthorizationUrlAsync(request, cancellationToken) : Task.FromResult<Result<Uri>>(AuthErrors.UnknownProvider);

    public Task<Result<ExternalClaims>> RedeemAsync(string provider, ExternalRedemption redemption, CancellationToken cancellationToken) =>
        protocols.TryGetValue(provider, out var protocol) ? protocol.RedeemAsync(redemption, cancellationToken) : Task.FromResult<Result<ExternalClaims>>(AuthErrors.UnknownProvider);
}
