using System.Text.RegularExpressions;
using Auth.Domain.External;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.External;

/// <summary>Every <c>ExternalProviders:{id}</c> section, by id.</summary>
public sealed class ExternalProvidersOptions
{
    public const string Section = "ExternalProviders";

    public Dictionary<string, ExternalProviderSettings> Providers { get; } = new(StringComparer.Ordinal);
}

/// <summary>Refuses at start a provider that could only fail at sign-in time.</summary>
internal sealed partial class ExternalProvidersOptionsValidator : IValidateOptions<ExternalProvidersOptions>
{
    public ValidateOptionsResult Validate(string? name, ExternalProvidersOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, settings) in options.Providers)
        {
            var key = $"{ExternalProvidersOptions.Section}:{id}";
            if (!Id().IsMatch(id) || id.Length > ExternalIdentity.MaxProviderLength)
            {
                failures.Add($"{key}: a provider id is 1 to {ExternalIdentity.MaxProviderLength} lower-case letters, digits or '-' (it appears in URLs).");
                continue;
            }

            var provider = ExternalProviderPresets.Resolve(id, settings);
            if (string.IsNullOrWhiteSpace(provider.ClientId) || string.IsNullOrWhiteSpace(provider.ClientSecret))
            {
                failures.Add($"{key}:ClientId and {key}:ClientSecret are required (put the secret in the environment: ExternalProviders__{id}__ClientSecret).");
            }

            if (provider.Protocol is not (ResolvedProvider.OpenIdConnect or ResolvedProvider.GitHub))
            {
                failures.Add($"{key}:Protocol must be 'oidc' or 'github'.");
            }
            else if (provider.Protocol == ResolvedProvider.OpenIdConnect && !SafeUrl(provider.Authority))
            {
                failures.Add($"{key}:Authority must be an absolute https URL (http only for a provider on this machine).");
            }
            else if (provider.Protocol == ResolvedProvider.GitHub
                && !(SafeUrl(provider.AuthorizationEndpoint) && SafeUrl(provider.TokenEndpoint) && SafeUrl(provider.ApiBaseUrl)))
            {
                failures.Add($"{key}: AuthorizationEndpoint, TokenEndpoint and ApiBaseUrl must be absolute https URLs (http only on this machine).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Id();
}
