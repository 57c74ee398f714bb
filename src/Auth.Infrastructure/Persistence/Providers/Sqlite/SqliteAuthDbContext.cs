using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>The embedded default; its migrations live in Migrations/ beside it, its compiled model in CompiledModel/.</summary>
public sealed class SqliteAuthDbContext(DbContextOptions<SqliteAuthDbContext> options) : AuthDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: stored as text, DateTimeOffset cannot be compared or ordered in SQL. As the
        // instant's UTC ticks it can, whatever offset a caller's filter carries, and comparisons stay index-friendly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
