using Auth.Application.Abstractions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Delivers through an SMTP server with MailKit: one connection per message, since mail is rare here.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var activity = Telemetry.AuthTelemetry.ActivitySource.StartActivity("smtp send", System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("server.address", settings.Smtp.Host);
        activity?.SetTag("server.port", settings.Smtp.Port);
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, Enum.Parse<SecureSocketOptions>(settings.Smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessages.Create(message, settings), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
