using Auth.Domain.Users;

namespace Auth.Application.Users;

/// <summary>What a user may see of their own account.</summary>
/// <param name="MfaEnabled">Two-step verification is on: sensitive actions need an <c>aal2</c> session.</param>
public sealed record UserView(Guid Id, string Email, string Name, bool EmailConfirmed, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt,
    bool MfaEnabled = false)
{
    public static UserView From(User user) =>
        new(user.Id, user.Email, user.Name, user.EmailConfirmed, user.Roles, user.CreatedAt, user.HasMfa);
}
