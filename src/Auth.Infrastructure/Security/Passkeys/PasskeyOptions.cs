using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Passkeys;

/// <summary>Passkeys (WebAuthn), bound from <c>Passkeys</c>.</summary>
public sealed class PasskeyOptions
{
    public const string Section = "Passkeys";

    /// <summary>
    /// The relying party id: the site's registrable domain (or a parent of the origins' host), with no scheme, port or
    /// path. Passkeys are bound to it for good: changing it orphans every registered passkey.
    /// </summary>
    public string RelyingPartyId { get; set; } = "localhost";

    /// <summary>What authenticators show the user beside the account.</summary>
    public string RelyingPartyName { get; set; } = "Auth";

    /// <summary>The frontend origins allowed to run a ceremony, each exactly <c>scheme://host[:port]</c>.</summary>
    public string[] Origins { get; set; } = [];

    /// <summary>Also allow any <c>http://localhost:*</c> origin (Development).</summary>
    public bool AllowLocalhost { get; set; }

    /// <summary><c>required</c> (the default: a passkey is then two factors), <c>preferred</c> or <c>discouraged</c>.</summary>
    public string UserVerification { get; set; } = "required";

    /// <summary><c>none</c> (the default: no attestation statement is asked for or trusted), <c>indirect</c> or <c>direct</c>.</summary>
    public string Attestation { get; set; } = "none";
}

internal sealed class PasskeyOptionsValidator : IValidateOptions<PasskeyOptions>
{
    private static readonly string[] UserVerifications = ["required", "preferred", "discouraged"];
    private static readonly string[] Attestations = ["none", "indirect", "direct"];

    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        var failures = new List<string>();
        var rpId = options.RelyingPartyId;
        if (string.IsNullOrWhiteSpace(rpId) || Uri.CheckHostName(rpId) != UriHostNameType.Dns || rpId.Any(char.IsUpper) || rpId.EndsWith('.'))
        {
            failures.Add($"Passkeys:RelyingPartyId must be a lower-case domain name with no scheme, port or path (such as 'example.com'); got '{rpId}'.");
        }

        if (string.IsNullOrWhiteSpace(options.RelyingPartyName))
        {
            failures.Add("Passkeys:RelyingPartyName must be set.");
        }

        foreach (var origin in options.Origins)
        {
            if (OriginProblem(origin, rpId) is { } problem)
            {
                failures.Add($"Passkeys:Origins: '{origin}' {problem}.");
            }
        }

        if (!UserVerifications.Contains(options.UserVerification, StringComparer.Ordinal))
        {
            failures.Add($"Passkeys:UserVerification must be one of {string.Join(", ", UserVerifications)}.");
        }

        if (!Attestations.Contains(options.Attestation, StringComparer.Ordinal))
        {
            failures.Add($"Passkeys:Attestation must be one of {string.Join(", ", Attestations)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with an allowed origin, or null: WebAuthn runs only on secure origins of the RP id's site.</summary>
    private static string? OriginProblem(string origin, string rpId)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != origin)
        {
            return "must be exactly scheme://host[:port] (no path, trailing slash or wildcard)";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.Host == "localhost"))
        {
            return "must be https (plain http only for localhost)";
        }

        return uri.Host == rpId || uri.Host.EndsWith("." + rpId, StringComparison.Ordinal)
            ? null
            : $"is not on the relying party id '{rpId}' or a subdomain of it";
    }
}
