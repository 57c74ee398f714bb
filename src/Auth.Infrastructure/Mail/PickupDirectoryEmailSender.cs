using Auth.Application.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>
/// Development's mail server: each message becomes an .eml file in a git-ignored folder (any mail client opens it),
/// so the one-command run needs no SMTP server.
/// </summary>
internal sealed partial class PickupDirectoryEmailSender(
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    private long written;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        // Names sort in sending order, even for mails sent within one clock tick.
        var sequence = Interlocked.Increment(ref written);
        var path = Path.Combine(directory, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{sequence:D6}-{Guid.NewGuid():N}.eml");
        // Written aside and moved in whole, so a reader of the folder never opens a half-written mail.
        var partial = path + ".partial";
        await MimeMessages.Create(message, options.Value).WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        LogWritten(message.Subject, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" written to {Path}")]
    private partial void LogWritten(string subject, string path);
}
