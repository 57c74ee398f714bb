namespace Auth.Infrastructure.External;

internal static class ExternalUrls
{
    public static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary><c>scheme://host[:port]</c> of an absolute http(s) URL without user info; null for anything else.</summary>
    public static string? OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
