namespace Auth.Domain.Users;

/// <summary>
/// The keys of the lockout budgets. A normalized email always holds an <c>@</c>; the other kinds never do, so no
/// email can name another kind's budget.
/// </summary>
public static class LockoutKeys
{
    /// <summary>Every client the account does not know shares this budget.</summary>
    public static string Account(string normalizedEmail) => normalizedEmail;

    /// <summary>A device that signed in to the account before has a budget of its own.</summary>
    public static string Device(Guid deviceId) => $"device:{deviceId:N}";

    /// <summary>Re-authentication inside a signed-in session (password change, account delete).</summary>
    public static string Session(Guid sessionId) => $"session:{sessionId:N}";
}
