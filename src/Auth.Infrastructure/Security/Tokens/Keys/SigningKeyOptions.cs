namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>One asymmetric signing key, bound from <c>Jwt:Keys:N</c>.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>The <c>kid</c> tokens and the JWKS carry. Derived from the public key when not set.</summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// <c>RS256</c> or <c>ES256</c>. Unset, the key's own type decides (RSA signs RS256, EC P-256 ES256), else
    /// <c>Jwt:Algorithm</c>. Per key, so an ES256 key can take over from an RS256 one without ending live tokens.
    /// </summary>
    public string? Algorithm { get; set; }

    /// <summary>The private key in PEM (PKCS#8, or PKCS#1 / SEC1), for environments that inject secrets as values.</summary>
    public string? Pem { get; set; }

    /// <summary>A file holding the private key in PEM (a mounted secret).</summary>
    public string? PemFile { get; set; }

    /// <summary>
    /// When this key starts signing. Publish a new key ahead of time with a future value, so every instance and
    /// every JWKS cache knows it before the first token signed with it appears. Unset means "since always".
    /// </summary>
    public DateTimeOffset? ActiveFrom { get; set; }
}
