using Auth.Infrastructure.Persistence.Providers.Sqlite;
using Auth.Infrastructure.Persistence.Providers.Sqlite.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Auth.IntegrationTests.Persistence;

/// <summary>
/// The SQLite context runs on a compiled model (generated code; building the model at startup took about a quarter
/// of the time to ready). Generated code goes stale silently when an entity or its configuration changes, so it is
/// compared here with the model the configurations build (entities, properties and their facets, keys, indexes,
/// relationships). Table and column names are annotations the comparison leaves out; every integration test runs
/// its SQL against the migrated schema through this model, so a stale name fails them.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "regenerate it: dotnet ef dbcontext optimize (command in the README, Migrations)";

    [Test]
    public void The_sqlite_context_runs_on_the_compiled_model()
    {
        using var db = Context();

        Assert.That(db.Model.GetType().Name, Is.EqualTo(nameof(SqliteAuthDbContextModel)));
    }

    [Test]
    public void The_compiled_model_describes_the_same_entities_as_the_configurations()
    {
        using var db = Context();
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.That(Describe(db.Model), Is.EqualTo(Describe(built)), Regenerate);
    }

    private static SqliteAuthDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static string Describe(IModel model) => model.ToDebugString(MetadataDebugStringOptions.IncludePropertyIndexes);
}
