namespace Auth.Application.Sessions.Logout;

/// <summary>Which sessions a logout ends (the names Supabase Auth uses).</summary>
public static class LogoutScope
{
    /// <summary>This session only; the default.</summary>
    public const string Local = "local";

    /// <summary>Every session of the user.</summary>
    public const string Global = "global";

    /// <summary>Every session of the user but this one.</summary>
    public const string Others = "others";

    public static readonly IReadOnlyList<string> All = [Local, Global, Others];
}
