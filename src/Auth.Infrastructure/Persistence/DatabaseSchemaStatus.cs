using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence;

/// <summary>
/// Whether the database's migration history is one this build knows. Before the first release the migrations were
/// squashed, so a development database made by the old ones cannot be migrated: it must be recreated. Such a
/// database keeps the service not ready, with one log line saying what to do, instead of a failed migration's
/// stack trace on every restart.
/// </summary>
public sealed class DatabaseSchemaStatus
{
    private volatile string? problem;

    /// <summary>Null while the schema is usable; otherwise what is wrong and what to do.</summary>
    public string? Problem => problem;

    internal void Refuse(string reason) => problem = reason;

    /// <summary>
    /// For background work on the database: completes at once when the schema is usable, and otherwise only at
    /// shutdown, so pollers do not log a failed query against the old tables every interval.
    /// </summary>
    public Task WaitWhileRefusedAsync(CancellationToken stoppingToken) =>
        problem is null ? Task.CompletedTask : Task.Delay(Timeout.Infinite, stoppingToken);

    /// <summary>Migrations the database says were applied that this build does not contain.</summary>
    internal static async Task<string[]> UnknownMigrationsAsync(AuthDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        return [.. applied.Where(id => !known.Contains(id))];
    }
}
