using System.Text.RegularExpressions;

namespace Auth.Application.Common.Passwords;

/// <summary>Whether a password is built from the account's own email address or name, which anyone targeting it knows.</summary>
public static partial class PersonalInfo
{
    /// <summary>Parts shorter than this (initials, "al") are too common in ordinary words to judge by.</summary>
    private const int MinPartLength = 3;

    /// <summary>The whole local part or whole name is judged from this length on.</summary>
    private const int MinWholeLength = 4;

    /// <summary>
    /// True when the password, undisguised and with its separators dropped, contains the whole email local part or
    /// the whole name, or consists only of their parts (<c>Lovelace.Ada1815</c> for Ada Lovelace).
    /// </summary>
    public static bool IsMadeOf(string password, string email, string name)
    {
        var localPart = email.Split('@')[0];
        var wholes = new[] { LettersAndDigits(localPart), LettersAndDigits(name) }.Where(w => w.Length >= MinWholeLength).ToArray();
        var parts = Parts(localPart).Concat(Parts(name)).Where(p => p.Length >= MinPartLength)
            .Distinct().OrderByDescending(p => p.Length).ToArray();
        if (parts.Length == 0 && wholes.Length == 0)
        {
            return false;
        }

        foreach (var candidate in PasswordDisguises.Candidates(password).Select(LettersAndDigits).Distinct())
        {
            if (wholes.Any(w => candidate.Contains(w, StringComparison.Ordinal)) || IsOnlyParts(PasswordDisguises.TrimEdges(candidate), parts))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOnlyParts(string candidate, string[] parts)
    {
        var rest = candidate;
        foreach (var part in parts)
        {
            rest = rest.Replace(part, "", StringComparison.Ordinal);
        }

        return candidate.Length > 0 && rest.Length == 0;
    }

    private static IEnumerable<string> Parts(string value) =>
        Separators().Split(value.ToLowerInvariant()).Where(p => p.Length > 0);

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex Separators();

    private static string LettersAndDigits(string value) =>
        string.Concat(value.ToLowerInvariant().Where(char.IsLetterOrDigit));
}
