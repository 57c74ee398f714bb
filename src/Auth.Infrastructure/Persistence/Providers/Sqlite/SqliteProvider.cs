using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Auth.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>The embedded default: a file beside the service, one writer at a time, a compiled model.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    // Extended result codes (https://sqlite.org/rescode.html).
    private const int ConstraintForeignKey = 787;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    private const string UniqueFailed = "UNIQUE constraint failed: ";

    public override string Name => "Sqlite";

    public override bool SingleWriter => true;

    public override string DefaultConnectionString(DatabaseOptions options, IHostEnvironment environment) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.SqliteFile, environment.ContentRootPath), DefaultTimeout = 30 }.ToString();

    public override void AddContext(IServiceCollection services, string connectionString, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder> shared) =>
        services.AddDbContextPool<AuthDbContext, SqliteAuthDbContext>((sp, o) =>
        {
            o.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSetup(options.SqliteSyncEveryCommit));
            shared(sp, o);
        });

    /// <summary>
    /// The kind comes from the extended result code. SQLite names no constraint, only its columns, and only in its
    /// message (<c>UNIQUE constraint failed: Users.NormalizedEmail</c>, a fixed, untranslated format); they are
    /// mapped back to the index or key the model declares on them.
    /// </summary>
    public override ConstraintViolation Classify(Exception? exception, IModel model)
    {
        if (exception is not SqliteException e)
        {
            return ConstraintViolation.None;
        }

        switch (e.SqliteExtendedErrorCode)
        {
            case ConstraintForeignKey:
                return new ConstraintViolation(ConstraintKind.ForeignKey, null);
            case ConstraintUnique or ConstraintPrimaryKey:
                var at = e.Message.IndexOf(UniqueFailed, StringComparison.Ordinal);
                var columns = at < 0 ? [] : e.Message[(at + UniqueFailed.Length)..].TrimEnd('.', '\'').Split(", ");
                var table = columns.Length > 0 ? columns[0].Split('.')[0] : "";
                var names = columns.Select(c => c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..]).ToArray();
                return new ConstraintViolation(ConstraintKind.Unique, ConstraintViolation.UniqueConstraintOn(model, table, names));
            default:
                return ConstraintViolation.None;
        }
    }

    /// <summary>SQLite creates the file but not its folder.</summary>
    public override Task PrepareAsync(AuthDbContext db, CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }

        return Task.CompletedTask;
    }

    /// <summary>Readers do not block the writer; the setting is kept in the file.</summary>
    public override Task AfterMigrationAsync(AuthDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    public override string RecreateAdvice(string connectionString) =>
        $"delete the SQLite file {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)} "
        + "(with its -wal and -shm files) and start the service again; it creates a fresh database";
}
