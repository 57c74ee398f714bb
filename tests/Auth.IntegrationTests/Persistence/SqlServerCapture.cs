using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.IntegrationTests.Persistence;

/// <summary>
/// The SQL Server provider with nothing behind it: connections are never opened, transactions are stand-ins, and
/// every command is recorded and answered without running (no rows, no row affected). EF Core still generates each
/// command exactly as it would send it, which is what <see cref="SqlServerSqlTests"/> hands to SQL Server's parser.
/// </summary>
internal sealed class SqlServerCapture
{
    private readonly ConcurrentQueue<string> commands = new();

    public IReadOnlyList<string> Commands => [.. commands];

    public IInterceptor[] Interceptors => [new NoConnection(), new NoTransaction(), new Recorder(commands)];

    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class NoTransaction : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result) => InterceptionResult<DbTransaction>.SuppressWithResult(new StandIn(connection));

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new StandIn(connection)));
    }

    private sealed class StandIn(DbConnection connection) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    private sealed class Recorder(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        /// <summary>
        /// No rows, except a count, which says one: a paged list then goes on to ask for its page. Wider than any
        /// query, since EF checks that a reader has at least the columns it selected, rows or not.
        /// </summary>
        private static DataTableReader Answer(string sql)
        {
            var table = new DataTable();
            table.Columns.Add("c0", typeof(int));
            for (var i = 1; i < 64; i++)
            {
                table.Columns.Add($"c{i}", typeof(object));
            }

            if (sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
            {
                table.Rows.Add(1);
            }

            return table.CreateDataReader();
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            commands.Enqueue(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command.CommandText));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            commands.Enqueue(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            commands.Enqueue(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));
    }
}
