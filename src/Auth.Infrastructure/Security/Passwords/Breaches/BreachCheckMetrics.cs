using System.Diagnostics.Metrics;
using Auth.Application.Abstractions;

namespace Auth.Infrastructure.Security.Passwords.Breaches;

/// <summary>
/// <c>auth.passwords.breach_checks</c>, tagged by <c>outcome</c>: an operator sees how often the corpus could not be
/// asked, during which passwords were judged offline only (or refused, with FailClosed).
/// </summary>
internal sealed class BreachCheckMetrics
{
    public const string MeterName = "Auth.Passwords";

    private readonly Counter<long> checks;

    public BreachCheckMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        checks = meter.CreateCounter<long>("auth.passwords.breach_checks", unit: "{check}",
            description: "Breach-corpus checks by outcome: breached, not_breached, unavailable.");
    }

    public void Checked(BreachCheck outcome) => checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
    {
        BreachCheck.Breached => "breached",
        BreachCheck.NotBreached => "not_breached",
        _ => "unavailable",
    }));
}
