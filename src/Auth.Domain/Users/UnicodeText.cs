using System.Globalization;
using System.Text;

namespace Auth.Domain.Users;

/// <summary>
/// Text a person reads and compares (emails, names): one rendering, one meaning. Invisible and bidi format
/// characters (zero-width space, soft hyphen, RLO, isolates, marks) let two different strings render alike, or one
/// render backwards, so they are refused rather than stripped: silently changing what was typed hides the attempt.
/// </summary>
public static class UnicodeText
{
    /// <summary>No control or format (Cf) character and no broken surrogate pair.</summary>
    public static bool IsVisiblePlainText(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            // EnumerateRunes yields U+FFFD for a lone surrogate, which no client means to send.
            if (rune == Rune.ReplacementChar || Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="value"/> in <paramref name="form"/>; unchanged when it holds a broken surrogate pair, which
    /// .NET cannot normalize and validation refuses anyway.
    /// </summary>
    public static string Compose(string value, NormalizationForm form)
    {
        try
        {
            return value.Normalize(form);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }
}
