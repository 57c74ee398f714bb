using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Mfa;

/// <summary>Two-step verification, bound from <c>Auth:Mfa</c>.</summary>
public sealed class MfaOptions
{
    public const string Section = "Auth:Mfa";

    /// <summary>The issuer authenticator apps show beside the account (the <c>otpauth://</c> URI's issuer).</summary>
    public string Issuer { get; set; } = "Auth";

    /// <summary>What names the account in the app: its email or its display name.</summary>
    public MfaAccountLabel AccountLabel { get; set; } = MfaAccountLabel.Email;

    /// <summary>Accounts with any of these roles must enrol before they can sign in; blank entries are ignored.</summary>
    public string[] RequiredForRoles { get; set; } = [];

    /// <summary>How long an mfaToken lasts.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes that spend an mfaToken.</summary>
    public int MaxCodeFailures { get; set; } = 5;

    /// <summary>The AES-256 key (base64, 32 bytes) that encrypts TOTP secrets and keys recovery-code hashes.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>A file holding <see cref="EncryptionKey"/>; created with a new key at first start when absent (relative to the content root).</summary>
    public string EncryptionKeyFile { get; set; } = ".local/keys/mfa-encryption.key";
}

public enum MfaAccountLabel
{
    Email,
    Name,
}

internal sealed class MfaPolicy(IOptions<MfaOptions> options) : IMfaPolicy
{
    public IReadOnlyList<string> RequiredForRoles { get; } = [.. options.Value.RequiredForRoles.Where(r => !string.IsNullOrWhiteSpace(r))];

    public TimeSpan ChallengeLifetime => options.Value.ChallengeLifetime;

    public int MaxCodeFailures => options.Value.MaxCodeFailures;
}

internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer) || options.Issuer.Contains(':', StringComparison.Ordinal))
        {
            failures.Add("Auth:Mfa:Issuer must be set and must not contain ':'.");
        }

        foreach (var role in options.RequiredForRoles.Where(r => !string.IsNullOrWhiteSpace(r) && !RoleNames.IsKnown(r)))
        {
            failures.Add($"Auth:Mfa:RequiredForRoles names an unknown role '{role}'.");
        }

        if (options.ChallengeLifetime < TimeSpan.FromMinutes(1) || options.ChallengeLifetime > TimeSpan.FromMinutes(30))
        {
            failures.Add("Auth:Mfa:ChallengeLifetime must be between 00:01:00 and 00:30:00.");
        }

        if (options.MaxCodeFailures is < 1 or > 20)
        {
            failures.Add("Auth:Mfa:MaxCodeFailures must be between 1 and 20.");
        }

        if (MfaEncryptionKey.Decode(options.EncryptionKey) is null)
        {
            failures.Add($"Auth:Mfa:EncryptionKey must be 32 bytes in base64 (or Auth:Mfa:EncryptionKeyFile a readable or creatable file holding one): '{options.EncryptionKeyFile}' gave none.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
