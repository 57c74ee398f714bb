using Auth.Application.Abstractions;

namespace Auth.UnitTests.Support;

/// <summary>The lockout counters as the database keeps them, with the same rules as the atomic statements.</summary>
internal sealed class InMemoryLoginThrottleStore : ILoginThrottleStore
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset? LockedUntil)> rows = new(StringComparer.Ordinal);

    /// <summary>Keys counted or forgiven, in order: <c>count:key</c> / <c>forgive:key</c>.</summary>
    public List<string> Calls { get; } = [];

    public int FailuresOf(string key) => rows.TryGetValue(key, out var row) ? row.Failures : 0;

    public DateTimeOffset? LockedUntilOf(string key) => rows.TryGetValue(key, out var row) ? row.LockedUntil : null;

    public Task<FailureCount> CountFailureAsync(string key, DateTimeOffset now, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken)
    {
        Calls.Add($"count:{key}");
        var (failures, lockedUntil) = rows.GetValueOrDefault(key);
        if (lockedUntil > now)
        {
            return Task.FromResult(new FailureCount(lockedUntil, false));
        }

        failures = (lockedUntil is null ? failures : 0) + 1;
        var locks = failures >= maxFailures;
        rows[key] = (failures, locks ? now + lockout : null);
        return Task.FromResult(locks ? new FailureCount(null, true) : FailureCount.Counted);
    }

    public Task ForgiveAsync(string key, CancellationToken cancellationToken)
    {
        Calls.Add($"forgive:{key}");
        if (rows.ContainsKey(key))
        {
            rows[key] = (0, null);
        }

        return Task.CompletedTask;
    }

    public Task WithdrawAsync(string key, bool liftLock, CancellationToken cancellationToken)
    {
        Calls.Add($"withdraw:{key}");
        if (rows.TryGetValue(key, out var row) && row.Failures > 0)
        {
            rows[key] = (row.Failures - 1, liftLock ? null : row.LockedUntil);
        }

        return Task.CompletedTask;
    }
}
