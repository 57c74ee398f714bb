using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Auth.Application.Abstractions;

namespace Auth.Infrastructure.Mail;

/// <summary>
/// Mail templates kept as files (Mail/Templates, embedded): a text part whose first line is the subject, and an
/// HTML part. Placeholders are <c>{{name}}</c>; values are HTML-encoded in the HTML part.
/// </summary>
internal static partial class EmailTemplates
{
    public const string EmailConfirmation = "email-confirmation";
    public const string PasswordReset = "password-reset";
    public const string NewDevice = "new-device";
    public const string PasswordChangeRequired = "password-change-required";
    public const string EmailChangeConfirmation = "email-change-confirmation";
    public const string EmailChangeRequested = "email-change-requested";
    public const string EmailChanged = "email-changed";
    public const string EmailInUse = "email-in-use";
    public const string EmailSetByAdministrator = "email-set-by-admin";
    public const string MfaEnabled = "mfa-enabled";
    public const string MfaDisabled = "mfa-disabled";
    public const string MfaResetByAdmin = "mfa-reset-by-admin";
    public const string RecoveryCodesRegenerated = "recovery-codes-regenerated";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string PasskeyRegistered = "passkey-registered";
    public const string PasskeyRemoved = "passkey-removed";
    public const string ExternalIdentityLinked = "external-identity-linked";
    public const string ExternalIdentityUnlinked = "external-identity-unlinked";

    private const string SubjectPrefix = "Subject: ";

    /// <summary>Fills the template; <c>{{email}}</c> is the recipient, the only way a mail addresses its reader.</summary>
    public static EmailMessage Render(string template, string to, IReadOnlyDictionary<string, string> values)
    {
        values = new Dictionary<string, string>(values) { ["email"] = to };
        var text = Fill(Read($"{template}.txt"), values, encode: false);
        var html = Fill(Read($"{template}.html"), values, encode: true);
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var subject = text[..firstLineEnd].Trim();
        if (!subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Template {template}.txt must start with a '{SubjectPrefix}' line.");
        }

        return new EmailMessage(to, subject[SubjectPrefix.Length..], text[(firstLineEnd + 1)..], html);
    }

    // One pass over the template: a value that itself looks like a placeholder (a name "{{link}}") stays text.
    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool encode) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups["key"].Value, out var value)
            ? encode ? WebUtility.HtmlEncode(value) : value
            : match.Value);

    [GeneratedRegex(@"\{\{(?<key>[A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();

    private static string Read(string file)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream($"Auth.Infrastructure.Mail.Templates.{file}")
            ?? throw new InvalidOperationException($"Mail template {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
