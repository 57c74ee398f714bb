using System.Globalization;
using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Renders the account mails; links carry the token in the query string.</summary>
internal sealed class AccountMails(IOptions<EmailOptions> options)
{
    /// <summary>The frontend's page listing the signed-in sessions, where the owner can end one.</summary>
    public const string SessionsPath = "sessions";

    public EmailMessage EmailConfirmation(ITokenMailEvent mail) => Render(EmailTemplates.EmailConfirmation, mail, "confirm-email");

    public EmailMessage PasswordReset(ITokenMailEvent mail) => Render(EmailTemplates.PasswordReset, mail, "reset-password");

    /// <summary>Tells the owner that the account signed in from a device it had not seen, and what to do if it was not them.</summary>
    public EmailMessage NewDeviceAlert(NewDeviceSignedIn alert) =>
        EmailTemplates.Render(EmailTemplates.NewDevice, alert.Email, new Dictionary<string, string>
        {
            ["name"] = alert.Name,
            ["time"] = alert.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["address"] = alert.ClientAddress ?? "unknown",
            ["userAgent"] = alert.UserAgent ?? "unknown",
            ["link"] = $"{BaseUrl}/{SessionsPath}",
        });

    /// <summary>Asks the owner to replace a password the policy now refuses; the link opens the frontend.</summary>
    public EmailMessage PasswordChangeRequired(WeakPasswordNoticed notice) =>
        EmailTemplates.Render(EmailTemplates.PasswordChangeRequired, notice.Email, new Dictionary<string, string>
        {
            ["name"] = notice.Name,
            ["link"] = $"{BaseUrl}/",
        });

    private string BaseUrl => options.Value.LinkBaseUrl.TrimEnd('/');

    private EmailMessage Render(string template, ITokenMailEvent mail, string path) =>
        EmailTemplates.Render(template, mail.Email, new Dictionary<string, string>
        {
            ["name"] = mail.Name,
            ["link"] = $"{BaseUrl}/{path}?token={Uri.EscapeDataString(mail.Token)}",
            ["validFor"] = Describe(mail.ValidFor),
        });

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";
}
