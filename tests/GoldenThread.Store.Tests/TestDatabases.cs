using Npgsql;

namespace GoldenThread.Store.Tests;

/// <summary>A fresh, empty database per test: a temp SQLite file, or a new database on the test PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GOLDENTHREAD_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private TestDatabase(StoreConnection connection, Func<Task> drop)
    {
        Connection = connection;
        _drop = drop;
    }

    public StoreConnection Connection { get; }

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    public static async Task<TestDatabase> CreateAsync(StoreProvider provider)
    {
        if (provider == StoreProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "goldenthread-tests", Guid.NewGuid().ToString("N"));
            var connection = StoreConnection.ForSqliteFile(Path.Combine(dir, "store.db"));
            return new TestDatabase(connection, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
                return Task.CompletedTask;
            });
        }

        var server = ServerConnectionString();
        var name = "gt_" + Guid.NewGuid().ToString("N");
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(new StoreConnection(StoreProvider.Postgres, cs), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
    }

    /// <summary>
    /// The test server (scripts/postgres.sh exports it). Without it the PostgreSQL tests fail under CI=true, where the
    /// server must be there, and elsewhere fail with a message saying how to start one: a skipped database test would hide
    /// that half of the store was never tried.
    /// </summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run `. scripts/postgres.sh` first (scripts/test.sh does), which starts PostgreSQL on loopback and exports it.");

    public async ValueTask DisposeAsync() => await _drop();
}
