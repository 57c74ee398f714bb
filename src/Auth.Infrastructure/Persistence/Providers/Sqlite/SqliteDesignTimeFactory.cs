using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Auth.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>Used by <c>dotnet ef</c> only, so that migrations can be added without a running database.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuthDbContext>
{
    public SqliteAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuthDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
