using System.Globalization;
using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Auth.Domain.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Renders the account mails and queues them; links carry the token in the query string.</summary>
internal sealed partial class AccountMailer(EmailQueue queue, IOptions<EmailOptions> options, ILogger<AccountMailer> logger) : IAccountMailer
{
    /// <summary>The frontend's page listing the signed-in sessions, where the owner can end one.</summary>
    public const string SessionsPath = "sessions";

    public void QueueEmailConfirmation(User user, string token, TimeSpan validFor) =>
        Queue(EmailTemplates.EmailConfirmation, user, Link("confirm-email", token), validFor);

    public void QueuePasswordReset(User user, string token, TimeSpan validFor) =>
        Queue(EmailTemplates.PasswordReset, user, Link("reset-password", token), validFor);

    public void QueueNewDeviceAlert(User user, DateTimeOffset signedInAt, ClientInfo client) =>
        Queue(EmailTemplates.NewDevice, user, new Dictionary<string, string>
        {
            ["time"] = signedInAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["address"] = client.Address ?? "unknown",
            ["userAgent"] = client.UserAgent ?? "unknown",
            ["link"] = $"{options.Value.LinkBaseUrl.TrimEnd('/')}/{SessionsPath}",
        });

    private string Link(string path, string token) =>
        $"{options.Value.LinkBaseUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(token)}";

    private void Queue(string template, User user, string link, TimeSpan validFor) =>
        Queue(template, user, new Dictionary<string, string> { ["link"] = link, ["validFor"] = Describe(validFor) });

    private void Queue(string template, User user, Dictionary<string, string> values)
    {
        values["name"] = user.Name;
        var message = EmailTemplates.Render(template, user.Email, values);
        if (!queue.TryAdd(new QueuedEmail(message)))
        {
            LogQueueFull(template, MaskedAddress.Of(user.Email));
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail queue full: {Template} mail to {Recipient} dropped")]
    private partial void LogQueueFull(string template, string recipient);
}
