using System.Text;

namespace Auth.Domain.Users;

/// <summary>
/// The rules for a user's display name: trimmed and composed (NFC), 1–100 characters, no control, invisible or bidi
/// characters (<see cref="UnicodeText.IsVisiblePlainText"/>).
/// </summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    /// <summary>The name as stored: trimmed and composed (NFC).</summary>
    /// <exception cref="ArgumentException">The cleaned name breaks a rule; validators refuse such input before it gets here.</exception>
    public static string Clean(string name)
    {
        var cleaned = Normalize(name);
        return Problem(cleaned) is { } problem ? throw new ArgumentException(problem, nameof(name)) : cleaned;
    }

    /// <summary>What is wrong with <paramref name="name"/> once cleaned, or null when it keeps every rule.</summary>
    public static string? ProblemWith(string name) => Problem(Normalize(name));

    private static string Normalize(string name) => UnicodeText.Compose(name.Trim(), NormalizationForm.FormC);

    private static string? Problem(string trimmed) =>
        trimmed.Length == 0 ? "Name is required."
        : trimmed.Length > MaxLength ? $"Name must be at most {MaxLength} characters."
        : !UnicodeText.IsVisiblePlainText(trimmed) ? "Name must not contain control, invisible or text-direction characters."
        : null;
}
