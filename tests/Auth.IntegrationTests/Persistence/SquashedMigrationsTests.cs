using System.Net;
using Auth.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Auth.IntegrationTests.Persistence;

/// <summary>A development database made by the migrations that were squashed away before the first release.</summary>
public sealed class SquashedMigrationsTests
{
    private static readonly string[] OldMigrations =
    [
        "20261125054955_InitialCreate",
        "20261125060449_RefreshTokenRotation",
        "20261125060722_LoginLockout",
        "20261126133038_AccountLifecycle",
    ];

    [Test]
    public async Task A_database_from_the_old_migrations_is_reported_not_ready_with_what_to_do_and_no_stack_trace()
    {
        var path = TestPaths.NewDatabaseFile();
        await CreateOldDatabaseAsync(path);
        await using var factory = new AuthApiFactory(database: path);
        using var client = factory.CreateClient();

        var ping = await client.GetAsync("/auth/ping");
        var ready = await client.GetAsync("/health/ready");

        Assert.That(ping.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process runs instead of crash-looping");
        await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "not_ready");
        var told = factory.Logs.Lines.Where(l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("migrations this build does not know", StringComparison.Ordinal)).ToArray();
        Assert.That(told, Has.Length.EqualTo(1));
        Assert.That(told[0], Does.Contain("20261125054955_InitialCreate").And.Contain($"delete the SQLite file {Path.GetFullPath(path)}"));
        Assert.That(factory.Logs.Lines, Has.None.Contains("Exception"), "no stack trace");
        Assert.That(await TablesAsync(path), Is.EquivalentTo(new[] { "__EFMigrationsHistory", "Users" }), "nothing was migrated");
    }

    [Test]
    public async Task A_database_from_this_builds_migrations_is_ready()
    {
        var path = TestPaths.NewDatabaseFile();
        await using (var first = new AuthApiFactory(database: path))
        {
            first.CreateClient().Dispose();
        }

        await using var again = new AuthApiFactory(database: path);
        using var client = again.CreateClient();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.Logs.Lines, Has.None.Contains("migrations this build does not know"));
    }

    private static async Task CreateOldDatabaseAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            CREATE TABLE "Users" ("Id" TEXT NOT NULL PRIMARY KEY, "Email" TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
        foreach (var id in OldMigrations)
        {
            var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ($id, '10.0.0')";
            insert.Parameters.AddWithValue("$id", id);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> TablesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
