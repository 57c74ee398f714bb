using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>
/// Browsers send <c>Origin</c> as <c>scheme://host[:port]</c>; an entry with a path, a trailing slash or a
/// wildcard never matches one, so the frontend would fail with a CORS error nobody can trace to the setting.
/// </summary>
internal sealed class CorsSettingsValidator : IValidateOptions<CorsSettings>
{
    public ValidateOptionsResult Validate(string? name, CorsSettings options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedOrigins.Length; i++)
        {
            var origin = options.AllowedOrigins[i];
            if (!IsOrigin(origin))
            {
                failures.Add($"{CorsSettings.Section}:{nameof(CorsSettings.AllowedOrigins)}:{i} '{origin}' is not an origin: "
                    + "write scheme://host[:port] with http or https, no path, no trailing slash, no wildcard.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase);
}
