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
    public async Task Check_passes_an_email_without_a_throttle() =>
        Assert.That(await throttler.CheckAsync(Email, ports.Now, CancellationToken.None), Is.Null);

    [Test]
    public async Task Check_passes_an_email_with_failures_but_no_lockout()
    {
        var throttle = LoginThrottle.For(Email);
        throttle.RecordFailure(ports.Now, Ports.MaxFailures, Ports.LockoutDuration);
        StoredThrottleIs(throttle);

        Assert.That(await throttler.CheckAsync(Email, ports.Now, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task RecordFailure_creates_the_throttle_on_the_first_failure_and_commits_it()
    {
        LoginThrottle? added = null;
        ports.Throttles.Setup(t => t.Add(It.IsAny<LoginThrottle>())).Callback((LoginThrottle t) => added = t);

        var locked = await throttler.RecordFailureAsync(Email, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(locked, Is.False);
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

        var locked = await throttler.RecordFailureAsync(Email, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(locked, Is.True, "the third failure, counted on the fresh row, starts the lockout");
            Assert.That(fresh.Failures, Is.EqualTo(3));
        });
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
    }

    [Test]
    public void Persistent_concurrent_updates_give_up_after_five_attempts()
    {
        ports.Throttles.Setup(t => t.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(() => LoginThrottle.For(Email));
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        Assert.ThrowsAsync<InvalidOperationException>(() => throttler.RecordFailureAsync(Email, ports.Now, CancellationToken.None));

        ports.UnitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(5));
    }

    [Test]
    public void Any_other_commit_failure_is_not_retried()
    {
        ports.SaveFailsWith(new Error("db_down", "down"));

        var exception = Assert.ThrowsAsync<InvalidOperationException>(() => throttler.RecordFailureAsync(Email, ports.Now, CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("db_down"));
        ports.VerifySavedOnce();
    }

    private void StoredThrottleIs(LoginThrottle throttle) =>
        ports.Throttles.Setup(t => t.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(throttle);
}
