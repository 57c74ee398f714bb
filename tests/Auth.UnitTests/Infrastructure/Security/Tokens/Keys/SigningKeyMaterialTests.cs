using System.Security.Cryptography;
using Auth.Infrastructure.Security.Tokens.Keys;

namespace Auth.UnitTests.Infrastructure.Security.Tokens.Keys;

public sealed class SigningKeyMaterialTests
{
    [Test]
    public void An_rsa_key_publishes_only_its_modulus_and_exponent()
    {
        var material = SigningKeyMaterial.FromPem(SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256), SigningAlgorithms.Rs256, "k1");

        Assert.That(material.Public!.KeyType, Is.EqualTo("RSA"));
        Assert.That(material.Public.Parameters.Keys, Is.EquivalentTo(new[] { "n", "e" }));
        Assert.That(material.Public.KeyId, Is.EqualTo("k1"));
        Assert.That(material.Credentials.Algorithm, Is.EqualTo("RS256"));
    }

    [Test]
    public void An_ec_key_publishes_its_p256_point()
    {
        var material = SigningKeyMaterial.FromPem(SigningKeyMaterial.GeneratePem(SigningAlgorithms.Es256), SigningAlgorithms.Es256, null);

        Assert.That(material.Public!.KeyType, Is.EqualTo("EC"));
        Assert.That(material.Public.Parameters["crv"], Is.EqualTo("P-256"));
        Assert.That(material.Public.Parameters.Keys, Is.EquivalentTo(new[] { "crv", "x", "y" }));
    }

    [Test]
    public void Without_a_configured_kid_an_rsa_key_is_named_by_its_rfc_7638_thumbprint()
    {
        var material = SigningKeyMaterial.FromPem(SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256), SigningAlgorithms.Rs256, null);
        var jwk = material.Public!.Parameters;

        // RFC 7638 §3.2: the required members, in lexicographic order, without white space.
        var expected = Thumbprint($"{{\"e\":\"{jwk["e"]}\",\"kty\":\"RSA\",\"n\":\"{jwk["n"]}\"}}");

        Assert.That(material.KeyId, Is.EqualTo(expected));
        Assert.That(material.Public.KeyId, Is.EqualTo(expected));
    }

    [Test]
    public void Without_a_configured_kid_an_ec_key_is_named_by_its_rfc_7638_thumbprint()
    {
        var material = SigningKeyMaterial.FromPem(SigningKeyMaterial.GeneratePem(SigningAlgorithms.Es256), SigningAlgorithms.Es256, null);
        var jwk = material.Public!.Parameters;

        var expected = Thumbprint($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{jwk["x"]}\",\"y\":\"{jwk["y"]}\"}}");

        Assert.That(material.KeyId, Is.EqualTo(expected));
    }

    [TestCase("RS256")]
    [TestCase("ES256")]
    public void The_algorithm_is_read_from_the_key_itself(string algorithm)
    {
        Assert.That(SigningKeyMaterial.DetectAlgorithm(SigningKeyMaterial.GeneratePem(algorithm)), Is.EqualTo(algorithm));
        Assert.That(SigningKeyMaterial.DetectAlgorithm("not a key"), Is.Null);
    }

    private static string Thumbprint(string canonicalJwk) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonicalJwk)));

    [Test]
    public void A_short_rsa_key_is_refused()
    {
        using var rsa = RSA.Create(1024);

        var error = Assert.Throws<CryptographicException>(() => SigningKeyMaterial.FromPem(rsa.ExportPkcs8PrivateKeyPem(), SigningAlgorithms.Rs256, null));

        Assert.That(error!.Message, Does.Contain("2048"));
    }

    [Test]
    public void An_ec_key_on_another_curve_is_refused()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<CryptographicException>(() => SigningKeyMaterial.FromPem(ecdsa.ExportPkcs8PrivateKeyPem(), SigningAlgorithms.Es256, null));
    }
}
