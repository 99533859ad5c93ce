using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store;

/// <summary>
/// Turns at writing to one SQLite file, for the writers of this process. SQLite takes one writer at a time, and
/// Microsoft.Data.Sqlite waits for the write lock by sleeping on the calling thread (150 ms at a time) and trying again.
/// In the web application those are thread-pool threads: twenty owners saving at once left several asleep at any moment,
/// and on a two-core server every page waited for the thread pool to make up the loss (docs/benchmarks.md, fifth round).
/// Waiting here for the previous writer of this process costs no thread. Writers in other processes (the command line)
/// are still kept out by SQLite's own lock, as before; PostgreSQL, which queues writers itself, needs no turns.
/// A turn is a courtesy, not the lock: a writer that has waited <see cref="Patience"/> goes on to SQLite's lock without
/// it, so that a writer started by one that holds its turn (as the race tests start another person's save) cannot wait
/// for ever.
/// </summary>
public static class SqliteWriteTurns
{
    /// <summary>How long a writer waits for its turn before it goes on to SQLite's own lock; saves take milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for this process's turn to write to <paramref name="db"/>'s SQLite file, to be disposed once the
    /// transaction is committed or abandoned; nothing to wait for on PostgreSQL.
    /// </summary>
    public static async Task<IDisposable> TakeAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return NoTurn.Instance;
        }

        var turn = Files.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        return await turn.WaitAsync(Patience, ct) ? new Turn(turn) : NoTurn.Instance;
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
