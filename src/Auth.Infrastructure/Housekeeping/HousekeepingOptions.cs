using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Housekeeping;

/// <summary>How long finished rows are kept before <see cref="HousekeepingPruner"/> deletes them, bound from <c>Housekeeping</c>.</summary>
public sealed class HousekeepingOptions
{
    public const string Section = "Housekeeping";

    /// <summary>
    /// Ended or expired sessions (with their refresh tokens, spent or not) and used or expired account tokens are
    /// deleted this long after they finished. Long enough to answer "was that my session?" from the sessions table.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);
}

internal sealed class HousekeepingOptionsValidator : IValidateOptions<HousekeepingOptions>
{
    public ValidateOptionsResult Validate(string? name, HousekeepingOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < TimeSpan.FromDays(1))
        {
            // The forgot-password cap counts the last hour's reset tokens: they must outlive it.
            failures.Add("Housekeeping:Retention must be at least 1.00:00:00.");
        }

        if (options.PruneInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Housekeeping:PruneInterval must be at least 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
