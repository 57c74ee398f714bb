using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Options;

namespace Auth.UnitTests.Infrastructure.Security.Tokens.Keys;

public sealed class KeyRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Path.Combine(Path.GetTempPath(), "auth-keys-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void The_first_key_of_an_empty_directory_signs_at_once()
    {
        var outcome = KeyRotation.Rotate(directory, SigningAlgorithms.Es256, activeFrom: null, onlyIfEmpty: false, Now);

        var ring = Ring();
        Assert.That(outcome.ActiveFrom, Is.EqualTo(Now));
        Assert.That(ring.Current(Now).Key.KeyId, Is.EqualTo(outcome.KeyId));
        Assert.That(ring.Current(Now).Algorithm, Is.EqualTo("ES256"));
    }

    [Test]
    public void A_later_key_is_announced_now_and_signs_an_hour_later_by_default()
    {
        var first = KeyRotation.Rotate(directory, SigningAlgorithms.Rs256, activeFrom: null, onlyIfEmpty: false, Now);

        var second = KeyRotation.Rotate(directory, SigningAlgorithms.Es256, activeFrom: null, onlyIfEmpty: false, Now);

        var ring = Ring();
        Assert.That(second.ActiveFrom, Is.EqualTo(Now + KeyRotation.DefaultLeadTime));
        Assert.That(ring.Published(Now).Select(k => k.KeyId), Is.EqualTo(new[] { first.KeyId, second.KeyId }));
        Assert.That(ring.Current(Now).Key.KeyId, Is.EqualTo(first.KeyId));
        Assert.That(ring.Current(second.ActiveFrom).Key.KeyId, Is.EqualTo(second.KeyId));
        Assert.That(ring.Algorithms, Is.EquivalentTo(new[] { "RS256", "ES256" }));
    }

    [Test]
    public void If_empty_writes_nothing_when_a_key_is_there()
    {
        KeyRotation.Rotate(directory, SigningAlgorithms.Rs256, activeFrom: null, onlyIfEmpty: true, Now);

        var again = KeyRotation.Rotate(directory, SigningAlgorithms.Rs256, activeFrom: null, onlyIfEmpty: true, Now.AddDays(1));

        Assert.That(again.Path, Is.Null);
        Assert.That(Directory.GetFiles(directory, "*.pem"), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_key_may_not_start_before_the_newest_one()
    {
        KeyRotation.Rotate(directory, SigningAlgorithms.Rs256, activeFrom: Now.AddHours(2), onlyIfEmpty: false, Now);

        Assert.Throws<ArgumentException>(() => KeyRotation.Rotate(directory, SigningAlgorithms.Rs256, activeFrom: Now.AddHours(1), onlyIfEmpty: false, Now));
    }

    [Test]
    public void Key_files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only");
            return;
        }

        var outcome = KeyRotation.Rotate(directory, SigningAlgorithms.Rs256, activeFrom: null, onlyIfEmpty: false, Now);

        Assert.That(File.GetUnixFileMode(outcome.Path!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    private SigningKeyRing Ring() => new(Options.Create(new JwtOptions { KeyDirectory = directory }));
}
