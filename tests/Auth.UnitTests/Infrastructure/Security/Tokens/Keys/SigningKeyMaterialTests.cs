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
    public void Without_a_configured_kid_one_is_derived_from_the_public_key_and_is_stable()
    {
        var pem = SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256);

        var first = SigningKeyMaterial.FromPem(pem, SigningAlgorithms.Rs256, null).KeyId;
        var second = SigningKeyMaterial.FromPem(pem, SigningAlgorithms.Rs256, null).KeyId;
        var other = SigningKeyMaterial.FromPem(SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256), SigningAlgorithms.Rs256, null).KeyId;

        Assert.That(first, Is.EqualTo(second).And.Not.EqualTo(other).And.Length.EqualTo(16));
    }

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
