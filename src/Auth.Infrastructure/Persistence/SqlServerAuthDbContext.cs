using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence;

/// <summary>The production provider; its migrations live in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerAuthDbContext(DbContextOptions<SqlServerAuthDbContext> options) : AuthDbContext(options);
