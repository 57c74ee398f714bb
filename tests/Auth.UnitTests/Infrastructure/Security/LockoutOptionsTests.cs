using Auth.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Auth.UnitTests.Infrastructure.Security;

public class LockoutOptionsTests
{
    private readonly LockoutOptionsValidator validator = new();

    [Test]
    public void The_defaults_are_five_failures_and_fifteen_minutes_and_pass()
    {
        var options = new LockoutOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.MaxFailures, Is.EqualTo(5));
            Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromMinutes(15)));
            Assert.That(validator.Validate(null, options).Succeeded, Is.True);
        });
    }

    [TestCase(1, "00:00:01")]
    [TestCase(100, "1.00:00:00")]
    public void The_bounds_pass(int maxFailures, string duration) =>
        Assert.That(Validate(maxFailures, TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)).Succeeded, Is.True);

    [TestCase(0, "00:15:00")]
    [TestCase(-1, "00:15:00")]
    [TestCase(101, "00:15:00")]
    [TestCase(5, "00:00:00")]
    [TestCase(5, "-00:01:00")]
    [TestCase(5, "1.00:00:01")]
    public void Values_outside_the_bounds_fail(int maxFailures, string duration)
    {
        var result = Validate(maxFailures, TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("Lockout:MaxFailures"));
        });
    }

    [Test]
    public void The_policy_reads_the_bound_options()
    {
        var policy = new LockoutPolicy(Options.Create(new LockoutOptions { MaxFailures = 7, Duration = TimeSpan.FromMinutes(3) }));

        Assert.Multiple(() =>
        {
            Assert.That(policy.MaxFailures, Is.EqualTo(7));
            Assert.That(policy.Duration, Is.EqualTo(TimeSpan.FromMinutes(3)));
        });
    }

    private ValidateOptionsResult Validate(int maxFailures, TimeSpan duration) =>
        validator.Validate(null, new LockoutOptions { MaxFailures = maxFailures, Duration = duration });
}
