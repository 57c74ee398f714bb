namespace Auth.Domain.Users;

/// <summary>An account: who someone is and how they prove it.</summary>
public sealed class User
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

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static User Register(string email, string name, string passwordHash, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), email, name, passwordHash, now);

    public void Rename(string name, DateTimeOffset now)
    {
        Name = DisplayName.Clean(name);
        UpdatedAt = now;
    }

    public void ReplacePasswordHash(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }
}
