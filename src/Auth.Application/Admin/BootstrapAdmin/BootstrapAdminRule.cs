using Auth.Application.Abstractions;
using Auth.Domain.Users;

namespace Auth.Application.Admin.BootstrapAdmin;

/// <summary>
/// <c>Auth:Bootstrap:AdminEmail</c> names who becomes the first administrator, but only once that address is
/// confirmed: signing up proves nothing about the mailbox, so a stranger who signs up with a guessable address
/// first must not get the role.
/// </summary>
public sealed class BootstrapAdminRule(IAccountPolicy policy)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(policy.BootstrapAdminEmail);

    public string? NormalizedEmail => IsConfigured ? Email.Normalize(policy.BootstrapAdminEmail!) : null;

    public bool Names(User user) => IsConfigured && user.NormalizedEmail == NormalizedEmail;

    /// <returns>True when the role was granted now (the address is the bootstrap one, confirmed, not yet an admin).</returns>
    public bool TryPromote(User user, DateTimeOffset now, RoleGrantGrounds grounds) =>
        Names(user) && user.EmailConfirmed && user.GrantRole(RoleNames.Admin, now, grounds);
}
