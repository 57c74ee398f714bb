using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>The production provider; its migrations live in Migrations/ beside it.</summary>
public sealed class SqlServerAuthDbContext(DbContextOptions<SqlServerAuthDbContext> options) : AuthDbContext(options);
