using System.Text.RegularExpressions;
using MimeKit;

namespace Auth.IntegrationTests.Support;

/// <summary>Reads what the service mailed (the pickup folder of a test instance) and the tokens in its links.</summary>
public static partial class Mailbox
{
    /// <summary>Waits for the mail dispatcher (a background service) to write the expected number of mails to <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(this AuthApiFactory factory, string to, int count = 1)
    {
        return await Eventually.WaitForAsync(() => Read(factory.MailDirectory, to), mails => mails.Count >= count, $"{count} mail(s) to {to}");
    }

    public static IReadOnlyList<MimeMessage> Read(string directory, string to) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal)
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The token of the link in the mail's text part (<c>...?token=...</c>).</summary>
    public static string Token(this MimeMessage message)
    {
        var match = LinkToken().Match(message.TextBody ?? "");
        Assert.That(match.Success, Is.True, $"no link with a token in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    public static async Task<string> TokenMailedToAsync(this AuthApiFactory factory, string to, int count = 1) =>
        (await factory.WaitForAsync(to, count))[count - 1].Token();

    [GeneratedRegex(@"https?://\S+\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex LinkToken();
}
