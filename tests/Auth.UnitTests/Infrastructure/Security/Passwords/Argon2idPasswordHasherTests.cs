using Auth.Application.Abstractions;
using Auth.Infrastructure.Security.Passwords;
using Microsoft.Extensions.Options;

namespace Auth.UnitTests.Infrastructure.Security.Passwords;

public class Argon2idPasswordHasherTests
{
    // Far below production cost (the options validator would refuse it), so the suite stays fast.
    private const int FastMemoryKiB = 64;

    [Test]
    public async Task A_hash_verifies_with_its_password()
    {
        using var hasher = Hasher(iterations: 1);

        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.That(await hasher.VerifyAsync(hash, "correct horse battery staple", CancellationToken.None), Is.EqualTo(PasswordVerification.Succeeded));
    }

    [Test]
    public async Task A_hash_is_a_PHC_string_carrying_its_parameters_and_never_the_password()
    {
        using var hasher = Hasher(iterations: 3);

        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(hash, Does.StartWith($"$argon2id$v=19$m={FastMemoryKiB},t=3,p=1$"));
            Assert.That(hash, Does.Not.Contain("correct horse"));
            Assert.That(hash.Contains('\0', StringComparison.Ordinal), Is.False, "no NUL padding (compared ordinally: ICU ignores NUL)");
        });
    }

    [Test]
    public async Task The_same_password_hashes_differently_each_time_because_of_the_salt()
    {
        using var hasher = Hasher(iterations: 1);

        var first = await hasher.HashAsync("password123", CancellationToken.None);
        var second = await hasher.HashAsync("password123", CancellationToken.None);

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [TestCase("correct horse battery stapl")]
    [TestCase("Correct horse battery staple")]
    [TestCase("")]
    public async Task A_wrong_password_fails(string attempt)
    {
        using var hasher = Hasher(iterations: 1);
        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.That(await hasher.VerifyAsync(hash, attempt, CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    [Test]
    public async Task Non_ascii_passwords_round_trip()
    {
        using var hasher = Hasher(iterations: 1);
        var hash = await hasher.HashAsync("pässwörd-密码-🔑", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await hasher.VerifyAsync(hash, "pässwörd-密码-🔑", CancellationToken.None), Is.EqualTo(PasswordVerification.Succeeded));
            Assert.That(await hasher.VerifyAsync(hash, "passwörd-密码-🔑", CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
        });
    }

    [Test]
    public async Task No_hash_verifies_against_a_dummy_and_fails_even_for_the_dummys_own_input()
    {
        using var hasher = Hasher(iterations: 1);

        Assert.That(await hasher.VerifyAsync(null, "anything", CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    [TestCase("not a hash")]
    [TestCase("")]
    [TestCase("$argon2id$v=19$m=64,t=1,p=1$")]
    [TestCase("$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHQ$aGFzaA")]
    [TestCase("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")]
    public async Task A_corrupt_hash_fails_instead_of_throwing(string hash)
    {
        using var hasher = Hasher(iterations: 1);

        Assert.That(await hasher.VerifyAsync(hash, "password", CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    // Geralt throws FormatException ("Invalid password hash string prefix") for a PHC string of another
    // algorithm; a login against such a row must be a plain failure, not a 500.
    [TestCase("$2b$12$abcdefghijklmnopqrstuuCz4bZ0ELpH7Rrn9i8P8b3mH7M0oMFK.")]
    [TestCase("$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaA")]
    public async Task A_hash_from_another_scheme_fails_instead_of_throwing(string hash)
    {
        using var hasher = Hasher(iterations: 1);

        Assert.That(await hasher.VerifyAsync(hash, "password", CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    [Test]
    public async Task A_hash_with_fewer_passes_than_configured_needs_a_rehash()
    {
        using var old = Hasher(iterations: 1);
        using var current = Hasher(iterations: 2);
        var weak = await old.HashAsync("password123", CancellationToken.None);

        Assert.That(await current.VerifyAsync(weak, "password123", CancellationToken.None), Is.EqualTo(PasswordVerification.SucceededRehashNeeded));
    }

    [Test]
    public async Task A_hash_with_less_memory_than_configured_needs_a_rehash()
    {
        using var old = Hasher(iterations: 1, memoryKiB: FastMemoryKiB);
        using var current = Hasher(iterations: 1, memoryKiB: FastMemoryKiB * 2);
        var weak = await old.HashAsync("password123", CancellationToken.None);

        Assert.That(await current.VerifyAsync(weak, "password123", CancellationToken.None), Is.EqualTo(PasswordVerification.SucceededRehashNeeded));
    }

    [Test]
    public async Task A_wrong_password_against_a_weak_hash_fails_rather_than_asking_for_a_rehash()
    {
        using var old = Hasher(iterations: 1);
        using var current = Hasher(iterations: 2);
        var weak = await old.HashAsync("password123", CancellationToken.None);

        Assert.That(await current.VerifyAsync(weak, "password124", CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    [Test]
    public void Hashing_honours_cancellation_while_waiting_for_a_slot()
    {
        using var hasher = Hasher(iterations: 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.CatchAsync<OperationCanceledException>(async () => await hasher.HashAsync("password123", cancelled.Token));
    }

    [Test]
    public async Task At_the_default_OWASP_parameters_a_hash_round_trips_without_a_rehash()
    {
        using var hasher = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions()));

        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(hash, Does.StartWith("$argon2id$v=19$m=19456,t=2,p=1$"));
            Assert.That(await hasher.VerifyAsync(hash, "correct horse battery staple", CancellationToken.None), Is.EqualTo(PasswordVerification.Succeeded));
        });
    }

    private static Argon2idPasswordHasher Hasher(int iterations, int memoryKiB = FastMemoryKiB) =>
        new(Options.Create(new PasswordHashingOptions { Iterations = iterations, MemoryKiB = memoryKiB, MaxConcurrency = 2 }));
}
