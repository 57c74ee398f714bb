using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Users;

public class LoginThrottleTests
{
    private const int MaxFailures = 3;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Test]
    public void A_new_throttle_is_for_the_email_and_clean()
    {
        var throttle = LoginThrottle.For("ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(throttle.NormalizedEmail, Is.EqualTo("ada@example.com"));
            Assert.That(throttle.Failures, Is.Zero);
            Assert.That(throttle.LockedUntil, Is.Null);
            Assert.That(throttle.IsLocked(Now), Is.False);
        });
    }

    [Test]
    public void Failures_below_the_limit_count_without_locking()
    {
        var throttle = LoginThrottle.For("ada@example.com");

        var first = throttle.RecordFailure(Now, MaxFailures, Lockout);
        var second = throttle.RecordFailure(Now, MaxFailures, Lockout);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.False);
            Assert.That(second, Is.False);
            Assert.That(throttle.Failures, Is.EqualTo(2));
            Assert.That(throttle.LockedUntil, Is.Null);
            Assert.That(throttle.IsLocked(Now), Is.False);
        });
    }

    [Test]
    public void The_failure_reaching_the_limit_starts_a_lockout()
    {
        var throttle = FailedTimes(MaxFailures - 1);

        var started = throttle.RecordFailure(Now, MaxFailures, Lockout);

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.True);
            Assert.That(throttle.LockedUntil, Is.EqualTo(Now + Lockout));
            Assert.That(throttle.IsLocked(Now), Is.True);
            Assert.That(throttle.IsLocked(Now + Lockout - TimeSpan.FromTicks(1)), Is.True);
        });
    }

    [Test]
    public void The_lockout_ends_exactly_at_LockedUntil()
    {
        var throttle = FailedTimes(MaxFailures);

        Assert.That(throttle.IsLocked(Now + Lockout), Is.False);
    }

    [Test]
    public void A_failure_after_the_lockout_ended_starts_a_fresh_budget()
    {
        var throttle = FailedTimes(MaxFailures);
        var later = Now + Lockout;

        var started = throttle.RecordFailure(later, MaxFailures, Lockout);

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.False);
            Assert.That(throttle.Failures, Is.EqualTo(1));
            Assert.That(throttle.LockedUntil, Is.Null);
        });
    }

    [Test]
    public void A_failure_during_the_lockout_extends_it()
    {
        var throttle = FailedTimes(MaxFailures);
        var during = Now + TimeSpan.FromMinutes(1);

        var started = throttle.RecordFailure(during, MaxFailures, Lockout);

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.True);
            Assert.That(throttle.Failures, Is.EqualTo(MaxFailures + 1));
            Assert.That(throttle.LockedUntil, Is.EqualTo(during + Lockout));
        });
    }

    [Test]
    public void Reset_clears_failures_and_lockout()
    {
        var throttle = FailedTimes(MaxFailures);

        throttle.Reset();

        Assert.Multiple(() =>
        {
            Assert.That(throttle.Failures, Is.Zero);
            Assert.That(throttle.LockedUntil, Is.Null);
            Assert.That(throttle.IsLocked(Now), Is.False);
        });
    }

    [Test]
    public void Every_change_bumps_the_version_for_optimistic_concurrency()
    {
        var throttle = LoginThrottle.For("ada@example.com");
        var initial = throttle.Version;

        throttle.RecordFailure(Now, MaxFailures, Lockout);
        var afterFailure = throttle.Version;
        throttle.Reset();

        Assert.Multiple(() =>
        {
            Assert.That(afterFailure, Is.EqualTo(initial + 1));
            Assert.That(throttle.Version, Is.EqualTo(initial + 2));
        });
    }

    private static LoginThrottle FailedTimes(int count)
    {
        var throttle = LoginThrottle.For("ada@example.com");
        for (var i = 0; i < count; i++)
        {
            throttle.RecordFailure(Now, MaxFailures, Lockout);
        }

        return throttle;
    }
}
