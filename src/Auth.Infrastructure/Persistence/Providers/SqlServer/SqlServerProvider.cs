using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>The production database of the design: row locks (no write gate), a retrying execution strategy.</summary>
internal sealed partial class SqlServerProvider : DatabaseProvider
{
    private const int DuplicateKeyRow = 2601;
    private const int UniqueConstraint = 2627;
    private const int ReferenceConflict = 547;

    public override string Name => "SqlServer";

    public override bool SingleWriter => false;

    public override void AddContext(IServiceCollection services, string connectionString, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder> shared) =>
        services.AddDbContextPool<AuthDbContext, SqlServerAuthDbContext>((sp, o) =>
        {
            o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
            shared(sp, o);
        });

    /// <summary>
    /// The kind comes from the error number; SQL Server passes the index or constraint name only as an argument of
    /// its message (<c>... with unique index 'IX_Users_NormalizedEmail'</c>, <c>Violation of PRIMARY KEY
    /// constraint 'PK_LoginThrottles'</c>), quoted, which is where it is read from.
    /// </summary>
    public override ConstraintViolation Classify(Exception? exception, IModel model) => exception switch
    {
        SqlException { Number: DuplicateKeyRow } e => new(ConstraintKind.Unique, Quoted(UniqueIndex(), e.Message)),
        SqlException { Number: UniqueConstraint } e => new(ConstraintKind.Unique, Quoted(Constraint(), e.Message)),
        SqlException { Number: ReferenceConflict } => new(ConstraintKind.ForeignKey, null),
        _ => ConstraintViolation.None,
    };

    public override string RecreateAdvice(string connectionString) =>
        $"drop the database '{new SqlConnectionStringBuilder(connectionString).InitialCatalog}' "
        + "(or point ConnectionStrings:Auth at an empty one) and start the service again";

    private static string? Quoted(Regex pattern, string message) => pattern.Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex("unique index '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UniqueIndex();

    [GeneratedRegex("constraint '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Constraint();
}
