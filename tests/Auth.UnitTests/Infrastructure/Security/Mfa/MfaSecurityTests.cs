using Auth.Infrastructure.Security.Mfa;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Auth.UnitTests.Infrastructure.Security.Mfa;

public sealed class MfaSecurityTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static AesGcmMfaSecretProtector Protector(string key) => new(Options.Create(new MfaOptions { EncryptionKey = key }));

    [Test]
    public void A_protected_secret_reads_back_under_the_same_key_and_not_under_another()
    {
        var sealedSecret = Protector(Key).Protect("JBSWY3DPEHPK3PXP");

        Assert.That(sealedSecret, Does.StartWith("v1.").And.Not.Contain("JBSWY3DPEHPK3PXP"));
        Assert.That(Protector(Key).Unprotect(sealedSecret), Is.EqualTo("JBSWY3DPEHPK3PXP"));
        Assert.That(Protector(Convert.ToBase64String(new byte[32])).Unprotect(sealedSecret), Is.Null);
        Assert.That(Protector(Key).Unprotect("v2.whatever"), Is.Null);
    }

    [Test]
    public void Each_protection_uses_a_fresh_nonce()
    {
        var protector = Protector(Key);
        var first = protector.Protect("same");

        Assert.That(protector.Protect("same"), Is.Not.EqualTo(first));
    }

    [Test]
    public void Recovery_code_hashes_are_keyed()
    {
        var hash = Protector(Key).HashRecoveryCode("abcd");

        Assert.That(hash, Has.Length.EqualTo(32));
        Assert.That(Protector(Key).HashRecoveryCode("abcd"), Is.EqualTo(hash));
        Assert.That(Protector(Convert.ToBase64String(new byte[32])).HashRecoveryCode("abcd"), Is.Not.EqualTo(hash));
    }

    [Test]
    public void The_key_file_is_created_once_with_owner_only_access_and_read_back_afterwards()
    {
        var root = Path.Combine(Path.GetTempPath(), $"mfa-key-{Guid.NewGuid():N}");
        var environment = Mock.Of<IHostEnvironment>(e => e.ContentRootPath == root);
        var setup = new MfaEncryptionKey(environment, NullLogger<MfaEncryptionKey>.Instance);
        var first = new MfaOptions { EncryptionKeyFile = "keys/mfa.key" };
        var second = new MfaOptions { EncryptionKeyFile = "keys/mfa.key" };

        setup.PostConfigure(null, first);
        setup.PostConfigure(null, second);

        Assert.That(MfaEncryptionKey.Decode(first.EncryptionKey), Has.Length.EqualTo(32));
        Assert.That(second.EncryptionKey, Is.EqualTo(first.EncryptionKey));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(root, "keys", "mfa.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        Directory.Delete(root, recursive: true);
    }

    [TestCase("owner", "unknown role 'owner'")]
    [TestCase("", null)]
    public void Required_roles_must_be_known_and_blank_entries_are_ignored(string role, string? problem)
    {
        var result = new MfaOptionsValidator().Validate(null, new MfaOptions { EncryptionKey = Key, RequiredForRoles = [role] });

        Assert.That(result.Failed, Is.EqualTo(problem is not null));
        if (problem is not null)
        {
            Assert.That(result.FailureMessage, Does.Contain(problem));
        }
    }

    [Test]
    public void A_key_that_is_not_32_bytes_stops_the_start()
    {
        var result = new MfaOptionsValidator().Validate(null, new MfaOptions { EncryptionKey = Convert.ToBase64String(new byte[16]) });

        Assert.That(result.FailureMessage, Does.Contain("Auth:Mfa:EncryptionKey"));
    }

    [Test]
    public void The_policy_ignores_blank_roles() =>
        Assert.That(new MfaPolicy(Options.Create(new MfaOptions { RequiredForRoles = ["", "admin"] })).RequiredForRoles, Is.EqualTo(new[] { "admin" }));
}
