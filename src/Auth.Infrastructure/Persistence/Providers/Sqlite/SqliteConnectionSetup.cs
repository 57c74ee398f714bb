using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>
/// Per-connection SQLite settings (SQLite keeps them per connection, not in the file). By default
/// <c>synchronous=NORMAL</c> with the WAL journal: a commit survives a crash of the process, and the WAL is synced
/// at checkpoints rather than on every commit. A sync per commit costs about 4 ms on this machine kind's disk and
/// writers take turns, which capped refresh, login and logout at about 250 a second in all; the price is that an
/// operating-system crash or power loss may undo the last commits before a checkpoint.
/// <see cref="DatabaseOptions.SqliteSyncEveryCommit"/> restores a sync per commit.
/// </summary>
internal sealed class SqliteConnectionSetup(bool syncEveryCommit) : DbConnectionInterceptor
{
    private readonly string pragmas = syncEveryCommit ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
