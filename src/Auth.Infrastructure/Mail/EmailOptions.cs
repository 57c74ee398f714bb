using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>How mail leaves the service, bound from <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Smtp</c>, or <c>Pickup</c>: each message written as an .eml file (the Development default).</summary>
    public EmailTransport Transport { get; set; } = EmailTransport.Smtp;

    public string From { get; set; } = "no-reply@auth.local";

    public string FromName { get; set; } = "Auth";

    /// <summary>The frontend that handles the links: mails point at <c>{LinkBaseUrl}/confirm-email?token=...</c>.</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:3000";

    /// <summary>Where <c>Pickup</c> writes messages; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = ".local/mail";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Tries per mail before the outbox gives it up (and logs it with the recipient masked).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

public enum EmailTransport
{
    Smtp,
    Pickup,
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (MailKit's names).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private static readonly string[] SecurityModes = ["Auto", "None", "StartTls", "StartTlsWhenAvailable", "SslOnConnect"];

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (options.Transport == EmailTransport.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            failures.Add("Email:Smtp:Host must be set when Email:Transport is Smtp (or set Email:Transport to Pickup).");
        }

        if (!SecurityModes.Contains(options.Smtp.Security))
        {
            failures.Add($"Email:Smtp:Security must be one of {string.Join(", ", SecurityModes)}.");
        }

        if (!Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Email:LinkBaseUrl must be an absolute http(s) URL.");
        }

        if (!MimeKit.MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add("Email:From must be an email address.");
        }

        if (options.MaxAttempts < 1 || options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("Email:MaxAttempts must be at least 1, Email:RetryDelay not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
