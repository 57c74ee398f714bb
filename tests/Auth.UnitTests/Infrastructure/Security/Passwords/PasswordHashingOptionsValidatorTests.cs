using Auth.Infrastructure.Security.Passwords;
using Microsoft.Extensions.Options;

namespace Auth.UnitTests.Infrastructure.Security.Passwords;

public class PasswordHashingOptionsValidatorTests
{
    private readonly PasswordHashingOptionsValidator validator = new();

    [Test]
    public void The_defaults_pass() => Assert.That(validator.Validate(null, new PasswordHashingOptions()).Succeeded, Is.True);

    [TestCase(-1)]
    [TestCase(61_000)]
    public void A_queue_wait_below_zero_or_over_a_minute_fails(int milliseconds)
    {
        var result = validator.Validate(null, new PasswordHashingOptions { MaxQueueWait = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.That(result.FailureMessage, Does.Contain("PasswordHashing:MaxQueueWait"));
    }

    // The OWASP Password Storage Cheat Sheet's Argon2id rows.
    [TestCase(47_104, 1)]
    [TestCase(19_456, 2)]
    [TestCase(12_288, 3)]
    [TestCase(9_216, 4)]
    [TestCase(7_168, 5)]
    public void Every_OWASP_row_passes(int memoryKiB, int iterations) =>
        Assert.That(Validate(memoryKiB, iterations).Succeeded, Is.True);

    [Test]
    public void Memory_below_7_MiB_fails_whatever_the_passes()
    {
        var result = Validate(7_167, 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("PasswordHashing:MemoryKiB must be at least 7168"));
        });
    }

    [TestCase(19_456, 1)]
    [TestCase(9_216, 3)]
    [TestCase(12_288, 2)]
    public void A_cost_below_the_weakest_OWASP_row_fails(int memoryKiB, int iterations)
    {
        var result = Validate(memoryKiB, iterations);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("MemoryKiB × Iterations"));
        });
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Fewer_than_one_pass_fails(int iterations)
    {
        var result = Validate(47_104, iterations);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("PasswordHashing:Iterations must be at least 1."));
        });
    }

    [Test]
    public void More_than_4_GiB_of_memory_fails()
    {
        var result = Validate(4 * 1024 * 1024 + 1, 1);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("at most 4 GiB"));
        });
    }

    [Test]
    public void A_negative_concurrency_fails()
    {
        var result = validator.Validate(null, new PasswordHashingOptions { MaxConcurrency = -1 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("MaxConcurrency"));
        });
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var result = validator.Validate(null, new PasswordHashingOptions { MemoryKiB = 1, Iterations = 0, MaxConcurrency = -1 });

        Assert.That(result.Failures!.Count(), Is.EqualTo(3));
    }

    [Test]
    public void Concurrency_0_means_the_processor_count() =>
        Assert.That(new PasswordHashingOptions { MaxConcurrency = 0 }.EffectiveConcurrency, Is.EqualTo(Environment.ProcessorCount));

    [Test]
    public void A_positive_concurrency_is_used_as_given() =>
        Assert.That(new PasswordHashingOptions { MaxConcurrency = 3 }.EffectiveConcurrency, Is.EqualTo(3));

    private ValidateOptionsResult Validate(int memoryKiB, int iterations) =>
        validator.Validate(null, new PasswordHashingOptions { MemoryKiB = memoryKiB, Iterations = iterations });
}
