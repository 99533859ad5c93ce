using GoldenThread.Store.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoldenThread.Store;

/// <summary>What a restore left: the workspaces now in the store, and the migrations this version would still apply.</summary>
/// <param name="PendingMigrations">Non-empty when the backup was made by an older GoldenThread: <c>db migrate</c> brings it up.</param>
public sealed record RestoreResult(IReadOnlyList<string> Workspaces, IReadOnlyList<string> PendingMigrations);

/// <summary>
/// The command line's <c>db backup</c> and <c>db restore</c>: a whole store to one file and back, each provider with its
/// own tool (SQLite's online backup API; PostgreSQL's <c>pg_dump</c> and <c>pg_restore</c> in the custom format).
/// </summary>
/// <remarks>
/// A backup is written beside its destination and moved into place only when complete, so a failed backup never leaves a
/// half-written file where last night's good one was. A restore checks everything it can before it touches the store: the
/// file's kind, that it holds a GoldenThread store, and that the store it would replace is empty or <c>force</c> was given.
/// </remarks>
public static class StoreBackup
{
    /// <summary>EF Core's migrations history: every GoldenThread store has it, other databases almost never do.</summary>
    public const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>Writes the whole of <paramref name="store"/> to <paramref name="outFile"/>; returns the file's size in bytes.</summary>
    public static async Task<long> BackupAsync(StoreConnection store, string outFile, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(outFile);
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        var partial = Path.Combine(dir, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            if (store.Provider == StoreProvider.Sqlite)
            {
                BackupSqlite(store, target, partial);
            }
            else
            {
                await PostgresTools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=" + partial], store.ConnectionString, ct);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new FileInfo(target).Length;
    }

    /// <summary>
    /// Replaces the contents of <paramref name="target"/> with the backup in <paramref name="file"/>. Refuses a file of the
    /// other provider's kind, a file that is not a GoldenThread store, and (unless <paramref name="force"/>) a target that
    /// already holds workspaces, before anything in the target is changed.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(StoreConnection target, string file, bool force = false, CancellationToken ct = default)
    {
        var kind = BackupFiles.Identify(file);
        var expected = target.Provider == StoreProvider.Sqlite ? BackupFileKind.Sqlite : BackupFileKind.PostgresCustomDump;
        if (kind == BackupFileKind.Unknown)
        {
            throw new StoreBackupException(
                $"{file}: not a GoldenThread backup; expected a SQLite database or a PostgreSQL custom-format dump, as written by `goldenthread db backup`");
        }

        if (kind != expected)
        {
            throw new StoreBackupException(kind == BackupFileKind.Sqlite
                ? $"{file}: a SQLite backup, but the store is {target.Describe()}; restore it into a SQLite store, or give a backup of a PostgreSQL store (pg_dump --format=custom)"
                : $"{file}: a PostgreSQL dump, but the store is {target.Describe()}; restore it into a PostgreSQL store, or give a backup of a SQLite store");
        }

        if (kind == BackupFileKind.Sqlite)
        {
            CheckSqliteBackup(file, target);
        }
        else
        {
            await CheckPostgresDumpAsync(file, ct);
        }

        var present = await WorkspacesAsync(target, ct);
        if (present.Count > 0 && !force)
        {
            throw new StoreBackupException(
                $"{target.Describe()} already holds {present.Count} workspace{(present.Count == 1 ? "" : "s")} ({string.Join(", ", present)}); " +
                $"restoring {file} would replace everything in it. Add --force to overwrite it.");
        }

        if (kind == BackupFileKind.Sqlite)
        {
            RestoreSqlite(file, target);
        }
        else
        {
            try
            {
                // One transaction: a dump that breaks off part-way (a truncated copy) changes nothing.
                await PostgresTools.RunAsync(
                    "pg_restore",
                    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", Path.GetFullPath(file)],
                    target.ConnectionString,
                    ct);
            }
            catch (StoreBackupException e)
            {
                throw new StoreBackupException($"{target.Describe()}: could not be restored from {file}, and was left as it was: {e.Message}", e);
            }
        }

        await using var db = target.CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return new RestoreResult(await WorkspacesAsync(target, ct), pending);
    }

    private static void BackupSqlite(StoreConnection store, string target, string partial)
    {
        var source = SqlitePath(store);
        if (!File.Exists(source))
        {
            throw new StoreBackupException($"{store.Describe()}: no such file; nothing to back up");
        }

        if (SamePath(source, target))
        {
            throw new StoreBackupException($"{target}: is the store itself; give --out another file");
        }

        try
        {
            // ReadWrite, not ReadOnly: a store in WAL mode needs its -shm file, which a read-only connection may not create.
            using var from = OpenSqlite(store.ConnectionString, source, SqliteOpenMode.ReadWrite);
            using var to = OpenSqlite(store.ConnectionString, partial, SqliteOpenMode.ReadWriteCreate);

            // One step copies every page under one read lock: a consistent snapshot of what was committed, while the web
            // application goes on writing (it waits at most the busy timeout for a commit in progress).
            from.BackupDatabase(to);

            // The copy takes the store's WAL mode with its pages; a backup is better as one self-contained file, which can
            // also be opened read-only without leaving -wal and -shm files beside it.
            Execute(to, "PRAGMA journal_mode = DELETE");
        }
        catch (SqliteException e)
        {
            throw new StoreBackupException($"{store.Describe()}: could not be backed up: {e.Message}", e);
        }
    }

    private static void CheckSqliteBackup(string file, StoreConnection target)
    {
        if (SamePath(file, SqlitePath(target)))
        {
            throw new StoreBackupException($"{file}: is the store itself; give the backup file to restore from");
        }

        try
        {
            using var connection = OpenSqlite(target.ConnectionString, file, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", HistoryTable);
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new StoreBackupException($"{file}: a SQLite database but not a GoldenThread store (it has no {HistoryTable} table)");
            }

            // A copy cut short still has a good first page, and so its tables; the check reads every page.
            command.CommandText = "PRAGMA quick_check(1)";
            command.Parameters.Clear();
            if (command.ExecuteScalar() is not "ok" and var problem)
            {
                throw new StoreBackupException($"{file}: cannot be read as a SQLite database: it is damaged ({problem})");
            }
        }
        catch (SqliteException e)
        {
            throw new StoreBackupException($"{file}: cannot be read as a SQLite database: {e.Message}", e);
        }
    }

    private static void RestoreSqlite(string file, StoreConnection target)
    {
        try
        {
            using var from = OpenSqlite(target.ConnectionString, file, SqliteOpenMode.ReadOnly);
            using var to = OpenSqlite(target.ConnectionString, SqlitePath(target), SqliteOpenMode.ReadWriteCreate);

            // The backup API writes the destination in one transaction: a failure part-way leaves the store as it was.
            from.BackupDatabase(to);

            // Back to WAL, in which EF Core creates every store, so that the web application's readers never wait on a writer.
            Execute(to, "PRAGMA journal_mode = WAL");
        }
        catch (SqliteException e)
        {
            throw new StoreBackupException($"{target.Describe()}: could not be restored from {file}: {e.Message}", e);
        }
        finally
        {
            // Pooled connections opened before the restore would keep their page caches of the old file.
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task CheckPostgresDumpAsync(string file, CancellationToken ct)
    {
        string contents;
        try
        {
            contents = await PostgresTools.RunAsync("pg_restore", ["--list", Path.GetFullPath(file)], null, ct);
        }
        catch (StoreBackupException e) when (!e.Message.Contains("was not found", StringComparison.Ordinal))
        {
            throw new StoreBackupException($"{file}: cannot be read as a PostgreSQL custom-format dump: {e.Message}", e);
        }

        // A table's entry in the list reads "215; 1259 16385 TABLE public __EFMigrationsHistory owner".
        if (!contents.Split('\n').Any(line => line.Contains(" TABLE ", StringComparison.Ordinal) && line.Contains(" " + HistoryTable + " ", StringComparison.Ordinal)))
        {
            throw new StoreBackupException($"{file}: a PostgreSQL dump but not of a GoldenThread store (it has no {HistoryTable} table)");
        }
    }

    /// <summary>The ids of the workspaces in <paramref name="store"/>; none when it has no schema yet.</summary>
    private static async Task<IReadOnlyList<string>> WorkspacesAsync(StoreConnection store, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var table = db.Model.FindEntityType(typeof(WorkspaceRow))!.GetTableName()!;
        try
        {
            var exists = store.Provider == StoreProvider.Sqlite
                ? await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", table).SingleAsync(ct) > 0
                : await db.Database.SqlQueryRaw<bool>("SELECT to_regclass(quote_ident({0})) IS NOT NULL AS \"Value\"", table).SingleAsync(ct);
            return exists ? await db.Workspaces.OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct) : [];
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new StoreBackupException($"{store.Describe()}: the database does not exist; create it first (createdb), then restore into it", e);
        }
        catch (SqliteException e)
        {
            throw new StoreBackupException($"{store.Describe()}: cannot be read as a SQLite database: {e.Message}", e);
        }
    }

    private static string SqlitePath(StoreConnection store) => Path.GetFullPath(new SqliteConnectionStringBuilder(store.ConnectionString).DataSource);

    /// <summary>
    /// A connection to <paramref name="path"/> with the store's other settings, unpooled so that the file is closed (and
    /// can be moved) when it is disposed.
    /// </summary>
    private static SqliteConnection OpenSqlite(string storeConnectionString, string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(storeConnectionString) { DataSource = path, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
