using Auth.Application.Abstractions;
using MimeKit;

namespace Auth.Infrastructure.Mail;

internal static class MimeMessages
{
    /// <summary>A multipart/alternative message: clients that cannot show HTML show the text part.</summary>
    public static MimeMessage Create(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
