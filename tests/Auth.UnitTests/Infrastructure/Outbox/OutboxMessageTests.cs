using Auth.Infrastructure.Outbox;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Infrastructure.Outbox;

public sealed class OutboxMessageTests
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    [Test]
    public void Each_failure_waits_twice_as_long_as_the_one_before()
    {
        var message = Message();
        var now = TestClock.Start;

        var delays = new[]
        {
            message.Failed(now, "refused", maxAttempts: 5, FirstDelay),
            message.Failed(now, "refused", maxAttempts: 5, FirstDelay),
            message.Failed(now, "refused", maxAttempts: 5, FirstDelay),
        };

        Assert.Multiple(() =>
        {
            Assert.That(delays, Is.EqualTo(new TimeSpan?[] { FirstDelay, FirstDelay * 2, FirstDelay * 4 }));
            Assert.That(message.NextAttemptAt, Is.EqualTo(now + (FirstDelay * 4)));
            Assert.That(message.ProcessedAt, Is.Null, "still due for another try");
            Assert.That(message.LastError, Is.EqualTo("refused"));
        });
    }

    [Test]
    public void The_last_failure_gives_up_and_forgets_the_payload()
    {
        var message = Message();

        message.Failed(TestClock.Start, "refused", maxAttempts: 2, FirstDelay);
        var last = message.Failed(TestClock.Start, "refused", maxAttempts: 2, FirstDelay);

        Assert.Multiple(() =>
        {
            Assert.That(last, Is.Null);
            Assert.That(message.GaveUp, Is.True);
            Assert.That(message.ProcessedAt, Is.EqualTo(TestClock.Start));
            Assert.That(message.Payload, Is.Null, "a mailed token does not outlive its delivery");
        });
    }

    [Test]
    public void A_delivered_mail_forgets_its_token_and_releases_its_lease()
    {
        var message = Message();

        message.Delivered(TestClock.Start, forgetPayload: true);

        Assert.Multiple(() =>
        {
            Assert.That(message.ProcessedAt, Is.EqualTo(TestClock.Start));
            Assert.That(message.Payload, Is.Null);
            Assert.That(message.LeaseOwner, Is.Null);
            Assert.That(message.GaveUp, Is.False);
        });
    }

    [Test]
    public void A_long_error_is_cut_to_what_the_column_holds()
    {
        var message = Message();

        message.Failed(TestClock.Start, new string('x', 2000), maxAttempts: 5, FirstDelay);

        Assert.That(message.LastError, Has.Length.EqualTo(OutboxMessage.MaxErrorLength));
    }

    private static OutboxMessage Message() =>
        new(Guid.CreateVersion7(TestClock.Start), TestClock.Start, "PasswordResetRequested", "{\"Token\":\"secret\"}", null, null, null, null);
}
