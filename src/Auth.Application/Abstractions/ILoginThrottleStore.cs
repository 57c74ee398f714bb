namespace Auth.Application.Abstractions;

/// <summary>
/// The lockout counters, each change one atomic statement in the database and committed at once, outside the
/// request's unit of work: a failure counts even when the request fails later, and concurrent attempts on other
/// instances cannot both slip under the limit.
/// </summary>
public interface ILoginThrottleStore
{
    /// <summary>
    /// Counts one failure against <paramref name="key"/> unless it is locked at <paramref name="now"/>. A lockout
    /// that has ended starts a fresh budget; the failure that reaches <paramref name="maxFailures"/> locks the key
    /// until <paramref name="now"/> + <paramref name="lockout"/>.
    /// </summary>
    Task<FailureCount> CountFailureAsync(string key, DateTimeOffset now, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken);

    /// <summary>Clears the key's failures and any lockout.</summary>
    Task ForgiveAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Takes back one counted failure, leaving the others: an attempt that proved right without finishing the sign-in
    /// (a password before its second factor). <paramref name="liftLock"/> when that attempt's count had locked the key.
    /// </summary>
    Task WithdrawAsync(string key, bool liftLock, CancellationToken cancellationToken);
}

/// <param name="LockedUntil">Set when the key was already locked: the failure was not counted.</param>
/// <param name="LockStarted">This failure used up the budget and locked the key.</param>
public sealed record FailureCount(DateTimeOffset? LockedUntil, bool LockStarted)
{
    public static readonly FailureCount Counted = new(null, false);
}
