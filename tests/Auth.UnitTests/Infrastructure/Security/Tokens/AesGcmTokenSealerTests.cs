using System.Buffers.Text;
using Auth.Infrastructure.Security.Tokens;

namespace Auth.UnitTests.Infrastructure.Security.Tokens;

public class AesGcmTokenSealerTests
{
    private const string Secret = "the-successor-refresh-token";
    private const string Key = "the-predecessor-refresh-token";

    private readonly AesGcmTokenSealer sealer = new();

    [Test]
    public void A_sealed_secret_unseals_with_the_same_key() =>
        Assert.That(sealer.Unseal(sealer.Seal(Secret, Key), Key), Is.EqualTo(Secret));

    [Test]
    public void An_empty_secret_round_trips() =>
        Assert.That(sealer.Unseal(sealer.Seal("", Key), Key), Is.EqualTo(""));

    [Test]
    public void The_sealed_form_is_url_safe_and_does_not_reveal_the_secret()
    {
        var sealedSecret = sealer.Seal(Secret, Key);

        Assert.Multiple(() =>
        {
            Assert.That(sealedSecret, Does.Match("^[A-Za-z0-9_-]+$"));
            Assert.That(sealedSecret, Does.Not.Contain(Secret));
            Assert.That(Base64Url.DecodeFromChars(sealedSecret), Has.Length.EqualTo(12 + Secret.Length + 16), "nonce, ciphertext, tag");
        });
    }

    [Test]
    public void Sealing_twice_gives_different_output_because_of_a_fresh_nonce()
    {
        var first = sealer.Seal(Secret, Key);
        var second = sealer.Seal(Secret, Key);

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Another_key_cannot_unseal() =>
        Assert.That(sealer.Unseal(sealer.Seal(Secret, Key), Key + "x"), Is.Null);

    [TestCase(0, TestName = "Tampering_with_the_nonce_is_detected")]
    [TestCase(14, TestName = "Tampering_with_the_ciphertext_is_detected")]
    [TestCase(-1, TestName = "Tampering_with_the_tag_is_detected")]
    public void Tampering_is_detected(int index)
    {
        var bytes = Base64Url.DecodeFromChars(sealer.Seal(Secret, Key));
        var at = index < 0 ? bytes.Length + index : index;
        bytes[at] ^= 0x01;

        Assert.That(sealer.Unseal(Base64Url.EncodeToString(bytes), Key), Is.Null);
    }

    [Test]
    public void A_truncated_value_shorter_than_nonce_and_tag_is_refused() =>
        Assert.That(sealer.Unseal(Base64Url.EncodeToString(new byte[27]), Key), Is.Null);

    [Test]
    public void A_value_cut_short_is_refused()
    {
        var bytes = Base64Url.DecodeFromChars(sealer.Seal(Secret, Key));

        Assert.That(sealer.Unseal(Base64Url.EncodeToString(bytes.AsSpan(0, bytes.Length - 1)), Key), Is.Null);
    }
}
