using Auth.Infrastructure.Persistence.Providers;
using Auth.Infrastructure.Revocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Before the first request: migrate (if configured) and load the revocation list, so a token ended before a
    /// restart is refused by the first request after it. If the database does not answer, the service still
    /// starts, reports not ready and refuses tokens until the background poll succeeds.
    /// </summary>
    public static async Task InitializeAuthDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
                var provider = services.GetRequiredService<DatabaseProvider>();
                await provider.PrepareAsync(db, cancellationToken);

                var unknown = await DatabaseSchemaStatus.UnknownMigrationsAsync(db, cancellationToken);
                if (unknown.Length > 0)
                {
                    var advice = provider.RecreateAdvice(db.Database.GetConnectionString()!);
                    services.GetRequiredService<DatabaseSchemaStatus>().Refuse($"The database was made by migrations this build does not know; {advice}.");
                    var migrations = string.Join(", ", unknown);
                    LogUnknownMigrations(logger, migrations, advice);
                    return;
                }

                // Migrate only when something is pending: MigrateAsync also diffs the model against the snapshot,
                // which cost about half of the time to ready on an up-to-date database.
                if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup
                    && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }

                await provider.AfterMigrationAsync(db, cancellationToken);
            }

            await services.GetRequiredService<RevocationSynchronizer>().SynchronizeAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Any failure here is reported, and readiness stays red until the poll recovers.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogInitializationFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database was made by migrations this build does not know ({Migrations}): "
        + "the migrations were squashed before the first release, so it cannot be upgraded. To fix it, {Advice}. The service stays not ready")]
    private static partial void LogUnknownMigrations(ILogger logger, string migrations, string advice);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database initialization failed; the service is not ready")]
    private static partial void LogInitializationFailed(ILogger logger, Exception exception);
}
