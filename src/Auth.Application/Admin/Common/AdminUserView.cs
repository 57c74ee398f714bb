using Auth.Domain.Users;

namespace Auth.Application.Admin.Common;

/// <summary>What an administrator sees of an account.</summary>
public sealed record AdminUserView(
    Guid Id, string Email, string Name, bool EmailConfirmed, IReadOnlyList<string> Roles, bool Disabled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AdminUserView From(User user) =>
        new(user.Id, user.Email, user.Name, user.EmailConfirmed, user.Roles, user.IsDisabled, user.CreatedAt, user.UpdatedAt);
}

/// <summary>One page of a listing and how many items match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
