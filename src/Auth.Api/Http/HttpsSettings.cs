using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>
/// HTTPS redirection and HSTS, bound from <c>Https</c>; both off by default, since TLS usually ends at a proxy
/// (whose <c>X-Forwarded-Proto</c> counts once the proxy is listed in <c>ForwardedHeaders</c>). Cookie mode needs
/// HTTPS: its refresh cookie is <c>Secure</c>.
/// </summary>
public sealed class HttpsSettings
{
    public const string Section = "Https";

    /// <summary>Answer plain-HTTP requests with a 308 to the same URL over HTTPS.</summary>
    public bool Redirect { get; set; }

    /// <summary>The HTTPS port redirects point to, as clients see it.</summary>
    public int Port { get; set; } = 443;

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses (never for localhost).</summary>
    public bool Hsts { get; set; }

    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public bool HstsIncludeSubDomains { get; set; }

    public static HttpsSettings Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<HttpsSettings>() ?? new HttpsSettings();
}

internal sealed class HttpsSettingsValidator : IValidateOptions<HttpsSettings>
{
    public ValidateOptionsResult Validate(string? name, HttpsSettings options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{HttpsSettings.Section}:Port must be between 1 and 65535; it is {options.Port}.");
        }

        if (options.HstsMaxAge < TimeSpan.FromMinutes(5))
        {
            failures.Add($"{HttpsSettings.Section}:HstsMaxAge must be at least 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
