using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Auth.Infrastructure.Persistence.Providers.Postgres;

/// <summary>
/// PostgreSQL through Npgsql: row locks (no write gate), a retrying execution strategy as on SQL Server, times as
/// <c>timestamptz</c>. Emails need no <c>citext</c>: the unique index is on the normalized (case-folded) address the
/// domain computes, the same column on every provider (see docs/decisions/0011).
/// </summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override string Name => "Postgres";

    public override bool SingleWriter => false;

    public override void AddContext(IServiceCollection services, string connectionString, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder> shared) =>
        services.AddDbContextPool<AuthDbContext, PostgresAuthDbContext>((sp, o) =>
        {
            o.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure());
            shared(sp, o);
        });

    /// <summary>By SQLSTATE, and the constraint by the name PostgreSQL reports in its own field.</summary>
    public override ConstraintViolation Classify(Exception? exception, IModel model) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e => new(ConstraintKind.Unique, e.ConstraintName),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } e => new(ConstraintKind.ForeignKey, e.ConstraintName),
        _ => ConstraintViolation.None,
    };

    public override string RecreateAdvice(string connectionString) =>
        $"drop the database '{new NpgsqlConnectionStringBuilder(connectionString).Database}' "
        + "(or point ConnectionStrings:Auth at an empty one) and start the service again";
}
