using Auth.Infrastructure.Persistence.Providers.Postgres;
using Auth.Infrastructure.Persistence.Providers.Sqlite;
using Auth.Infrastructure.Persistence.Providers.SqlServer;

namespace Auth.Infrastructure.Persistence.Providers;

/// <summary>The providers <c>Database:Provider</c> can name: one line each.</summary>
internal static class DatabaseProviders
{
    public static readonly IReadOnlyList<DatabaseProvider> All =
    [
        new SqliteProvider(),
        new SqlServerProvider(),
        new PostgresProvider(),
    ];

    public static DatabaseProvider? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(p => p.Name));
}
