namespace Auth.Application.Common.Passwords;

/// <summary>The <c>reasons</c> a password is refused, as the API names them. Public contract: never rename one.</summary>
public static class PasswordWeakness
{
    public const string TooCommon = "too_common";
    public const string ContainsPersonalInfo = "contains_personal_info";
    public const string Repetitive = "repetitive";
    public const string Breached = "breached";

    /// <summary>One sentence a user understands, naming every reason given.</summary>
    public static string Describe(IReadOnlyCollection<string> reasons)
    {
        var parts = reasons.Select(reason => reason switch
        {
            TooCommon => "it is one of the most commonly used passwords, or one disguised with capitals, digits or symbols",
            ContainsPersonalInfo => "it is made from your email address or name",
            Repetitive => "it repeats characters or follows a keyboard or number sequence",
            Breached => "it has appeared in known data breaches",
            _ => reason,
        });
        return $"This password is easy to guess: {string.Join("; ", parts)}. Choose another; a few unrelated words make a strong one.";
    }
}
