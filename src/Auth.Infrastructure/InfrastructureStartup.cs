using Auth.Infrastructure.Persistence;

namespace Auth.Infrastructure;

/// <summary>What a host runs once, after its configuration was found valid and before it serves.</summary>
public static class InfrastructureStartup
{
    /// <summary>Migrates (if configured) and loads the revocation list; see <see cref="DatabaseInitializer"/>.</summary>
    public static Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.InitializeAuthDatabaseAsync(cancellationToken);
}
