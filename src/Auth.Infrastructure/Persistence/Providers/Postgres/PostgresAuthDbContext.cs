using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Providers.Postgres;

/// <summary>The server database of several instances; its migrations live in Migrations/ beside it, its compiled model in CompiledModel/.</summary>
public sealed class PostgresAuthDbContext(DbContextOptions<PostgresAuthDbContext> options) : AuthDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are timestamptz, which stores the instant. Npgsql refuses to write an offset other than zero, and a
        // caller's filter may carry one (the audit trail's from/to): the instant is converted to UTC on the way in.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }
}
