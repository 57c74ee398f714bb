using Auth.Domain.Events;

namespace Auth.Domain.Users;

/// <summary>An account: who someone is and how they prove it. Each change raises the event the audit trail records.</summary>
public sealed partial class User : AggregateRoot
{
    // For EF Core: materialization sets every property.
    private User()
    {
        Email = NormalizedEmail = Name = PasswordHash = string.Empty;
        Roles = [];
    }

    private User(Guid id, string email, string name, string passwordHash, DateTimeOffset now)
    {
        Id = id;
        Email = Users.Email.Clean(email);
        NormalizedEmail = Users.Email.Normalize(email);
        Name = DisplayName.Clean(name);
        PasswordHash = passwordHash;
        Roles = [RoleNames.User];
        CreatedAt = now;
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    /// <summary>The address as the user typed it, trimmed.</summary>
    public string Email { get; private set; }

    /// <summary>The unique comparison key (see <see cref="Users.Email.Normalize"/>).</summary>
    public string NormalizedEmail { get; private set; }

    public string Name { get; private set; }

    /// <summary>A self-describing hash string (PHC format), never the password.</summary>
    public string PasswordHash { get; private set; }

    public bool EmailConfirmed { get; private set; }

    public string[] Roles { get; private set; }

    /// <summary>Set while an administrator has disabled the account: it cannot sign in or refresh.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The version of what a sign-in is checked against: credentials, roles, disabled. Every change to them draws a
    /// new stamp, and a session only starts if the stamp it was checked against is still the stored one (see
    /// docs/decisions/0007-security-stamp.md).
    /// </summary>
    public Guid SecurityStamp { get; private set; }

    public static User Register(string email, string name, string passwordHash, DateTimeOffset now)
    {
        var user = new User(Guid.CreateVersion7(now), email, name, passwordHash, now);
        user.Raise(new UserRegistered(user.Id, now));
        return user;
    }

    /// <summary>An account whose address needs no proof (an operator creating it on the server).</summary>
    public static User RegisterConfirmed(string email, string name, string passwordHash, DateTimeOffset now)
    {
        var user = Register(email, name, passwordHash, now);
        user.EmailConfirmed = true;
        return user;
    }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = DisplayName.Clean(name);
        UpdatedAt = now;
        Raise(new ProfileUpdated(Id, now));
    }

    /// <summary>A new password: a credential change.</summary>
    public void ReplacePasswordHash(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        WeakPasswordNoticeSentAt = null;
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
    }

    /// <summary>The same password hashed with today's parameters: not a credential change, so the stamp stays.</summary>
    public void UpgradePasswordHash(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }

    /// <summary>Draws a new stamp without another change: no session can start against the account from now on.</summary>
    public void RotateSecurityStamp(DateTimeOffset now)
    {
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
    }

    /// <summary>The owner chose a new password, proving the old one.</summary>
    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        ReplacePasswordHash(passwordHash, now);
        Raise(new PasswordChanged(Id, now));
    }

    /// <summary>A new password set through a mailed reset link.</summary>
    public void ResetPassword(string passwordHash, DateTimeOffset now)
    {
        ReplacePasswordHash(passwordHash, now);
        Raise(new PasswordReset(Id, now));
    }

    /// <summary>Asks for a confirmation mail carrying <paramref name="token"/>; a signup's first one is part of the signup.</summary>
    public void RequestEmailConfirmation(string token, TimeSpan validFor, DateTimeOffset now) =>
        Raise(new EmailConfirmationRequested(Id, Email, token, validFor, Resent: !DomainEvents.OfType<UserRegistered>().Any(), now));

    public void RequestPasswordReset(string token, TimeSpan validFor, DateTimeOffset now) =>
        Raise(new PasswordResetRequested(Id, Email, token, validFor, now));

    /// <summary>Marks the account as going away; the repository removes the row in the same unit of work.</summary>
    public void Delete(DateTimeOffset now) => Raise(new AccountDeleted(Id, now));

    /// <summary>When the user was told that the password now counts as weak; cleared when the password is replaced.</summary>
    public DateTimeOffset? WeakPasswordNoticeSentAt { get; private set; }

    /// <summary>Asks for the weak-password notice; true only the first time per password, so the user gets one mail.</summary>
    public bool NoteWeakPasswordNotice(DateTimeOffset now)
    {
        if (WeakPasswordNoticeSentAt is not null)
        {
            return false;
        }

        WeakPasswordNoticeSentAt = now;
        Raise(new WeakPasswordNoticed(Id, Email, now));
        return true;
    }

    public bool HasRole(string role) => Array.IndexOf(Roles, role) >= 0;

    /// <returns>False when the address was already confirmed.</returns>
    public bool ConfirmEmail(DateTimeOffset now)
    {
        if (EmailConfirmed)
        {
            return false;
        }

        EmailConfirmed = true;
        UpdatedAt = now;
        Raise(new EmailConfirmed(Id, now));
        return true;
    }

    /// <returns>False when the user already held the role.</returns>
    public bool GrantRole(string role, DateTimeOffset now, RoleGrantGrounds grounds = RoleGrantGrounds.ByAdmin)
    {
        if (!RoleNames.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        if (HasRole(role))
        {
            return false;
        }

        Roles = [.. Roles, role];
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new RoleGranted(Id, role, grounds, now));
        return true;
    }

    /// <returns>False when the user did not hold the role. Every user keeps <see cref="RoleNames.User"/>.</returns>
    public bool RevokeRole(string role, DateTimeOffset now)
    {
        if (role == RoleNames.User)
        {
            throw new ArgumentException("Every user holds the 'user' role.", nameof(role));
        }

        if (!HasRole(role))
        {
            return false;
        }

        Roles = [.. Roles.Where(r => r != role)];
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new RoleRevoked(Id, role, now));
        return true;
    }

    /// <returns>False when the account was already disabled.</returns>
    public bool Disable(DateTimeOffset now)
    {
        if (IsDisabled)
        {
            return false;
        }

        DisabledAt = now;
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new AccountDisabled(Id, now));
        return true;
    }

    /// <returns>False when the account was not disabled.</returns>
    public bool Enable(DateTimeOffset now)
    {
        if (!IsDisabled)
        {
            return false;
        }

        DisabledAt = null;
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new AccountEnabled(Id, now));
        return true;
    }
}
