using Auth.Infrastructure.Security.Tokens.Keys;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>Access and refresh token settings, bound from the <c>Jwt</c> section.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinSigningKeyLength = 32;

    public string Issuer { get; set; } = "auth";

    public string Audience { get; set; } = "auth-clients";

    /// <summary>
    /// The service's public address (<c>https://auth.example.com</c>), for the <c>jwks_uri</c> in discovery. Unset:
    /// the issuer when it is a URL, else the request's own address (then the document is not cached, so a forged
    /// Host header cannot poison a shared cache).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// <c>RS256</c> (default: what every JWT library verifies, and cheaper to verify than ES256), <c>ES256</c>, or
    /// <c>HS256</c> (one shared secret; only when no other service needs to validate the tokens).
    /// </summary>
    public string Algorithm { get; set; } = SigningAlgorithms.Rs256;

    /// <summary>
    /// RS256/ES256 private keys in PEM. The current signing key is the one with the latest
    /// <see cref="SigningKeyOptions.ActiveFrom"/> that has passed; the keys it replaced keep validating, and stay in
    /// the JWKS, for one access-token lifetime after that.
    /// </summary>
    public List<SigningKeyOptions> Keys { get; set; } = [];

    /// <summary>
    /// A directory of RS256/ES256 private keys, as an alternative to (or beside) <see cref="Keys"/>: each <c>*.pem</c>
    /// file is a key, a name starting with a UTC time (<c>20261201T000000Z.pem</c>) is when it starts signing.
    /// <c>rotate-key</c> writes into it. Relative to the content root.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>HS256 only: the shared secret, at least 32 characters. Prefer <see cref="SigningKeyFile"/> or an environment variable.</summary>
    public string? SigningKey { get; set; }

    /// <summary>HS256 only: a file holding the secret (a mounted secret in containers).</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Where Development keeps the key it generates when none is configured; relative to the content root.</summary>
    public string DevelopmentKeyDirectory { get; set; } = ".local/keys";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Absolute: a session ends this long after sign-in, however often it refreshes.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Idle: a session whose refresh token goes unused this long ends. Equal to the absolute lifetime by default (off).</summary>
    public TimeSpan RefreshTokenIdleLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Two tabs racing: re-presenting a just-rotated token within this window yields the same successor (as Supabase Auth does).</summary>
    public TimeSpan RefreshTokenReuseGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Leeway for clocks that disagree a little; kept small because revocation relies on expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
