namespace Auth.Domain.Users;

/// <summary>The roles a user can hold; every user holds <see cref="User"/>.</summary>
public static class RoleNames
{
    public const string User = "user";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [User, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}
