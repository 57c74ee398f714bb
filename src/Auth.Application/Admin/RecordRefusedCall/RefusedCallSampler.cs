using System.Collections.Concurrent;

namespace Auth.Application.Admin.RecordRefusedCall;

/// <summary>
/// Lets through one refused administrator call per account per <see cref="Window"/> on this instance, so a caller
/// probing the admin routes in a loop is on the trail (who, when, from where) without writing a row per request.
/// </summary>
public sealed class RefusedCallSampler(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Bounds the memory a flood of distinct accounts can take; entries past the window are worthless anyway.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastRecorded = new();

    /// <returns>True when this refusal should be recorded.</returns>
    public bool ShouldRecord(Guid userId)
    {
        var now = time.GetUtcNow();
        if (lastRecorded.Count > PruneAbove)
        {
            foreach (var (id, at) in lastRecorded)
            {
                if (now - at >= Window)
                {
                    lastRecorded.TryRemove(id, out _);
                }
            }
        }

        while (true)
        {
            if (!lastRecorded.TryGetValue(userId, out var last))
            {
                if (lastRecorded.TryAdd(userId, now))
                {
                    return true;
                }

                continue;
            }

            if (now - last < Window)
            {
                return false;
            }

            // Only one of several concurrent refusals past the window wins the swap.
            if (lastRecorded.TryUpdate(userId, now, last))
            {
                return true;
            }
        }
    }
}
