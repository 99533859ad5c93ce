using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store;

/// <summary>
/// One writer at a time to each SQLite file within a process, the others queued without holding a thread. SQLite takes
/// one writer at a time; a second meets SQLITE_BUSY, and Microsoft.Data.Sqlite then retries by sleeping the thread until
/// the command times out, which under a web application's load starves the thread pool: every page waited while twenty
/// owners saved (docs/benchmarks.md). PostgreSQL takes concurrent writers itself and is not gated.
/// </summary>
public static class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this process's turn to write to the store; null (nothing to release) where it is not SQLite.</summary>
    public static async Task<IDisposable?> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        // By connection string: a process reaches its store through one.
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
