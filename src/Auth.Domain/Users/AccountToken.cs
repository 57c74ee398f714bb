namespace Auth.Domain.Users;

/// <summary>What an emailed token lets its holder do.</summary>
public enum AccountTokenPurpose
{
    EmailConfirmation,
    PasswordReset,

    /// <summary>Mailed to the new address of an email change: proves that mailbox and switches to it.</summary>
    EmailChange,

    /// <summary>Mailed to the current address with the notice of an email change: drops the pending change.</summary>
    EmailChangeCancel,
}

/// <summary>
/// A single-use token sent by email (confirmation, password reset). Only its SHA-256 hash is stored; the token
/// itself has 256 bits of randomness, so a leaked table hands out nothing usable.
/// </summary>
public sealed class AccountToken
{
    // For EF Core.
    private AccountToken()
    {
        Hash = string.Empty;
    }

    private AccountToken(string hash, Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, TimeSpan lifetime, string? email = null)
    {
        Hash = hash;
        Email = email;
        UserId = userId;
        Purpose = purpose;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public string Hash { get; private set; }

    public Guid UserId { get; private set; }

    public AccountTokenPurpose Purpose { get; private set; }

    /// <summary>
    /// The address an <see cref="AccountTokenPurpose.EmailChange"/> token was mailed to and switches the account to, so a
    /// link can only ever prove the mailbox it reached; null for every other purpose.
    /// </summary>
    public string? Email { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Set once; the database settles two concurrent uses (it is a concurrency token).</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public static AccountToken Issue(string hash, Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, TimeSpan lifetime) =>
        new(hash, userId, purpose, now, lifetime);

    /// <summary>The link mailed to <paramref name="newEmail"/> that switches the account to it.</summary>
    public static AccountToken IssueEmailChange(string hash, Guid userId, string newEmail, DateTimeOffset now, TimeSpan lifetime) =>
        new(hash, userId, AccountTokenPurpose.EmailChange, now, lifetime, Users.Email.Clean(newEmail));

    public bool IsUsable(AccountTokenPurpose purpose, DateTimeOffset now) => Purpose == purpose && UsedAt is null && now < ExpiresAt;

    /// <returns>False when the token was already used.</returns>
    public bool Use(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            return false;
        }

        UsedAt = now;
        return true;
    }
}
