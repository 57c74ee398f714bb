namespace Auth.Infrastructure.Revocation;

/// <summary>How each instance keeps its revocation list in step with the others, bound from <c>Revocation</c>.</summary>
public sealed class RevocationOptions
{
    public const string Section = "Revocation";

    /// <summary>
    /// How often an instance reads revocations written by others: the bound on how long a token ended on another
    /// instance may still be accepted here.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Each poll re-reads revocations this much older than the newest seen, so a row whose transaction committed
    /// late, or whose writer's clock lags a little, is not missed.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired revocations are dropped from memory and from the database.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(5);
}
