using System.Text;

namespace Auth.Domain.Users;

/// <summary>
/// Email rules that hold whatever the transport: how an address is compared and how long it may be.
/// </summary>
public static class Email
{
    /// <summary>RFC 5321 limits a forward path to 256 octets including the angle brackets.</summary>
    public const int MaxLength = 254;

    /// <summary>Trimmed and composed (NFC) as the user typed it: what we show and mail to.</summary>
    public static string Clean(string email) => UnicodeText.Compose(email.Trim(), NormalizationForm.FormC);

    /// <summary>
    /// The comparison key: trimmed, compatibility-composed (NFKC) and case-folded, so <c>A@x.io</c>, <c> a@x.io</c>,
    /// a decomposed <c>é</c> and a full-width <c>ａ</c> each name one account and share one lockout counter.
    /// </summary>
    public static string Normalize(string email) => UnicodeText.Compose(email.Trim(), NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>
    /// A deliberately small syntax check (one <c>@</c>, non-empty parts, a dot in the domain, no spaces, control,
    /// invisible or bidi characters): the confirmation mail is the real proof that an address works.
    /// </summary>
    public static bool IsWellFormed(string email)
    {
        var value = email.Trim();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        var dot = domain.IndexOf('.');
        if (dot <= 0 || dot == domain.Length - 1)
        {
            return false;
        }

        return !value.Any(char.IsWhiteSpace) && UnicodeText.IsVisiblePlainText(value);
    }
}
