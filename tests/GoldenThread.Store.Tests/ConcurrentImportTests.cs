using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace GoldenThread.Store.Tests;

/// <summary>
/// Imports into one store at the same time take turns: each one succeeds after the other, or waits and then says the
/// store is busy with nothing of it written; never a unique-key failure from two imports both creating the workspace or
/// both adding plan version N+1.
/// </summary>
public sealed class ConcurrentImportTests
{
    private const string PlanYaml = """
        plan: Race plan
        la: 855
        years: 2020-2023
        themes:
          - id: T1
            title: Theme one
            outcomes:
              - id: T1.O1
                title: Outcome one
                measures: [m1]
        measures:
          - id: m1
            title: Measure one
            unit: count
            polarity: lower-is-better
            frequency: financial-year
        """;

    private static string Values(int value) => $"measure,period,value\nm1,2021/22,{value}\n";

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);
    }

    /// <summary>Runs another import once, just before this context's transaction begins: after anything it read first.</summary>
    private sealed class ImportFirst(Func<Task> other) : DbTransactionInterceptor
    {
        private Func<Task>? _other = other;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _other, null) is { } run)
            {
                await run();
            }

            return result;
        }
    }

    private static WorkspaceImport Import(int value) => new() { WorkspaceId = "race", PlanYaml = PlanYaml, ValuesText = Values(value) };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_AnotherCreatesTheWorkspaceFirst_BothSucceedInTurn(StoreProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await StoreMigrator.MigrateAsync(db.Connection);
        var options = new DbContextOptionsBuilder<GoldenThreadDbContext>(db.Connection.Options())
            .AddInterceptors(new ImportFirst(async () =>
            {
                await using var other = db.Connection.CreateContext();
                await new WorkspaceStore(other, new Clock()).ImportAsync(Import(7));
            }))
            .Options;
        await using var racing = new GoldenThreadDbContext(options);

        var info = await new WorkspaceStore(racing, new Clock()).ImportAsync(Import(9));

        // The same plan twice is one version; each import moves the data version once; the last one's value stands.
        Assert.Equal((1, 2), (info.PlanVersion, info.DataVersion));
        await using var read = db.Connection.CreateContext();
        Assert.Equal([9.0], (await new WorkspaceStore(read, new Clock()).LoadValuesAsync("race")).Select(v => v.Value!.Value));
        Assert.Equal(1, await read.PlanVersions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FourAtOnce_AllSucceed_NoVersionLost(StoreProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await StoreMigrator.MigrateAsync(db.Connection);
        using var start = new Barrier(4);

        var imports = Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            await using var context = db.Connection.CreateContext();
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            // Each a different plan, so each must become a version of its own.
            return await new WorkspaceStore(context, new Clock()).ImportAsync(Import(i) with { PlanYaml = PlanYaml.Replace("Race plan", $"Race plan {i}", StringComparison.Ordinal) });
        })).ToList();
        var infos = await Task.WhenAll(imports);

        Assert.Equal([1, 2, 3, 4], infos.Select(i => i.PlanVersion).Order());
        Assert.Equal([1, 2, 3, 4], infos.Select(i => i.DataVersion).Order());
        await using var read = db.Connection.CreateContext();
        Assert.Equal(4, await read.PlanVersions.CountAsync());
        Assert.Single(await read.Values.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_StoreHeldLongerThanTheTimeout_SaysBusy_WritesNothing(StoreProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await StoreMigrator.MigrateAsync(db.Connection);
        await using (var first = db.Connection.CreateContext())
        {
            await new WorkspaceStore(first, new Clock()).ImportAsync(Import(1));
        }

        // Another process in the middle of its own import of the workspace, holding the lock it holds.
        await using var holder = await HoldImportLockAsync(db.Connection);
        var impatient = provider == StoreProvider.Sqlite
            ? new StoreConnection(provider, new SqliteConnectionStringBuilder(db.Connection.ConnectionString) { DefaultTimeout = 1 }.ConnectionString)
            : new StoreConnection(provider, new NpgsqlConnectionStringBuilder(db.Connection.ConnectionString) { CommandTimeout = 1 }.ConnectionString);
        await using var context = impatient.CreateContext();

        var busy = await Assert.ThrowsAsync<StoreBusyException>(() => new WorkspaceStore(context, new Clock()).ImportAsync(Import(2)));

        Assert.Contains("is busy", busy.Message);
        Assert.Contains("nothing was written", busy.Message);
        await holder.DisposeAsync();
        await using var read = db.Connection.CreateContext();
        Assert.Equal([1.0], (await new WorkspaceStore(read, new Clock()).LoadValuesAsync("race")).Select(v => v.Value!.Value));
        Assert.Equal(1, (await read.Workspaces.SingleAsync()).DataVersion);
    }

    private static async Task<DbConnection> HoldImportLockAsync(StoreConnection connection)
    {
        DbConnection held = connection.Provider == StoreProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
        await held.OpenAsync();
        await using var cmd = held.CreateCommand();
        cmd.CommandText = connection.Provider == StoreProvider.Sqlite
            ? "BEGIN IMMEDIATE"
            : "BEGIN; SELECT pg_advisory_xact_lock(hashtext('goldenthread.import'), hashtext('race'))";
        await cmd.ExecuteNonQueryAsync();
        return held;
    }
}
