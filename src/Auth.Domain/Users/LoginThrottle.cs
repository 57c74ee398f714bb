namespace Auth.Domain.Users;

/// <summary>
/// One budget of consecutive failed password checks, shared through the database so it holds across instances
/// and restarts. The key is a normalized email (the account's shared budget, kept whether or not an account has
/// the email, so a lockout does not reveal which emails exist), a known device or a session (see
/// <see cref="LockoutKeys"/>). The counting is one atomic statement in the database, so the row has no rules of
/// its own here.
/// </summary>
public sealed class LoginThrottle
{
    // For EF Core: materialization sets every property.
    private LoginThrottle() => Key = string.Empty;

    private LoginThrottle(string key) => Key = key;

    public const int MaxKeyLength = Email.MaxLength + 2;

    public string Key { get; private set; }

    /// <summary>Failures since the last success or since the last lockout ended.</summary>
    public int Failures { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>
    /// When the last failure was counted: a budget of an address with no account may be pruned once it has been
    /// idle longer than a lockout lasts, never while it is still counting.
    /// </summary>
    public DateTimeOffset? LastFailureAt { get; private set; }

    public static LoginThrottle For(string key) => new(key);

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;
}
