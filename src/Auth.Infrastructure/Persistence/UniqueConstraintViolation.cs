using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence;

/// <summary>Recognizes, per provider, a unique-constraint violation on one index.</summary>
internal static class UniqueConstraintViolation
{
    private const int SqliteConstraint = 19;
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <param name="indexName">SQL Server names the index in its message.</param>
    /// <param name="sqliteColumns">SQLite names the columns instead: <c>UNIQUE constraint failed: Users.NormalizedEmail</c>.</param>
    public static bool IsOn(DbUpdateException exception, string indexName, string sqliteColumns) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint && e.Message.Contains(sqliteColumns, StringComparison.Ordinal),
        SqlException e => e.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint && e.Message.Contains(indexName, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Any unique-constraint violation, from a statement run outside <c>SaveChanges</c>.</summary>
    public static bool IsAny(DbException exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint,
        SqlException e => e.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
        _ => false,
    };

    private const int SqliteForeignKey = 787;
    private const int SqlServerReferenceConflict = 547;

    /// <summary>A row that referenced another which a concurrent request deleted (a session of a deleted account).</summary>
    public static bool IsForeignKey(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteExtendedErrorCode == SqliteForeignKey,
        SqlException e => e.Number == SqlServerReferenceConflict,
        _ => false,
    };
}
