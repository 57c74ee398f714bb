namespace Auth.Application.Abstractions;

/// <summary>A mail transport (SMTP, or a folder of .eml files in Development). Throws when delivery fails.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A message with a plain-text and an HTML part.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
