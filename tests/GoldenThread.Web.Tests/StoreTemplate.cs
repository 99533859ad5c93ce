using GoldenThread.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoldenThread.Web.Tests;

/// <summary>
/// A store the app itself has migrated and seeded with the samples on its first start, made once per provider per test
/// run; each <see cref="AppFactory"/> starts from a copy of it (a file copy for SQLite, CREATE DATABASE ... TEMPLATE for
/// PostgreSQL) instead of migrating and seeding again, which took most of a test's time.
/// </summary>
internal sealed class StoreTemplate
{
    public const string SqliteFileName = "goldenthread.db";

    private static readonly Lazy<StoreTemplate> Sqlite = new(() => Create(StoreProvider.Sqlite));
    private static readonly Lazy<StoreTemplate> Postgres = new(() => Create(StoreProvider.Postgres));

    private StoreTemplate(string source) => Source = source;

    /// <summary>The SQLite file to copy, or the PostgreSQL database to copy from.</summary>
    public string Source { get; }

    public static StoreTemplate For(StoreProvider provider) => provider == StoreProvider.Postgres ? Postgres.Value : Sqlite.Value;

    private static StoreTemplate Create(StoreProvider provider)
    {
        using var seeder = new AppFactory(provider, template: null);
        _ = seeder.Services; // starts the app: migrates the empty store and seeds the samples

        // The start also made the app's data-protection key; each test's app makes its own, as a fresh installation does.
        using (var db = new StoreConnection(provider, seeder.ConnectionString).CreateContext())
        {
            db.DataProtectionKeys.ExecuteDelete();
        }

        if (provider == StoreProvider.Postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(seeder.ConnectionString).Database!;
            seeder.KeepStore = true;
            seeder.Dispose();

            // PostgreSQL copies only a database nobody is connected to: close the pooled connections the app left, and
            // let nothing connect to the template again.
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable(AppFactory.PostgresVariable)!;
            using (var conn = new NpgsqlConnection(server))
            {
                conn.Open();
                using var close = new NpgsqlCommand(
                    $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false; "
                    + $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", conn);
                close.ExecuteNonQuery();
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server, database);
            return new StoreTemplate(database);
        }

        // SQLite's backup gives one self-contained file (the store is in WAL mode), safe to copy while nothing holds it.
        var file = Path.Combine(Path.GetTempPath(), "goldenthread-web-tests", "template-" + Guid.NewGuid().ToString("N") + ".db");
        using (var from = new SqliteConnection(seeder.ConnectionString + ";Pooling=False"))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return new StoreTemplate(file);
    }

    private static void Drop(string server, string database)
    {
        try
        {
            using var conn = new NpgsqlConnection(server);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The throwaway server may already be gone; it takes the template with it.
        }
    }
}

/// <summary>LAIT's published files read once for every app of the test run, rather than on each app's start.</summary>
internal static class SharedLait
{
    public static GoldenThread.Web.Workspaces.LaitBenchmarks Instance { get; } = new(
        Microsoft.Extensions.Options.Options.Create(new GoldenThread.Web.Hosting.GoldenThreadOptions()),
        // Only to say where LAIT's parsed cache is kept: one folder for every test run of this machine, so that a run
        // after the first reads the cache (checked against the files, as always) instead of parsing.
        new GoldenThread.Store.StoreConnection(GoldenThread.Store.StoreProvider.Sqlite, "Data Source=" + Path.Combine(Path.GetTempPath(), "goldenthread-web-tests", "lait.db")),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<GoldenThread.Web.Workspaces.LaitBenchmarks>.Instance);
}
