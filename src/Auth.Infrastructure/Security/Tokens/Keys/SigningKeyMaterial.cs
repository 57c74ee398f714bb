using System.Security.Cryptography;
using System.Text;
using Auth.Application.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>One signing key: the private key that signs, its <c>kid</c>, and the public half the JWKS shows.</summary>
internal sealed class SigningKeyMaterial
{
    private const int MinRsaBits = 2048;

    private SigningKeyMaterial(SecurityKey key, string algorithm, PublicSigningKey? publicKey)
    {
        Key = key;
        Algorithm = algorithm;
        Credentials = new SigningCredentials(key, algorithm);
        Public = publicKey;
    }

    public string KeyId => Key.KeyId;

    public SecurityKey Key { get; }

    /// <summary>The JWS algorithm this key signs with; each key has its own, so one algorithm can replace another.</summary>
    public string Algorithm { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>Null for HS256: a shared secret is never published.</summary>
    public PublicSigningKey? Public { get; }

    /// <summary>Reads a PEM private key for <paramref name="algorithm"/>; throws with a message fit for a start-up error.</summary>
    public static SigningKeyMaterial FromPem(string pem, string algorithm, string? keyId)
    {
        if (algorithm == SigningAlgorithms.Rs256)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < MinRsaBits)
            {
                throw new CryptographicException($"an RSA key must have at least {MinRsaBits} bits; this one has {rsa.KeySize}");
            }

            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            var rsaKey = new RsaSecurityKey(rsa);
            var kid = rsaKey.KeyId = keyId ?? Thumbprint(rsaKey);
            return new SigningKeyMaterial(rsaKey, algorithm, new PublicSigningKey(kid, "RSA", algorithm,
                new Dictionary<string, string>
                {
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                }));
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var ec = ecdsa.ExportParameters(includePrivateParameters: false);
        if (ec.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new CryptographicException("an ES256 key must be on the P-256 curve");
        }

        var ecKey = new ECDsaSecurityKey(ecdsa);
        var ecKid = ecKey.KeyId = keyId ?? Thumbprint(ecKey);
        return new SigningKeyMaterial(ecKey, algorithm, new PublicSigningKey(ecKid, "EC", algorithm,
            new Dictionary<string, string>
            {
                ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(ec.Q.X),
                ["y"] = Base64UrlEncoder.Encode(ec.Q.Y),
            }));
    }

    public static SigningKeyMaterial FromSecret(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        // The kid names the secret without revealing it: a hash under a fixed label, cut short.
        var kid = "hs-" + Base64UrlEncoder.Encode(HMACSHA256.HashData(bytes, "auth/kid"u8))[..16];
        return new SigningKeyMaterial(new SymmetricSecurityKey(bytes) { KeyId = kid }, SigningAlgorithms.Hs256, publicKey: null);
    }

    /// <summary>A fresh private key in PKCS#8 PEM, for Development's generated key and for tests.</summary>
    public static string GeneratePem(string algorithm)
    {
        if (algorithm == SigningAlgorithms.Rs256)
        {
            using var rsa = RSA.Create(MinRsaBits);
            return rsa.ExportPkcs8PrivateKeyPem();
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>
    /// The key's RFC 7638 JWK thumbprint (SHA-256, base64url), as Microsoft.IdentityModel computes it: any JOSE
    /// library derives the same <c>kid</c> from the published key.
    /// </summary>
    private static string Thumbprint(SecurityKey key) => Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());

    /// <summary>The algorithm a PEM private key is for (RS256 for RSA, ES256 for EC), or null when it is neither.</summary>
    public static string? DetectAlgorithm(string pem)
    {
        using var rsa = RSA.Create();
        if (TryImport(rsa, pem))
        {
            return SigningAlgorithms.Rs256;
        }

        using var ecdsa = ECDsa.Create();
        return TryImport(ecdsa, pem) ? SigningAlgorithms.Es256 : null;
    }

    private static bool TryImport(AsymmetricAlgorithm key, string pem)
    {
        try
        {
            key.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
