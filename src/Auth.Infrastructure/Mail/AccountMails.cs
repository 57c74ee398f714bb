using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Renders the account mails; links carry the token in the query string.</summary>
internal sealed class AccountMails(IOptions<EmailOptions> options)
{
    public EmailMessage EmailConfirmation(IMailEvent mail) => Render(EmailTemplates.EmailConfirmation, mail, "confirm-email");

    public EmailMessage PasswordReset(IMailEvent mail) => Render(EmailTemplates.PasswordReset, mail, "reset-password");

    private EmailMessage Render(string template, IMailEvent mail, string path) =>
        EmailTemplates.Render(template, mail.Email, new Dictionary<string, string>
        {
            ["name"] = mail.Name,
            ["link"] = $"{options.Value.LinkBaseUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(mail.Token)}",
            ["validFor"] = Describe(mail.ValidFor),
        });

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";
}
