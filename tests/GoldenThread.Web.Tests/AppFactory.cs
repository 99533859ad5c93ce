using GoldenThread.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace GoldenThread.Web.Tests;

/// <summary>The app over its own empty store (a temp SQLite file, or a new PostgreSQL database), seeded with the samples on start.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "GOLDENTHREAD_TEST_POSTGRES";

    private readonly StoreProvider _provider;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "goldenthread-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _pgServer;
    private readonly string _pgDatabase = "gtweb_" + Guid.NewGuid().ToString("N");

    public AppFactory(StoreProvider provider = StoreProvider.Sqlite)
    {
        _provider = provider;
        Directory.CreateDirectory(_dir);
        if (provider == StoreProvider.Postgres)
        {
            _pgServer = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException($"{PostgresVariable} is not set: run `. scripts/postgres.sh` first (scripts/test.sh does).");
            using var conn = new NpgsqlConnection(_pgServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
            cmd.ExecuteNonQuery();
        }
    }

    public string ConnectionString => _provider == StoreProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString
        : "Data Source=" + Path.Combine(_dir, "goldenthread.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("GoldenThread:Store:Provider", _provider.ToString());
        builder.UseSetting("GoldenThread:Store:ConnectionString", ConnectionString);
        builder.UseSetting("GoldenThread:SeedSamples", "true");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (_provider == StoreProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_pgServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the server being shut down; the temp folder is cleaned by the system.
            }
        }
    }
}
