using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Outbox;

/// <summary>How stored events are delivered and how long delivered ones are kept, bound from <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How often the dispatcher looks for due events. A commit on this instance wakes it at once; the poll picks up
    /// retries, rows left by a crash and rows another instance could not finish.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events claimed and delivered per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claimed row belongs to one dispatcher before another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delivered (or given-up) rows older than this are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMilliseconds(50) || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("Outbox:PollInterval must be between 00:00:00.050 and 00:10:00.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add("Outbox:BatchSize must be between 1 and 10000.");
        }

        if (options.Lease < TimeSpan.FromSeconds(10))
        {
            failures.Add("Outbox:Lease must be at least 00:00:10, longer than one mail may take to send.");
        }

        if (options.Retention < TimeSpan.FromMinutes(1))
        {
            failures.Add("Outbox:Retention must be at least 00:01:00.");
        }

        if (options.PruneInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Outbox:PruneInterval must be at least 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
