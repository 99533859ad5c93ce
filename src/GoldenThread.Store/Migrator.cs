using System.Diagnostics;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace GoldenThread.Store;

/// <summary>Brings a store's schema up to date (the CLI's <c>db migrate</c> and the web's migrate-on-start).</summary>
public static class StoreMigrator
{
    /// <summary>
    /// The ids of this build's migrations, found as EF finds them (subclasses of <see cref="Migration"/> marked for
    /// <see cref="GoldenThreadDbContext"/>), in order.
    /// </summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = typeof(GoldenThreadDbContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(GoldenThreadDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Applies every pending migration; returns the ids of those applied.</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(StoreConnection connection, CancellationToken cancellationToken = default) =>
        MigrateAsync(connection, _ => { }, cancellationToken);

    /// <summary>
    /// Applies every pending migration; returns the ids of those applied. <paramref name="notice"/> hears of anything done
    /// on the way that people should know (a stale migration lock cleared).
    /// </summary>
    /// <exception cref="StoreBusyException">Another process held the store for longer than the connection's timeout.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(StoreConnection connection, Action<string> notice, CancellationToken cancellationToken = default)
    {
        try
        {
            // A SQLite store that already has exactly this build's migrations needs none: asking its history table directly
            // spares building EF's model and migrations machinery, most of the command line's start-up with a store.
            if (connection.Provider == StoreProvider.Sqlite && await SqliteIsCurrentAsync(connection.ConnectionString, cancellationToken))
            {
                await UseWriteAheadLogAsync(connection, cancellationToken);
                return [];
            }

            // Most runs find nothing to do, and finding out needs no lock: only a store that needs migrating waits its turn.
            if (!await AnyPendingAsync(connection, cancellationToken))
            {
                await UseWriteAheadLogAsync(connection, cancellationToken);
                return [];
            }

            if (connection.Provider == StoreProvider.Sqlite && SqliteFile(connection) is { } file)
            {
                // A new store may be named in a folder that does not exist yet (a connection string in the web
                // application's settings): made here, as a store named by its path is, so neither SQLite nor the lock
                // file below fails to open.
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                // EF Core marks a SQLite migration with a row in __EFMigrationsLock that only a process living to the end
                // deletes, and waits without end for a row left by one that was killed. Every GoldenThread migrator holds
                // this file's operating-system lock while it migrates, which dies with its process: so a row found while
                // holding it belongs to nobody and is safe to clear.
                using var held = await HoldMigrationFileAsync(connection, file, cancellationToken);
                if (await ClearStaleLockAsync(connection, cancellationToken) is { } since)
                {
                    notice($"{connection.Describe()}: cleared a migration lock left since {since} by a process that stopped while migrating.");
                }

                var applied = await MigrateCoreAsync(connection, cancellationToken);
                await UseWriteAheadLogAsync(connection, cancellationToken);
                return applied;
            }

            if (connection.Provider == StoreProvider.Postgres)
            {
                // EF Core's PostgreSQL lock (a table lock in each migration's transaction) dies with a killed process's
                // session, but does not stop two first migrations from both creating the same tables; a session-level
                // advisory lock held across the whole migration does, and dies with its session too.
                await using var turn = await HoldAdvisoryLockAsync(connection, cancellationToken);
                return await MigrateCoreAsync(connection, cancellationToken);
            }

            return await MigrateCoreAsync(connection, cancellationToken);
        }
        catch (Exception e) when (StoreBusyException.IsBusy(e))
        {
            throw StoreBusyException.For(connection, "migrating", e);
        }
    }

    private static async Task<bool> AnyPendingAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        await using var db = connection.CreateContext();
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    private static async Task<IReadOnlyList<string>> MigrateCoreAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        await using var db = connection.CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>
    /// Puts a SQLite store file in write-ahead-log mode, where readers do not wait for a writer nor a writer for readers:
    /// the web application's pages go on being read while owners save. EF Core chooses it only for a database it creates
    /// itself, and it never did here (the migrator's first look at a new store creates the file, so EF found one), so
    /// stores were left in rollback-journal mode, in which every read waits while a save commits, and waits by sleeping
    /// (docs/benchmarks.md, third round). The mode is kept in the file; this reads it and changes it only when it differs.
    /// A store busy with another process, or one this process may only read, is left as it is (the next run asks again):
    /// the mode is a matter of speed, not of correctness.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        if (connection.Provider != StoreProvider.Sqlite || SqliteFile(connection) is null)
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 1 };
        try
        {
            await using var sqlite = new SqliteConnection(builder.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            if (string.Equals(await command.ExecuteScalarAsync(cancellationToken) as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            command.CommandText = "PRAGMA journal_mode = WAL";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            // Busy, or not writable here: see above.
        }
    }

    private static string? SqliteFile(StoreConnection connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>
    /// The lock file beside the store, opened for this process alone. A migration may rebuild tables, so it is waited
    /// for four times as long as a write (the connection's timeout): two minutes unless the connection string says otherwise.
    /// </summary>
    private static async Task<FileStream> HoldMigrationFileAsync(StoreConnection connection, string file, CancellationToken cancellationToken)
    {
        var path = file + ".migrating";
        var wait = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(4 * StoreBusyException.WaitSeconds(connection));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (wait.Elapsed < limit && File.Exists(path))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (IOException e) when (File.Exists(path))
            {
                throw new StoreBusyException(
                    $"{connection.Describe()} is busy: another GoldenThread process has been migrating it for longer than {(int)limit.TotalSeconds} seconds ({path} is locked). Try again when it has finished.", e);
            }
        }
    }

    private static async Task<NpgsqlConnection> HoldAdvisoryLockAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        // Its own session, not pooled, so that closing it (or the process dying) gives the lock back.
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            var wait = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(4 * StoreBusyException.WaitSeconds(connection));
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext('goldenthread.migrate'))", session);
            while (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                if (wait.Elapsed >= limit)
                {
                    throw new StoreBusyException(
                        $"{connection.Describe()} is busy: another GoldenThread process has been migrating it for longer than {(int)limit.TotalSeconds} seconds. Try again when it has finished.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes EF Core's migration lock row if there is one; returns when it was taken, or null when there was none.</summary>
    private static async Task<string?> ClearStaleLockAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        await using var sqlite = new SqliteConnection(connection.ConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using var exists = sqlite.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        await using var delete = sqlite.CreateCommand();
        delete.CommandText = "DELETE FROM \"__EFMigrationsLock\" RETURNING \"Timestamp\"";
        return await delete.ExecuteScalarAsync(cancellationToken) is { } taken and not DBNull ? Convert.ToString(taken, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True when the SQLite database's migration history is exactly <see cref="KnownMigrations"/>; false when it has no history yet, lacks one or has one this build does not know.</summary>
    internal static async Task<bool> SqliteIsCurrentAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Read-only, and never creating the file: a store that is not there yet is for EF to make.
        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (readOnly.DataSource is not { Length: > 0 } path || path.StartsWith(':') || !File.Exists(path))
        {
            return false;
        }

        var applied = new List<string>();
        try
        {
            await using var sqlite = new SqliteConnection(readOnly.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{StoreBackup.HistoryTable}'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }

            command.CommandText = $"SELECT \"MigrationId\" FROM \"{StoreBackup.HistoryTable}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (SqliteException)
        {
            return false; // not a database, locked, damaged: EF's own migration says so as it always has
        }

        return applied.Order(StringComparer.Ordinal).SequenceEqual(KnownMigrations, StringComparer.Ordinal);
    }
}
