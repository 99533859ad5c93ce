using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoldenThread.Store.Tests;

/// <summary>
/// A process killed while it held the migration lock leaves later migrations (db migrate, report --store, the web
/// application's start) neither hanging nor silent. Each migration here runs under a cancellation that fails the test
/// rather than letting it hang, were the lock to be waited for without end.
/// </summary>
public sealed class MigrationLockTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sqlite_LockRowLeftByAKilledProcess_ClearedAndMigrated()
    {
        await using var db = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        // As EF Core leaves it when its process dies after taking the lock and before its first migration.
        await ExecuteAsync(db.Connection, """
            CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-01 23:59:58.1234567+00:00');
            """);
        var notices = new List<string>();
        using var bound = new CancellationTokenSource(Bound);

        var applied = await StoreMigrator.MigrateAsync(db.Connection, notices.Add, bound.Token);

        await using var context = db.Connection.CreateContext();
        Assert.Equal(context.Database.GetMigrations().ToList(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(bound.Token));
        Assert.Equal(0L, await ScalarAsync(db.Connection, "SELECT count(*) FROM \"__EFMigrationsLock\""));
        var notice = Assert.Single(notices);
        Assert.Contains("cleared a migration lock left since 2026-12-01 23:59:58", notice);
    }

    /// <summary>
    /// A SQLite store is left in write-ahead-log mode, where the web application's readers do not wait for a save: a new
    /// one as the migrator makes it, and one made before in rollback-journal mode on the next migrate, with nothing to apply.
    /// </summary>
    [Fact]
    public async Task Sqlite_NewStoreAndOneInRollbackMode_LeftInWriteAheadLogMode()
    {
        await using var db = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        using var bound = new CancellationTokenSource(Bound);

        await StoreMigrator.MigrateAsync(db.Connection, bound.Token);
        Assert.Equal("wal", await JournalModeAsync(db.Connection));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal("delete", await JournalModeAsync(db.Connection, "PRAGMA journal_mode = DELETE"));
        Assert.Empty(await StoreMigrator.MigrateAsync(db.Connection, bound.Token));
        Assert.Equal("wal", await JournalModeAsync(db.Connection));
    }

    private static async Task<string?> JournalModeAsync(StoreConnection connection, string sql = "PRAGMA journal_mode")
    {
        // Not pooled: a connection kept open would hold the mode it saw.
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
        await sqlite.OpenAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync() as string;
    }

    [Fact]
    public async Task Sqlite_ConnectionStringNamingAFolderThatDoesNotExist_FolderMadeAndMigrated()
    {
        // As the web application's settings may name a new store ("Data Source=/srv/goldenthread/data/store.db"): the
        // migration's lock file beside it could not be opened, and the application stopped at start with a stack trace.
        var folder = Path.Combine(Path.GetTempPath(), "goldenthread-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = Path.Combine(folder, "new", "store.db");
            var connection = StoreConnection.Parse($"Data Source={file}");
            using var bound = new CancellationTokenSource(Bound);

            var applied = await StoreMigrator.MigrateAsync(connection, _ => { }, bound.Token);

            Assert.NotEmpty(applied);
            Assert.True(File.Exists(file));
            SqliteConnection.ClearAllPools();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Sqlite_LockRowOnAnUpToDateStore_UpToDateWithoutWaiting()
    {
        await using var db = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        using var bound = new CancellationTokenSource(Bound);
        await StoreMigrator.MigrateAsync(db.Connection, bound.Token);
        await ExecuteAsync(db.Connection, "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-01 23:59:58+00:00')");

        var applied = await StoreMigrator.MigrateAsync(db.Connection, _ => { }, bound.Token);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Sqlite_AnotherProcessMigrating_WaitsThenSaysBusy()
    {
        await using var db = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        using var bound = new CancellationTokenSource(Bound);
        var file = new SqliteConnectionStringBuilder(db.Connection.ConnectionString).DataSource;
        await ExecuteAsync(db.Connection, "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)");
        // What a live migrator holds: the lock file beside the store (and EF Core's row, which must then be left alone).
        await ExecuteAsync(db.Connection, "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-02 16:00:00+00:00')");
        using (new FileStream(file + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var impatient = new StoreConnection(StoreProvider.Sqlite, new SqliteConnectionStringBuilder(db.Connection.ConnectionString) { DefaultTimeout = 1 }.ConnectionString);

            var busy = await Assert.ThrowsAsync<StoreBusyException>(() => StoreMigrator.MigrateAsync(impatient, _ => { }, bound.Token));

            Assert.Contains("another GoldenThread process has been migrating it", busy.Message);
            Assert.Equal(1L, await ScalarAsync(db.Connection, "SELECT count(*) FROM \"__EFMigrationsLock\""));
        }
    }

    /// <summary>
    /// EF Core's PostgreSQL migration lock is a table lock taken inside the migration's transaction: held by a live
    /// session it makes the next migration wait and then say the store is busy; when its session dies (as it does with a
    /// killed process) the server drops it and the next migration goes ahead.
    /// </summary>
    [Fact]
    public async Task Postgres_LockHeldBySessionThatDies_NextMigrationGoesAhead()
    {
        await using var db = await TestDatabase.CreateAsync(StoreProvider.Postgres);
        using var bound = new CancellationTokenSource(Bound);
        // A store being migrated for the first time: EF Core's history table is there and locked, nothing applied yet.
        await ExecuteAsync(db.Connection, """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" character varying(150) NOT NULL, "ProductVersion" character varying(32) NOT NULL, CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"))
            """);
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Connection.ConnectionString) { Pooling = false }.ConnectionString);
        await holder.OpenAsync(bound.Token);
        await using (var take = new NpgsqlCommand("BEGIN; LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", holder))
        {
            await take.ExecuteNonQueryAsync(bound.Token);
        }

        var impatient = new StoreConnection(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(db.Connection.ConnectionString) { CommandTimeout = 2 }.ConnectionString);
        var busy = await Assert.ThrowsAsync<StoreBusyException>(() => StoreMigrator.MigrateAsync(impatient, _ => { }, bound.Token));
        Assert.Contains("is busy", busy.Message);

        // The holder's process is killed: the server ends its session.
        await using (var context = db.Connection.CreateContext())
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend({holder.ProcessID})", bound.Token);
        }

        var applied = await StoreMigrator.MigrateAsync(db.Connection, bound.Token);

        await using var read = db.Connection.CreateContext();
        Assert.Equal(read.Database.GetMigrations().ToList(), applied);
    }

    /// <summary>Four first migrations of one store at once (four web instances starting): one applies them, the rest find them applied.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FourFirstMigrationsAtOnce_OneAppliesThem_NoneFails(StoreProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var bound = new CancellationTokenSource(Bound);
        using var start = new Barrier(4);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return await StoreMigrator.MigrateAsync(db.Connection, bound.Token);
        })));

        await using var read = db.Connection.CreateContext();
        Assert.Equal(read.Database.GetMigrations().ToList(), runs.Single(r => r.Count > 0));
        Assert.Equal(3, runs.Count(r => r.Count == 0));
    }

    private static async Task ExecuteAsync(StoreConnection connection, string sql)
    {
        await using var context = connection.CreateContext();
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<long> ScalarAsync(StoreConnection connection, string sql)
    {
        await using var sqlite = new SqliteConnection(connection.ConnectionString);
        await sqlite.OpenAsync();
        await using var cmd = sqlite.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
