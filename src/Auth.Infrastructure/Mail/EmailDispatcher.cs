using Auth.Application.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>
/// Sends queued mail in the background. A failed message is retried after a delay that doubles each time, without
/// holding up the messages behind it; after the last try it is logged, recipient masked, and dropped.
/// </summary>
internal sealed partial class EmailDispatcher(
    EmailQueue queue,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailDispatcher> logger,
    Telemetry.AuthMetrics? metrics = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(email, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(QueuedEmail email, CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendAsync(email.Message, stoppingToken);
        }
#pragma warning disable CA1031 // Any transport failure is retried or logged; none may stop the dispatcher.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var attempt = email.Attempt + 1;
            var masked = MaskedAddress.Of(email.Message.To);
            metrics?.MailFailed(dropped: attempt >= options.Value.MaxAttempts);
            if (attempt >= options.Value.MaxAttempts)
            {
                LogGaveUp(masked, attempt, e);
                return;
            }

            var delay = options.Value.RetryDelay * Math.Pow(2, attempt - 1);
            LogRetrying(masked, attempt, delay, e.Message);
            _ = RequeueAsync(email with { Attempt = attempt }, delay, stoppingToken);
        }
    }

    private async Task RequeueAsync(QueuedEmail email, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            if (!queue.TryAdd(email))
            {
                LogGaveUp(MaskedAddress.Of(email.Message.To), email.Attempt, null);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail to {Recipient} failed (try {Attempt}); retrying in {Delay}: {Reason}")]
    private partial void LogRetrying(string recipient, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up sending mail to {Recipient} after {Attempts} tries")]
    private partial void LogGaveUp(string recipient, int attempts, Exception? exception);
}
