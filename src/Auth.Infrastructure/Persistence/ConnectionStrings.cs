using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Auth.Infrastructure.Persistence;

internal static class ConnectionStrings
{
    public static string Resolve(IConfiguration configuration, DatabaseOptions options, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            return ""; // DatabaseOptionsValidator stops the start, before anything connects
        }

        var file = Path.GetFullPath(options.SqliteFile, environment.ContentRootPath);
        return new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>SQLite creates the file but not its folder.</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
