using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Auth.IntegrationTests.Support;

/// <summary>Key material for tests: PEMs for the service's configuration and matching credentials to forge tokens.</summary>
public static class TestKeys
{
    public static string RsaPem(int bits = 2048)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public static string EcPem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    public static SigningCredentials Rs256(string pem, string keyId)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The public half of a PEM private key, as the PEM text an attacker would download.</summary>
    public static string PublicPem(string privatePem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privatePem);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }
}
