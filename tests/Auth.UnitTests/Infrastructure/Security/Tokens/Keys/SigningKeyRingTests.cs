using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Options;

namespace Auth.UnitTests.Infrastructure.Security.Tokens.Keys;

public sealed class SigningKeyRingTests
{
    private static readonly DateTimeOffset Rotation = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string OldPem = SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256);
    private static readonly string NewPem = SigningKeyMaterial.GeneratePem(SigningAlgorithms.Rs256);

    // Access-token lifetime 15 min + skew 30 s: how long the old key outlives the rotation.
    private static readonly TimeSpan OldKeyOverlap = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30);

    [Test]
    public void Before_the_rotation_the_old_key_signs_and_both_are_published()
    {
        var ring = Ring();

        Assert.That(ring.Current(Rotation.AddMinutes(-1)).Key.KeyId, Is.EqualTo("old"));
        Assert.That(ring.Published(Rotation.AddMinutes(-1)).Select(k => k.KeyId), Is.EqualTo(new[] { "old", "new" }));
    }

    [Test]
    public void From_the_rotation_the_new_key_signs_and_the_old_one_still_validates_for_one_token_lifetime()
    {
        var ring = Ring();

        Assert.That(ring.Current(Rotation).Key.KeyId, Is.EqualTo("new"));
        Assert.That(ring.Resolve("old", Rotation + OldKeyOverlap - TimeSpan.FromSeconds(1)), Is.Not.Null);
        Assert.That(ring.Resolve("old", Rotation + OldKeyOverlap), Is.Null);
        Assert.That(ring.Published(Rotation + OldKeyOverlap).Select(k => k.KeyId), Is.EqualTo(new[] { "new" }));
    }

    [Test]
    public void An_unknown_or_missing_kid_resolves_to_nothing()
    {
        var ring = Ring();

        Assert.That(ring.Resolve("other", Rotation), Is.Null);
        Assert.That(ring.Resolve(null, Rotation), Is.Null);
        Assert.That(ring.Resolve("new", Rotation), Is.Not.Null);
    }

    [Test]
    public void Keys_are_ordered_by_activation_not_by_their_place_in_the_configuration()
    {
        var ring = Ring(reverse: true);

        Assert.That(ring.Current(Rotation.AddDays(1)).Key.KeyId, Is.EqualTo("new"));
        Assert.That(ring.Current(Rotation.AddDays(-1)).Key.KeyId, Is.EqualTo("old"));
    }

    [Test]
    public void An_hs256_secret_is_never_published()
    {
        var ring = new SigningKeyRing(Options.Create(new JwtOptions
        {
            Algorithm = SigningAlgorithms.Hs256,
            SigningKey = "a-shared-secret-of-at-least-32-characters",
        }));

        Assert.That(ring.Published(Rotation), Is.Empty);
        Assert.That(ring.Current(Rotation).Algorithm, Is.EqualTo("HS256"));
        Assert.That(ring.Current(Rotation).Key.KeyId, Does.StartWith("hs-").And.Not.Contain("secret"));
    }

    private static SigningKeyRing Ring(bool reverse = false)
    {
        var keys = new List<SigningKeyOptions>
        {
            new() { KeyId = "old", Pem = OldPem },
            new() { KeyId = "new", Pem = NewPem, ActiveFrom = Rotation },
        };
        if (reverse)
        {
            keys.Reverse();
        }

        return new SigningKeyRing(Options.Create(new JwtOptions { Keys = keys }));
    }
}
