namespace Auth.Infrastructure.External;

/// <summary>
/// One provider, bound from <c>ExternalProviders:{id}</c>. The ids <c>google</c>, <c>microsoft</c> and <c>github</c>
/// come with presets (authority or endpoints, scopes, display name): a client id and secret are then enough.
/// </summary>
public sealed class ExternalProviderSettings
{
    /// <summary><c>oidc</c> (default) or <c>github</c> (OAuth 2.0 and GitHub's user API: GitHub has no OpenID Connect for people).</summary>
    public string? Protocol { get; set; }

    /// <summary>The OpenID Provider's issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment or a secret store (<c>ExternalProviders__google__ClientSecret</c>), never from a file in the repository.</summary>
    public string? ClientSecret { get; set; }

    public string[]? Scopes { get; set; }

    /// <summary>What the login page shows ("Sign in with ...").</summary>
    public string? DisplayName { get; set; }

    /// <summary>Microsoft Entra only: a tenant id or domain, or <c>common</c> (default), <c>organizations</c>, <c>consumers</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary>GitHub only (GitHub Enterprise Server has its own): the OAuth authorize URL.</summary>
    public string? AuthorizationEndpoint { get; set; }

    /// <summary>GitHub only: the OAuth token URL.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>GitHub only: the REST API's base URL (<c>/user</c> and <c>/user/emails</c> are read from it).</summary>
    public string? ApiBaseUrl { get; set; }
}

/// <summary>Bound from <c>ExternalSignIn</c>: what holds for every provider.</summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "ExternalSignIn";

    /// <summary>
    /// The frontend origins a sign-in may return to. Empty (the default): the CORS origins
    /// (<c>Cors:AllowedOrigins</c>) and the origin of <c>Email:LinkBaseUrl</c>.
    /// </summary>
    public string[] ReturnOrigins { get; set; } = [];

    /// <summary>How long a call to a provider (metadata, token, user API) may take before the sign-in answers <c>provider_unavailable</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
