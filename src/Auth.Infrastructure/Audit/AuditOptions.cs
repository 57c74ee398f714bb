using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Audit;

/// <summary>The stored security-event trail, bound from <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Entries older than this are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);
}

internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < TimeSpan.FromDays(1))
        {
            failures.Add("Audit:Retention must be at least 1.00:00:00.");
        }

        if (options.PruneInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Audit:PruneInterval must be at least 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
