using Auth.Infrastructure.Persistence.Providers.Postgres;
using Auth.Infrastructure.Persistence.Providers.Sqlite;
using Auth.Infrastructure.Persistence.Providers.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Auth.IntegrationTests.Persistence;

/// <summary>
/// Every provider's migrations are checked against the model here: SQLite by applying them, SQL Server (which cannot
/// run on these machines) by generating its idempotent script and reading what it creates. PostgreSQL's are applied
/// by the PostgreSQL suite, whose every database is a copy of one they migrated.
/// </summary>
public sealed class MigrationTests
{
    [Test]
    public async Task Sqlite_migrations_apply_to_an_empty_database_and_create_every_table()
    {
        var path = Support.TestPaths.NewDatabaseFile();
        await using var db = new SqliteAuthDbContext(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite($"Data Source={path}").Options);

        await db.Database.MigrateAsync();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.That(pending, Is.Empty);
        Assert.That(tables, Is.SupersetOf(new[] { "Users", "Sessions", "SessionRevocations", "RefreshTokens", "LoginThrottles" }));
    }

    [Test]
    public void Sqlite_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqliteAuthDbContext(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for SqliteAuthDbContext (see README)");
    }

    [Test]
    public void Sql_server_migrations_are_up_to_date_with_the_model()
    {
        using var db = SqlServerContext();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for SqlServerAuthDbContext (see README)");
    }

    [Test]
    public void Postgres_migrations_are_up_to_date_with_the_model()
    {
        using var db = new PostgresAuthDbContext(new DbContextOptionsBuilder<PostgresAuthDbContext>().UseNpgsql("Host=unused;Database=auth").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for PostgresAuthDbContext (see README)");
    }

    [Test]
    public void Sql_server_idempotent_script_creates_the_tables_the_unique_email_index_and_the_session_index()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE TABLE [Users]"));
            Assert.That(script, Does.Contain("CREATE TABLE [Sessions]"));
            Assert.That(script, Does.Contain("CREATE TABLE [SessionRevocations]"));
            Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_Users_NormalizedEmail] ON [Users] ([NormalizedEmail])"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_Sessions_UserId_EndedAt] ON [Sessions] ([UserId], [EndedAt])"));
            Assert.That(script, Does.Contain("CREATE TABLE [RefreshTokens]"));
            Assert.That(script, Does.Contain("CREATE TABLE [LoginThrottles]"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_RefreshTokens_SessionId] ON [RefreshTokens] ([SessionId])"));
            Assert.That(script, Does.Contain("CREATE TABLE [AccountTokens]"));
            Assert.That(script, Does.Contain("CREATE TABLE [AuditEntries]"));
            Assert.That(script, Does.Contain("[DisabledAt] datetimeoffset NULL"));
            Assert.That(script, Does.Contain("CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At])"));
            Assert.That(script, Does.Contain("IF NOT EXISTS"), "idempotent scripts guard each migration");
            Assert.That(script, Does.Contain("[EndedAt] datetimeoffset NULL"));
        });
    }

    private static SqlServerAuthDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAuthDbContext>().UseSqlServer("Server=unused;Database=Auth").Options);
}
