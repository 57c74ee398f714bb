using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Auth.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>Used by <c>dotnet ef</c> only, so that migrations can be added without a running database.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAuthDbContext>
{
    public SqlServerAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAuthDbContext>().UseSqlServer("Server=design-time;Database=Auth").Options);
}
