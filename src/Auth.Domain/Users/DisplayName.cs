namespace Auth.Domain.Users;

/// <summary>The rules for a user's display name: trimmed, 1–100 characters, no control characters.</summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    public static string Clean(string name) => name.Trim();
}
