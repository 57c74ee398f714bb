namespace Auth.Infrastructure.External;

/// <summary>A provider with its preset filled in: what the protocol code reads.</summary>
internal sealed record ResolvedProvider(
    string Id, string DisplayName, string Protocol, string Authority, string ClientId, string ClientSecret, string[] Scopes,
    string? AuthorizationEndpoint = null, string? TokenEndpoint = null, string? ApiBaseUrl = null)
{
    public const string OpenIdConnect = "oidc";

    public const string GitHub = "github";

    /// <summary>Entra's multi-tenant authorities publish an issuer template (<c>{tenantid}</c>), checked against the token's tenant.</summary>
    public bool IsEntraMultiTenant => Authority.Contains("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase)
        && (Authority.Contains("/common/", StringComparison.OrdinalIgnoreCase) || Authority.Contains("/organizations/", StringComparison.OrdinalIgnoreCase)
            || Authority.Contains("/consumers/", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The presets of the well-known providers: settings left empty take these.</summary>
internal static class ExternalProviderPresets
{
    private static readonly string[] OidcScopes = ["openid", "email", "profile"];

    public static ResolvedProvider Resolve(string id, ExternalProviderSettings settings)
    {
        var clientId = settings.ClientId ?? "";
        var secret = settings.ClientSecret ?? "";
        return id switch
        {
            "google" => new(id, settings.DisplayName ?? "Google", settings.Protocol ?? ResolvedProvider.OpenIdConnect,
                settings.Authority ?? "https://accounts.google.com", clientId, secret, settings.Scopes ?? OidcScopes),
            "microsoft" => new(id, settings.DisplayName ?? "Microsoft", settings.Protocol ?? ResolvedProvider.OpenIdConnect,
                settings.Authority ?? $"https://login.microsoftonline.com/{settings.TenantId ?? "common"}/v2.0", clientId, secret, settings.Scopes ?? OidcScopes),
            "github" => new(id, settings.DisplayName ?? "GitHub", settings.Protocol ?? ResolvedProvider.GitHub,
                settings.Authority ?? "https://github.com", clientId, secret, settings.Scopes ?? ["read:user", "user:email"],
                settings.AuthorizationEndpoint ?? "https://github.com/login/oauth/authorize",
                settings.TokenEndpoint ?? "https://github.com/login/oauth/access_token",
                settings.ApiBaseUrl ?? "https://api.github.com"),
            _ => new(id, settings.DisplayName ?? id, settings.Protocol ?? ResolvedProvider.OpenIdConnect, settings.Authority ?? "", clientId, secret,
                settings.Scopes ?? OidcScopes, settings.AuthorizationEndpoint, settings.TokenEndpoint, settings.ApiBaseUrl),
        };
    }
}
