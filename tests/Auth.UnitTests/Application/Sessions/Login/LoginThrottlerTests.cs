using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Login;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.Login;

public class LoginThrottlerTests
{
    private const string Email = "ada@example.com";

    private Ports ports = null!;
    private LoginThrottler throttler = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        throttler = ports.LoginThrottler();
    }

    [Test]
    public async Task An_attempt_on_an_email_with_failures_but_no_lockout_is_counted_before_the_password_is_checked()
    {
        var throttle = LoginThrottle.For(Email);
        throttle.RecordFailure(ports.Now, Ports.MaxFailures, Ports.LockoutDuration);
        StoredThrottleIs(throttle);

        var attempt = await throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None);

        Assert.That(attempt.Refused, Is.Null);
        Assert.That(throttle.Failures, Is.EqualTo(2));
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task An_update_waits_while_another_update_of_the_same_email_has_its_turn()
    {
        StoredThrottleIs(LoginThrottle.For(Email));
        var other = await ports.EmailTurns.EnterAsync(Email, CancellationToken.None);

        var attempt = throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None);

        Assert.That(attempt.IsCompleted, Is.False);
        ports.Throttles.Verify(t => t.FindAsync(Email, It.IsAny<CancellationToken>()), Times.Never());
        other.Dispose();
        Assert.That((await attempt).Refused, Is.Null);
        ports.VerifySavedOnce();
        Assert.That(ports.EmailTurns.Count, Is.Zero, "no entry outlives its last user");
    }

    [Test]
    public async Task An_attempt_on_a_locked_email_is_refused_with_the_time_left_and_writes_nothing()
    {
        var throttle = LoginThrottle.For(Email);
        for (var i = 0; i < Ports.MaxFailures; i++)
        {
            throttle.RecordFailure(ports.Now, Ports.MaxFailures, Ports.LockoutDuration);
        }

        StoredThrottleIs(throttle);
        ports.Time.Advance(TimeSpan.FromMinutes(5));

        var attempt = await throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None);

        Assert.That(attempt.Refused?.Code, Is.EqualTo(AuthErrors.TooManyAttemptsCode));
        Assert.That(attempt.Refused?.RetryAfter, Is.EqualTo(Ports.LockoutDuration - TimeSpan.FromMinutes(5)));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task The_attempt_that_uses_up_the_budget_says_it_started_the_lockout()
    {
        var throttle = LoginThrottle.For(Email);
        for (var i = 0; i < Ports.MaxFailures - 1; i++)
        {
            throttle.RecordFailure(ports.Now, Ports.MaxFailures, Ports.LockoutDuration);
        }

        StoredThrottleIs(throttle);

        var attempt = await throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None);

        Assert.That(attempt, Is.EqualTo(new AttemptStart(null, LockStarted: true)));
    }

    [Test]
    public async Task The_first_attempt_creates_the_throttle_and_commits_it()
    {
        LoginThrottle? added = null;
        ports.Throttles.Setup(t => t.Add(It.IsAny<LoginThrottle>())).Callback((LoginThrottle t) => added = t);

        var attempt = await throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(attempt.LockStarted, Is.False);
            Assert.That(added?.NormalizedEmail, Is.EqualTo(Email));
            Assert.That(added?.Failures, Is.EqualTo(1));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Reset_without_a_throttle_or_failures_writes_nothing()
    {
        await throttler.ResetAsync(Email, CancellationToken.None);
        StoredThrottleIs(LoginThrottle.For(Email));
        await throttler.ResetAsync(Email, CancellationToken.None);

        ports.Throttles.Verify(t => t.Add(It.IsAny<LoginThrottle>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_concurrent_update_is_retried_on_a_fresh_read_so_the_failure_still_counts()
    {
        var stale = LoginThrottle.For(Email);
        var fresh = LoginThrottle.For(Email);
        fresh.RecordFailure(ports.Now, Ports.MaxFailures, Ports.LockoutDuration);
        fresh.RecordFailure(ports.Now, Ports.MaxFailures, Ports.LockoutDuration);
        ports.Throttles.SetupSequence(t => t.FindAsync(Email, It.IsAny<CancellationToken>()))
            .ReturnsAsync(stale)
            .ReturnsAsync(fresh);
        ports.UnitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result.Failure(AuthErrors.ConcurrentUpdate))
            .ReturnsAsync(Result.Success);

        var attempt = await throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(attempt.LockStarted, Is.True, "the third failure, counted on the fresh row, starts the lockout");
            Assert.That(fresh.Failures, Is.EqualTo(3));
        });
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
    }

    [Test]
    public void Persistent_concurrent_updates_give_up_after_five_attempts()
    {
        ports.Throttles.Setup(t => t.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(() => LoginThrottle.For(Email));
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        Assert.ThrowsAsync<InvalidOperationException>(() => throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None));

        ports.UnitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(5));
    }

    [Test]
    public void Any_other_commit_failure_is_not_retried()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var exception = Assert.ThrowsAsync<InvalidOperationException>(() => throttler.BeginAttemptAsync(Email, ports.Now, CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("db_down"));
        ports.VerifySavedOnce();
    }

    private void StoredThrottleIs(LoginThrottle throttle) =>
        ports.Throttles.Setup(t => t.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(throttle);
}
