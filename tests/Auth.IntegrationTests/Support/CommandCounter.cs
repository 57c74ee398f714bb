using System.Collections.Concurrent;
using System.Data.Common;
using Auth.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// Counts the SQL commands the service sends, to prove which requests do not touch the database. The outbox
/// dispatcher's work is left out: it delivers earlier requests' events (audit rows, mail) whenever it gets to them.
/// </summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> texts = new();

    public int Count => texts.Count;

    /// <summary>The text of every command counted, in order, to say which statements a request sent.</summary>
    public IReadOnlyList<string> Texts => [.. texts];

    private void Record(DbCommand command)
    {
        var text = command.CommandText;
        if (!text.Contains("\"AuditEntries\"", StringComparison.Ordinal)
            && !text.Contains(OutboxProcessor.QueryTag, StringComparison.Ordinal)
            && !text.Contains("UPDATE \"OutboxMessages\"", StringComparison.Ordinal))
        {
            texts.Enqueue(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
