using Microsoft.Data.Sqlite;
using Npgsql;

namespace GoldenThread.Store;

/// <summary>
/// Another process held the store for longer than this one would wait (an import, a migration). Nothing of this one was
/// written; the message says so and what to do. The command line shows it with exit code 2: the moment is at fault, not
/// the files and not GoldenThread.
/// </summary>
public sealed class StoreBusyException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// Whether <paramref name="e"/> (or what it wraps) is the database saying it could not get a lock in time: SQLite's
    /// BUSY or LOCKED after Microsoft.Data.Sqlite's retries, PostgreSQL's lock_timeout or a statement cancelled by the
    /// command timeout while it waited.
    /// </summary>
    public static bool IsBusy(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                case PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled }:
                case NpgsqlException { InnerException: TimeoutException }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The words for a store another process held: which store, that nothing was written, what to do.</summary>
    public static StoreBusyException For(StoreConnection connection, string what, Exception inner) =>
        new($"{connection.Describe()} is busy: another GoldenThread process held it for longer than {WaitSeconds(connection)} seconds while {what}, so nothing was written. Try again when the other import or migration has finished.", inner);

    /// <summary>How long a command waits for a lock on this store: the connection string's timeout (30 seconds unless it says otherwise).</summary>
    public static int WaitSeconds(StoreConnection connection) => connection.Provider == StoreProvider.Sqlite
        ? new SqliteConnectionStringBuilder(connection.ConnectionString).DefaultTimeout
        : new NpgsqlConnectionStringBuilder(connection.ConnectionString).CommandTimeout;
}
