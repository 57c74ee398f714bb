namespace Auth.Api.Http;

/// <summary>Which browser origins may call the API, bound from <c>Cors</c>. None by default.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    /// <summary>Exact origins, e.g. <c>https://app.example.com</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Also allow <c>http://localhost:*</c> and <c>http://127.0.0.1:*</c>; on by default in Development only.</summary>
    public bool AllowLocalhost { get; set; }

    /// <summary>
    /// Listed in <see cref="AllowedOrigins"/>. In cookie mode only these count: any local page allowed by
    /// <see cref="AllowLocalhost"/> could otherwise spend the user's refresh cookie.
    /// </summary>
    public bool IsConfigured(string origin) => AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);

    public bool IsAllowed(string origin) =>
        IsConfigured(origin)
        || (AllowLocalhost && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttp && (uri.Host == "localhost" || uri.Host == "127.0.0.1"));
}
