using System.Threading.Channels;
using Auth.Application.Abstractions;
using Auth.Infrastructure.Mail;
using Auth.UnitTests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Options = Microsoft.Extensions.Options.Options;

namespace Auth.UnitTests.Infrastructure.Mail;

public class EmailDispatcherTests
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ObservedTimeProvider time = null!;
    private EmailQueue queue = null!;
    private Mock<IEmailSender> sender = null!;
    private CapturingLogger logger = null!;
    private EmailDispatcher dispatcher = null!;
    private Channel<(string To, DateTimeOffset At)> sends = null!;
    private Dictionary<string, int> failuresLeft = null!;

    [SetUp]
    public void SetUp() => Start(maxAttempts: 5);

    [TearDown]
    public async Task TearDown()
    {
        await dispatcher.StopAsync(CancellationToken.None);
        dispatcher.Dispose();
    }

    [Test]
    public async Task A_failing_message_is_retried_after_a_delay_that_doubles_until_it_goes_through()
    {
        FailsTimes("ada@example.com", 2);
        var start = time.GetUtcNow();

        Enqueue("ada@example.com");

        Assert.That(await NextSend(), Is.EqualTo(("ada@example.com", start)));
        await AdvancePastNextRetry(RetryDelay);
        Assert.That(await NextSend(), Is.EqualTo(("ada@example.com", start + RetryDelay)));
        await AdvancePastNextRetry(RetryDelay * 2);
        Assert.That(await NextSend(), Is.EqualTo(("ada@example.com", start + (RetryDelay * 3))));

        await AssertQuiet();
        Assert.That(logger.Errors, Is.Empty, "it went through in the end");
    }

    [Test]
    public async Task After_MaxAttempts_tries_the_message_is_given_up_and_logged_with_the_recipient_masked()
    {
        await RestartWith(maxAttempts: 3);
        FailsTimes("ada.lovelace@example.com", int.MaxValue);

        Enqueue("ada.lovelace@example.com");
        await NextSend();
        await AdvancePastNextRetry(RetryDelay);
        await NextSend();
        await AdvancePastNextRetry(RetryDelay * 2);
        await NextSend();

        // A later message is sent, so the third failure has been handled by now.
        Enqueue("probe@example.com");
        Assert.That((await NextSend()).To, Is.EqualTo("probe@example.com"));
        Assert.Multiple(() =>
        {
            Assert.That(time.TimersCreated, Is.EqualTo(2), "no fourth try is scheduled");
            Assert.That(logger.Errors, Has.Exactly(1).Items);
            Assert.That(logger.Errors.Single(), Does.Contain("a***@example.com").And.Contain("3 tries"));
            Assert.That(logger.All, Has.None.Contains("ada.lovelace"), "logs never carry the address");
        });
        await AssertQuiet();
    }

    [Test]
    public async Task A_single_attempt_setting_gives_up_at_once()
    {
        await RestartWith(maxAttempts: 1);
        FailsTimes("ada@example.com", int.MaxValue);

        Enqueue("ada@example.com");
        await NextSend();
        Enqueue("probe@example.com");
        await NextSend();

        Assert.Multiple(() =>
        {
            Assert.That(time.TimersCreated, Is.Zero);
            Assert.That(logger.Errors, Has.Exactly(1).Items);
        });
    }

    [Test]
    public async Task A_failing_message_does_not_hold_up_the_next_one()
    {
        FailsTimes("ada@example.com", int.MaxValue);
        var start = time.GetUtcNow();

        Enqueue("ada@example.com");
        Enqueue("grace@example.com");

        Assert.Multiple(async () =>
        {
            Assert.That(await NextSend(), Is.EqualTo(("ada@example.com", start)));
            Assert.That(await NextSend(), Is.EqualTo(("grace@example.com", start)), "sent without waiting for the retry");
        });
        await AdvancePastNextRetry(RetryDelay);
        Assert.That(await NextSend(), Is.EqualTo(("ada@example.com", start + RetryDelay)));
    }

    private void Start(int maxAttempts)
    {
        time = new ObservedTimeProvider();
        var options = Options.Create(new EmailOptions { MaxAttempts = maxAttempts, RetryDelay = RetryDelay, QueueCapacity = 10 });
        queue = new EmailQueue(options);
        sends = Channel.CreateUnbounded<(string, DateTimeOffset)>();
        failuresLeft = [];
        sender = new Mock<IEmailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Returns((EmailMessage message, CancellationToken _) =>
            {
                sends.Writer.TryWrite((message.To, time.GetUtcNow()));
                if (failuresLeft.TryGetValue(message.To, out var left) && left > 0)
                {
                    failuresLeft[message.To] = left - 1;
                    return Task.FromException(new IOException("SMTP server unavailable"));
                }

                return Task.CompletedTask;
            });
        logger = new CapturingLogger();
        dispatcher = new EmailDispatcher(queue, sender.Object, options, time, logger);
        dispatcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task RestartWith(int maxAttempts)
    {
        await TearDown();
        Start(maxAttempts);
    }

    private void FailsTimes(string to, int times) => failuresLeft[to] = times;

    private void Enqueue(string to) =>
        Assert.That(queue.TryAdd(new QueuedEmail(new EmailMessage(to, "Subject", "text", "<p>html</p>"))), Is.True);

    private async Task<(string To, DateTimeOffset At)> NextSend() =>
        await sends.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Waits for the retry timer, checks nothing is sent a tick early, then lets the timer fire.</summary>
    private async Task AdvancePastNextRetry(TimeSpan delay)
    {
        Assert.That(await time.TimerCreated.WaitAsync(Patience), Is.True, "a retry was scheduled");
        time.Advance(delay - TimeSpan.FromTicks(1));
        Assert.That(sends.Reader.TryRead(out _), Is.False, "no retry before the delay is over");
        time.Advance(TimeSpan.FromTicks(1));
    }

    /// <summary>Nothing more is scheduled nor sent, however long we wait.</summary>
    private async Task AssertQuiet()
    {
        Assert.That(await time.TimerCreated.WaitAsync(TimeSpan.Zero), Is.False, "no further retry is scheduled");
        time.Advance(TimeSpan.FromHours(1));
        Assert.That(sends.Reader.TryRead(out _), Is.False);
    }

    /// <summary>A fake clock that tells when a timer (a retry's delay) was set, so tests advance it only afterwards.</summary>
    private sealed class ObservedTimeProvider() : FakeTimeProvider(TestClock.Start)
    {
        private int timersCreated;

        public SemaphoreSlim TimerCreated { get; } = new(0);

        public int TimersCreated => Volatile.Read(ref timersCreated);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref timersCreated);
            TimerCreated.Release();
            return timer;
        }
    }

    private sealed class CapturingLogger : ILogger<EmailDispatcher>
    {
        private readonly List<(LogLevel Level, string Message)> entries = [];

        public IReadOnlyList<string> All
        {
            get
            {
                lock (entries)
                {
                    return [.. entries.Select(e => e.Message)];
                }
            }
        }

        public IReadOnlyList<string> Errors
        {
            get
            {
                lock (entries)
                {
                    return [.. entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message)];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (entries)
            {
                entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
