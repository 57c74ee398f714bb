namespace Auth.Domain.Users;

/// <summary>
/// Consecutive failed logins for one normalized email, whether or not an account has it (so a lockout does not
/// reveal which emails exist). Shared through the database, so it holds across instances and restarts.
/// </summary>
public sealed class LoginThrottle
{
    // For EF Core: materialization sets every property.
    private LoginThrottle() => NormalizedEmail = string.Empty;

    private LoginThrottle(string normalizedEmail) => NormalizedEmail = normalizedEmail;

    public string NormalizedEmail { get; private set; }

    public int Failures { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>Bumped on every change; the database refuses a write based on a stale read.</summary>
    public int Version { get; private set; }

    public static LoginThrottle For(string normalizedEmail) => new(normalizedEmail);

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <returns>True when this failure started a lockout.</returns>
    public bool RecordFailure(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        if (LockedUntil <= now)
        {
            // The last lockout is over: the attacker gets a fresh, equally small, budget.
            Failures = 0;
            LockedUntil = null;
        }

        Failures++;
        Version++;
        if (Failures < maxFailures)
        {
            return false;
        }

        LockedUntil = now + lockout;
        return true;
    }

    public void Reset()
    {
        Failures = 0;
        LockedUntil = null;
        Version++;
    }
}
