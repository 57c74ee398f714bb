using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Auth.Infrastructure.Security.Tokens;

namespace Auth.UnitTests.Infrastructure.Security.Tokens;

public class RefreshTokenGeneratorTests
{
    private readonly RefreshTokenGenerator generator = new();

    [Test]
    public void A_token_is_256_random_bits_in_unpadded_base64url()
    {
        var token = generator.Create();

        Assert.Multiple(() =>
        {
            Assert.That(token.Value, Does.Match("^[A-Za-z0-9_-]{43}$"));
            Assert.That(Base64Url.DecodeFromChars(token.Value), Has.Length.EqualTo(32));
        });
    }

    [Test]
    public void Tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => generator.Create().Value).ToList();

        Assert.That(tokens, Is.Unique);
    }

    [Test]
    public void The_stored_hash_is_the_lowercase_hex_SHA256_of_the_token()
    {
        var token = generator.Create();

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)));

        Assert.Multiple(() =>
        {
            Assert.That(token.Hash, Is.EqualTo(expected));
            Assert.That(token.Hash, Is.Not.EqualTo(token.Value));
            Assert.That(generator.Hash(token.Value), Is.EqualTo(token.Hash), "a presented token is found by the same hash");
        });
    }

    [Test]
    public void Hash_matches_the_SHA256_test_vector() =>
        Assert.That(generator.Hash("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}
