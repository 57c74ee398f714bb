using System.Globalization;
using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Auth.Domain.External;
using Auth.Domain.Mfa;
using Auth.Domain.Passkeys;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Renders the account mails; links carry the token in the query string.</summary>
internal sealed class AccountMails(IOptions<EmailOptions> options, IExternalProviders providers)
{
    /// <summary>The frontend's page listing the signed-in sessions, where the owner can end one.</summary>
    public const string SessionsPath = "sessions";

    /// <summary>The frontend's pages that post an email change's token to the confirm and cancel routes.</summary>
    public const string ConfirmEmailChangePath = "confirm-email-change";
    public const string CancelEmailChangePath = "cancel-email-change";

    /// <summary>The frontend's page that posts a confirmation token to <c>/auth/email/confirm</c>.</summary>
    public const string ConfirmEmailPath = "confirm-email";

    public EmailMessage EmailConfirmation(ITokenMailEvent mail) => Render(EmailTemplates.EmailConfirmation, mail, ConfirmEmailPath);

    public EmailMessage PasswordReset(ITokenMailEvent mail) => Render(EmailTemplates.PasswordReset, mail, "reset-password");

    /// <summary>Tells the owner that the account signed in from a device it had not seen, and what to do if it was not them.</summary>
    public EmailMessage NewDeviceAlert(NewDeviceSignedIn alert) =>
        EmailTemplates.Render(EmailTemplates.NewDevice, alert.Email, new Dictionary<string, string>
        {
            ["time"] = Time(alert.At),
            ["address"] = alert.ClientAddress ?? "unknown",
            ["device"] = DeviceDescription.Of(alert.UserAgent),
            ["link"] = $"{BaseUrl}/{SessionsPath}",
        });

    /// <summary>Asks the owner to replace a password the policy now refuses; the link opens the frontend.</summary>
    public EmailMessage PasswordChangeRequired(WeakPasswordNoticed notice) =>
        EmailTemplates.Render(EmailTemplates.PasswordChangeRequired, notice.Email, new Dictionary<string, string>
        {
            ["link"] = $"{BaseUrl}/",
        });

    /// <summary>The link that proves the new address; the mail says nothing about the account it is for.</summary>
    public EmailMessage EmailChangeConfirmation(EmailChangeConfirmationRequested mail) =>
        Render(EmailTemplates.EmailChangeConfirmation, mail, ConfirmEmailChangePath);

    /// <summary>The notice to the current address, with the link that cancels the change.</summary>
    public EmailMessage EmailChangeNotice(EmailChangeRequested mail) =>
        EmailTemplates.Render(EmailTemplates.EmailChangeRequested, mail.Email, new Dictionary<string, string>
        {
            ["newEmail"] = mail.NewEmail,
            ["time"] = Time(mail.At),
            ["validFor"] = Describe(mail.ValidFor),
            ["link"] = Link(CancelEmailChangePath, mail.Token),
        });

    /// <summary>Tells the old address that the account has left it.</summary>
    public static EmailMessage EmailChangedNotice(EmailChanged changed) =>
        EmailTemplates.Render(EmailTemplates.EmailChanged, changed.Email, new Dictionary<string, string>
        {
            ["newEmail"] = changed.NewEmail,
            ["time"] = Time(changed.At),
            ["how"] = changed.ByAdministrator ? "by an administrator" : "after the new address was confirmed",
        });

    /// <summary>Tells the new address that an administrator made it the account's, with the link that confirms it.</summary>
    public EmailMessage EmailSetByAdministratorNotice(EmailSetByAdministrator set) =>
        EmailTemplates.Render(EmailTemplates.EmailSetByAdministrator, set.Email, new Dictionary<string, string>
        {
            ["time"] = Time(set.At),
            ["link"] = Link(ConfirmEmailPath, set.Token),
            ["validFor"] = Describe(set.ValidFor),
        });

    /// <summary>Tells a taken address that someone tried to use it; nothing about who.</summary>
    public static EmailMessage EmailInUse(EmailChangeToTakenAddressAttempted attempt) =>
        EmailTemplates.Render(EmailTemplates.EmailInUse, attempt.Email, new Dictionary<string, string>());

    public EmailMessage MfaEnabled(TotpEnabled change) => SecurityChange(EmailTemplates.MfaEnabled, change, change.At);

    public EmailMessage MfaDisabled(TotpDisabled change) => SecurityChange(
        change.Grounds == MfaChangeGrounds.ByAdmin ? EmailTemplates.MfaResetByAdmin : EmailTemplates.MfaDisabled, change, change.At);

    public EmailMessage RecoveryCodesRegenerated(RecoveryCodesRegenerated change) => SecurityChange(EmailTemplates.RecoveryCodesRegenerated, change, change.At);

    public EmailMessage RecoveryCodeUsed(RecoveryCodeUsed use) => SecurityChange(EmailTemplates.RecoveryCodeUsed, use, use.At,
        ("left", use.Left.ToString(CultureInfo.InvariantCulture)));

    public EmailMessage PasskeyRegistered(PasskeyRegistered change) => SecurityChange(EmailTemplates.PasskeyRegistered, change, change.At);

    public EmailMessage PasskeyRemoved(PasskeyRemoved change) => SecurityChange(EmailTemplates.PasskeyRemoved, change, change.At);

    public EmailMessage ExternalIdentityLinked(ExternalIdentityLinked change) =>
        SecurityChange(EmailTemplates.ExternalIdentityLinked, change, change.At, ("provider", ProviderName(change.Provider)));

    public EmailMessage ExternalIdentityUnlinked(ExternalIdentityUnlinked change) =>
        SecurityChange(EmailTemplates.ExternalIdentityUnlinked, change, change.At, ("provider", ProviderName(change.Provider)));

    /// <summary>The name the operator gave the provider; its id when it is no longer configured.</summary>
    private string ProviderName(string id) => providers.All.FirstOrDefault(p => p.Id == id)?.DisplayName ?? id;

    /// <summary>A change to how the account signs in: what, when, and where to look if it was not the owner.</summary>
    private EmailMessage SecurityChange(string template, IMailEvent mail, DateTimeOffset at, params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string>
        {
            ["time"] = Time(at),
            ["link"] = $"{BaseUrl}/{SessionsPath}",
        };
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return EmailTemplates.Render(template, mail.Email, values);
    }

    private string BaseUrl => options.Value.LinkBaseUrl.TrimEnd('/');

    private EmailMessage Render(string template, ITokenMailEvent mail, string path) =>
        EmailTemplates.Render(template, mail.Email, new Dictionary<string, string>
        {
            ["link"] = Link(path, mail.Token),
            ["validFor"] = Describe(mail.ValidFor),
        });

    private string Link(string path, string token) => $"{BaseUrl}/{path}?token={Uri.EscapeDataString(token)}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";
}
