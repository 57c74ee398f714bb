using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Passwords;

/// <summary>Which passwords are refused, bound from <c>Passwords</c>.</summary>
public sealed class PasswordOptions
{
    public const string Section = "Passwords";

    public BlocklistSettings Blocklist { get; set; } = new();

    public BreachCheckSettings BreachCheck { get; set; } = new();
}

public sealed class BlocklistSettings
{
    /// <summary>The offline checks: common passwords and their disguises, personal info, repetition and sequences.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>The Have I Been Pwned range API (k-anonymity: only 5 hex characters of the SHA-1 leave the service).</summary>
public sealed class BreachCheckSettings
{
    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.pwnedpasswords.com/");

    /// <summary>The whole call, retries included; a signup or login waits at most this long for it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When the service cannot be asked: true refuses the password (<c>breached</c>), false judges it offline only.</summary>
    public bool FailClosed { get; set; }

    /// <summary>Ranges kept in memory (each about 30 KB), most recently used first.</summary>
    public int CacheSize { get; set; } = 256;

    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(1);
}

internal sealed class PasswordPolicySettings(IOptions<PasswordOptions> options) : IPasswordPolicySettings
{
    public bool BlocklistEnabled => options.Value.Blocklist.Enabled;

    public bool BreachCheckEnabled => options.Value.BreachCheck.Enabled;

    public bool BreachCheckFailClosed => options.Value.BreachCheck.FailClosed;
}

internal sealed class PasswordOptionsValidator : IValidateOptions<PasswordOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordOptions options)
    {
        var breach = options.BreachCheck;
        var failures = new List<string>();
        if (!breach.BaseUrl.IsAbsoluteUri || (breach.BaseUrl.Scheme != Uri.UriSchemeHttps && breach.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Passwords:BreachCheck:BaseUrl must be an absolute http(s) URL.");
        }

        if (breach.Timeout < TimeSpan.FromMilliseconds(100) || breach.Timeout > TimeSpan.FromSeconds(10))
        {
            failures.Add("Passwords:BreachCheck:Timeout must be between 00:00:00.100 and 00:00:10; signups and logins wait for it.");
        }

        if (breach.CacheSize < 0 || breach.CacheSize > 10_000)
        {
            failures.Add("Passwords:BreachCheck:CacheSize must be between 0 and 10000.");
        }

        if (breach.CacheDuration < TimeSpan.Zero)
        {
            failures.Add("Passwords:BreachCheck:CacheDuration must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
