using GoldenThread.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace GoldenThread.Web.Tests;

/// <summary>An editor for a test: the password in clear, hashed by the test itself with the shared framework's hasher.</summary>
public sealed record TestEditor(string Name, string UserName, string Password, string? HashInConfiguration = null)
{
    public static readonly TestEditor HeadOfService = new("Head of Service <Early Years>", "hos@council.example", "correct horse battery staple");

    public string Hash() => HashInConfiguration ?? new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), Password);
}

/// <summary>The app over its own empty store (a temp SQLite file, or a new PostgreSQL database), seeded with the samples on start.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "GOLDENTHREAD_TEST_POSTGRES";

    /// <summary>The editors configured in GoldenThread:Editors (none unless a test gives some).</summary>
    public IReadOnlyList<TestEditor> Editors { get; init; } = [];

    /// <summary>Another instance's store (its <see cref="ConnectionString"/>) instead of this factory's own: two instances of one installation.</summary>
    public string? SharedConnectionString { get; init; }

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
        builder.UseSetting("GoldenThread:Store:ConnectionString", SharedConnectionString ?? ConnectionString);
        builder.UseSetting("GoldenThread:SeedSamples", "true");
        for (var i = 0; i < Editors.Count; i++)
        {
            builder.UseSetting($"GoldenThread:Editors:{i}:Name", Editors[i].Name);
            builder.UseSetting($"GoldenThread:Editors:{i}:UserName", Editors[i].UserName);
            builder.UseSetting($"GoldenThread:Editors:{i}:PasswordHash", Editors[i].Hash());
        }
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
