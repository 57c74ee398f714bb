using System.Text;

namespace Auth.Domain.Users;

/// <summary>
/// The rules for a user's display name: trimmed and composed (NFC), 1–100 characters, no control, invisible or bidi
/// characters (<see cref="UnicodeText.IsVisiblePlainText"/>).
/// </summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    public static string Clean(string name) => UnicodeText.Compose(name.Trim(), NormalizationForm.FormC);
}
