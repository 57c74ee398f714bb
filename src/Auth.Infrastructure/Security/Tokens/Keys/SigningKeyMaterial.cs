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
        Credentials = new SigningCredentials(key, algorithm);
        Public = publicKey;
    }

    public string KeyId => Key.KeyId;

    public SecurityKey Key { get; }

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
            var kid = keyId ?? Thumbprint(rsa.ExportSubjectPublicKeyInfo());
            return new SigningKeyMaterial(new RsaSecurityKey(rsa) { KeyId = kid }, algorithm, new PublicSigningKey(kid, "RSA", algorithm,
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

        var ecKid = keyId ?? Thumbprint(ecdsa.ExportSubjectPublicKeyInfo());
        return new SigningKeyMaterial(new ECDsaSecurityKey(ecdsa) { KeyId = ecKid }, algorithm, new PublicSigningKey(ecKid, "EC", algorithm,
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
        var kid = "hs-" + Thumbprint(HMACSHA256.HashData(bytes, "auth/kid"u8));
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

    private static string Thumbprint(byte[] publicKey) => Base64UrlEncoder.Encode(SHA256.HashData(publicKey))[..16];
}
