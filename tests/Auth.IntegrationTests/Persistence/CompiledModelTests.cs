using Auth.Infrastructure.Persistence.Providers.Postgres;
using Auth.Infrastructure.Persistence.Providers.Postgres.CompiledModel;
using Auth.Infrastructure.Persistence.Providers.Sqlite;
using Auth.Infrastructure.Persistence.Providers.Sqlite.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Auth.IntegrationTests.Persistence;

/// <summary>
/// The SQLite and PostgreSQL contexts run on a compiled model (generated code; building the model at startup took about a quarter
/// of the time to ready). Generated code goes stale silently when an entity or its configuration changes, so it is
/// compared here with the model the configurations build (entities, properties and their facets, keys, indexes,
/// relationships). Table and column names are annotations the comparison leaves out; every integration test runs
/// its SQL against the migrated schema through this model, so a stale name fails them.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "regenerate it: dotnet ef dbcontext optimize (command in the README, Migrations)";

    private static readonly (string Provider, Func<DbContext> Context, string Model)[] Compiled =
    [
        ("Sqlite", () => new SqliteAuthDbContext(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite("Data Source=:memory:").Options),
            nameof(SqliteAuthDbContextModel)),
        ("Postgres", () => new PostgresAuthDbContext(new DbContextOptionsBuilder<PostgresAuthDbContext>().UseNpgsql("Host=unused;Database=auth").Options),
            nameof(PostgresAuthDbContextModel)),
    ];

    private static IEnumerable<TestCaseData> Providers() => Compiled.Select(c => new TestCaseData(c.Provider).SetArgDisplayNames(c.Provider));

    [TestCaseSource(nameof(Providers))]
    public void The_context_runs_on_the_compiled_model(string provider)
    {
        var (_, context, model) = Compiled.Single(c => c.Provider == provider);
        using var db = context();

        Assert.That(db.Model.GetType().Name, Is.EqualTo(model));
    }

    [TestCaseSource(nameof(Providers))]
    public void The_compiled_model_describes_the_same_entities_as_the_configurations(string provider)
    {
        using var db = Compiled.Single(c => c.Provider == provider).Context();
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.That(Describe(db.Model), Is.EqualTo(Describe(built)), Regenerate);
    }

    private static string Describe(IModel model) => model.ToDebugString(MetadataDebugStringOptions.IncludePropertyIndexes);
}
