using System.Diagnostics;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// The one way these tests wait for background work (outbox, pruners, pollers, exporters, a server's inbox): poll a
/// condition until it holds or a deadline passes, and fail saying what did not happen. Never a fixed sleep, and a
/// deadline generous enough for two shared cores, since a passing wait returns as soon as the condition holds.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> accepts its value, and returns that value.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? Deadline;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new AssertionException($"Waited {limit.TotalSeconds:0.#} s for {what}; the last value was {Describe(value)}.");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task<T> WaitForAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? deadline = null) =>
        WaitForAsync(() => Task.FromResult(probe()), done, what, deadline);

    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null) =>
        WaitForAsync(condition, holds => holds, what, deadline);

    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        WaitForAsync(() => Task.FromResult(condition()), holds => holds, what, deadline);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>().Take(10))}]",
        _ => value.ToString() ?? "",
    };
}
