using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Renders the account mails and queues them; links carry the token in the query string.</summary>
internal sealed partial class AccountMailer(EmailQueue queue, IOptions<EmailOptions> options, ILogger<AccountMailer> logger) : IAccountMailer
{
    public void QueueEmailConfirmation(User user, string token, TimeSpan validFor) =>
        Queue(EmailTemplates.EmailConfirmation, user, Link("confirm-email", token), validFor);

    public void QueuePasswordReset(User user, string token, TimeSpan validFor) =>
        Queue(EmailTemplates.PasswordReset, user, Link("reset-password", token), validFor);

    private string Link(string path, string token) =>
        $"{options.Value.LinkBaseUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(token)}";

    private void Queue(string template, User user, string link, TimeSpan validFor)
    {
        var message = EmailTemplates.Render(template, user.Email, new Dictionary<string, string>
        {
            ["name"] = user.Name,
            ["link"] = link,
            ["validFor"] = Describe(validFor),
        });
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
