using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Auth.Infrastructure.Persistence.Providers.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run, started on first use from the installed server binaries
/// (Debian's postgresql package: /usr/lib/postgresql/&lt;version&gt;/bin, or <c>PG_BIN</c>) in a temporary folder, on a
/// free port of 127.0.0.1, and stopped at the end of the run. Durability settings are off (fsync, full-page
/// writes): a crashed test cluster is thrown away anyway, while a crashed service process (the kill tests) loses
/// nothing PostgreSQL acknowledged. Every test database is a copy of one migrated template, so a test pays a file
/// copy, not a migration. PostgreSQL refuses to run as root: then initdb and the server run as the postgres user.
/// </summary>
internal sealed class PostgresCluster
{
    public const string Package = "postgresql (Debian: apt-get install postgresql, which brings postgresql-15)";
    private const string Template = "auth_template";

    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string binaries;
    private readonly string dataDirectory;
    private readonly string? runAs;

    private PostgresCluster(string binaries, string dataDirectory, int port, string? runAs)
    {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.runAs = runAs;
        Port = port;
    }

    /// <summary>The run's cluster, started by the first caller. Skips the test (fails it where CI is set) when PostgreSQL is not installed.</summary>
    public static PostgresCluster Instance
    {
        get
        {
            if (FindBinaries() is null)
            {
                var message = $"PostgreSQL server binaries not found (initdb, pg_ctl); install {Package}, or set PG_BIN to their folder.";
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                {
                    Assert.Fail(message);
                }

                Assert.Ignore(message);
            }

            return Shared.Value;
        }
    }

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // Each test database has its own pool; idle connections go soon so hundreds of databases do not pile them up.
        ConnectionIdleLifetime = 10,
    }.ToString();

    /// <summary>A new database, a copy of the migrated template; its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"auth_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {Template} STRATEGY FILE_COPY");
        return name;
    }

    /// <summary>A new database with no tables, for tests of migrations themselves.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"auth_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static void StopIfStarted()
    {
        if (Shared.IsValueCreated)
        {
            Shared.Value.Stop();
        }
    }

    private static PostgresCluster Start()
    {
        var binaries = FindBinaries()!;
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var directory = Path.Combine(Path.GetTempPath(), $"auth-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (runAs is not null)
        {
            Run("chown", [runAs, directory], null);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(binaries, directory, port, runAs);
        var data = Path.Combine(directory, "data");
        cluster.RunTool("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        cluster.RunTool("pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            + "-c max_connections=300 -c shared_buffers=64MB", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();

        cluster.ExecuteAsync($"CREATE DATABASE {Template}").GetAwaiter().GetResult();
        using (var db = new PostgresAuthDbContext(new DbContextOptionsBuilder<PostgresAuthDbContext>().UseNpgsql(cluster.ConnectionString(Template)).Options))
        {
            db.Database.Migrate();
        }

        // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    private void Stop()
    {
        try
        {
            RunTool("pg_ctl", ["-D", Path.Combine(dataDirectory, "data"), "-m", "immediate", "stop"]);
            Directory.Delete(dataDirectory, recursive: true);
        }
#pragma warning disable CA1031 // Best effort at the end of the run; the folder is in the temporary directory.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void RunTool(string tool, string[] arguments) => Run(Path.Combine(binaries, tool), arguments, runAs);

    private static void Run(string program, string[] arguments, string? runAs)
    {
        var start = runAs is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("runuser", ["-u", runAs, "--", program, .. arguments]);
        // The server started by pg_ctl must not inherit a pipe we wait to see closed: only stderr is read, and
        // pg_ctl sends the server's output to its log file.
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = false;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error}");
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
