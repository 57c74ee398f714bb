namespace Auth.Domain.Users;

/// <summary>The rules for a user's display name: trimmed, 1–100 characters, no control characters.</summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    /// <summary>The name as stored: trimmed.</summary>
    /// <exception cref="ArgumentException">The trimmed name breaks a rule; validators refuse such input before it gets here.</exception>
    public static string Clean(string name)
    {
        var cleaned = name.Trim();
        return Problem(cleaned) is { } problem ? throw new ArgumentException(problem, nameof(name)) : cleaned;
    }

    /// <summary>What is wrong with <paramref name="name"/> once trimmed, or null when it keeps every rule.</summary>
    public static string? ProblemWith(string name) => Problem(name.Trim());

    private static string? Problem(string trimmed) =>
        trimmed.Length == 0 ? "Name is required."
        : trimmed.Length > MaxLength ? $"Name must be at most {MaxLength} characters."
        : trimmed.Any(char.IsControl) ? "Name must not contain control characters."
        : null;
}
