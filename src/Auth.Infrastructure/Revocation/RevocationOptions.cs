using Microsoft.Extensions.Options;
namespace Auth.Infrastructure.Revocation;

/// <summary>How each instance keeps its revocation list in step with the others, bound from <c>Revocation</c>.</summary>
public sealed class RevocationOptions
{
    public const string Section = "Revocation";

    /// <summary>
    /// How often an instance reads revocations written by others: the bound on how long a token ended on another
    /// instance may still be accepted here.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Each poll re-reads revocations this much older than the newest seen, so a row whose transaction committed
    /// late, or whose writer's clock lags a little, is not missed.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired revocations are dropped from memory and from the database.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A zero interval would spin on the database; a negative one would never poll.</summary>
internal sealed class RevocationOptionsValidator : IValidateOptions<RevocationOptions>
{
    public ValidateOptionsResult Validate(string? name, RevocationOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMilliseconds(50) || options.PollInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("Revocation:PollInterval must be between 00:00:00.050 and 00:05:00; it bounds how long another instance's logout takes to reach this one.");
        }

        if (options.Overlap < TimeSpan.Zero)
        {
            failures.Add("Revocation:Overlap must not be negative.");
        }

        if (options.PruneInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Revocation:PruneInterval must be at least 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
