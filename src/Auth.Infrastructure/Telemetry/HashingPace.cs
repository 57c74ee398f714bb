namespace Auth.Infrastructure.Telemetry;

/// <summary>
/// How long one password hash takes on this machine right now: a moving average of the last hashes' durations. The
/// admission bound turns it into an expected wait, so the queue is as long as the wait it may cause, on a fast
/// machine or a starved one alike. Readers may see a value one update old; it is an estimate either way.
/// </summary>
public sealed class HashingPace
{
    // Each new duration moves the average an eighth of the way: a few dozen hashes follow a change of load.
    private const int Smoothing = 8;

    private long averageTicks;

    /// <summary>Zero until the first hash has been measured.</summary>
    public TimeSpan TypicalHash => TimeSpan.FromTicks(Volatile.Read(ref averageTicks));

    public void Record(TimeSpan duration)
    {
        var current = Volatile.Read(ref averageTicks);
        var next = current == 0 ? duration.Ticks : current + ((duration.Ticks - current) / Smoothing);
        // A lost race loses one sample of an average; no lock on the hashing path for that.
        Interlocked.CompareExchange(ref averageTicks, next, current);
    }
}
