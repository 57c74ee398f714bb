using System.Data.Common;
using System.Reflection;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Persistence.Providers;
using Auth.Infrastructure.Persistence.Providers.Postgres;
using Auth.Infrastructure.Persistence.Providers.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// The database the whole suite runs on, one parameter for the run: the test assembly's <c>TestDatabase</c>
/// metadata (Auth.IntegrationTests: Sqlite; Auth.IntegrationTests.Postgres, the same sources: Postgres), or the
/// <c>AUTH_TEST_DATABASE</c> environment variable. A database is named by one string: a SQLite file's path, or a
/// PostgreSQL database on the run's <see cref="PostgresCluster"/>.
/// </summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("AUTH_TEST_DATABASE") is { Length: > 0 } chosen
        ? chosen
        : typeof(TestDatabase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TestDatabase")?.Value ?? "Sqlite";

    public static bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new database: an empty SQLite file's path (the service migrates it at start), or a migrated PostgreSQL copy's name.</summary>
    public static string New() => IsPostgres
        ? PostgresCluster.Instance.CreateDatabaseAsync().GetAwaiter().GetResult()
        : TestPaths.NewDatabaseFile();

    public static string ConnectionString(string database) => IsPostgres
        ? PostgresCluster.Instance.ConnectionString(database)
        : $"Data Source={database};Default Timeout=30";

    /// <summary>A context on the database, outside any service, through the provider's own model.</summary>
    public static AuthDbContext Context(string database) => IsPostgres
        ? new PostgresAuthDbContext(new DbContextOptionsBuilder<PostgresAuthDbContext>().UseNpgsql(ConnectionString(database)).Options)
        : new SqliteAuthDbContext(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite(ConnectionString(database)).Options);

    internal static DatabaseProvider DatabaseProvider => DatabaseProviders.Find(Provider)
        ?? throw new InvalidOperationException($"AUTH_TEST_DATABASE '{Provider}' is not one of {DatabaseProviders.Names}.");

    /// <summary>Adds an interceptor to the service's context, whichever provider's it is.</summary>
    public static void AddInterceptor(IServiceCollection services, IInterceptor interceptor)
    {
        if (IsPostgres)
        {
            services.ConfigureDbContext<PostgresAuthDbContext>(o => o.AddInterceptors(interceptor));
        }
        else
        {
            services.ConfigureDbContext<SqliteAuthDbContext>(o => o.AddInterceptors(interceptor));
        }
    }

    /// <summary>Drops a PostgreSQL database (a SQLite file goes with the run's temporary folder).</summary>
    public static async Task DropAsync(string database)
    {
        if (IsPostgres)
        {
            await PostgresCluster.Instance.DropDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Holds off every writer until disposed, readers not: SQLite's write lock (<c>BEGIN IMMEDIATE</c>), or on
    /// PostgreSQL an EXCLUSIVE lock on every table, which admits only reads.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldWritesAsync(string database)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString(database)) : new SqliteConnection(ConnectionString(database));
        await connection.OpenAsync();
        var tables = new List<string>();
        if (IsPostgres)
        {
            await using var db = Context(database);
            tables.AddRange(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Select(t => $"\"{t}\""));
        }

        await ExecuteAsync(connection, IsPostgres ? $"BEGIN; LOCK TABLE {string.Join(", ", tables)} IN EXCLUSIVE MODE;" : "BEGIN IMMEDIATE;");
        return new WriteHold(connection);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class WriteHold(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(connection, "ROLLBACK;");
            await connection.DisposeAsync();
        }
    }
}
