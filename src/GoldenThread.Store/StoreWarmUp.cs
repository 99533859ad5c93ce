using GoldenThread.Store.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store;

/// <summary>
/// Makes EF's services and compiles the query and save pipelines a workspace import uses, against a private, empty
/// in-memory SQLite database, so that the command line can do it on its other core while it reads the files and writes
/// the dashboard: most of a cold import is the JIT and EF's compiling, none of it tied to the real store.
/// </summary>
public static class StoreWarmUp
{
    /// <summary>Runs the warm-up. Nothing outside this process is read or written; any failure is left for the real import to meet and report.</summary>
    public static void Run()
    {
        try
        {
            // Configured as the real store is (StoreConnection.Configure), so that EF's service provider, model and query
            // caches built here are the ones the import finds; a named shared-cache database lives while one connection
            // to it is open.
            var memory = new StoreConnection(StoreProvider.Sqlite, $"Data Source=goldenthread-warm-up-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
            using var keeper = new SqliteConnection(memory.ConnectionString);
            keeper.Open();
            using var db = memory.CreateContext();
            WarmAsync(db).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // a warm-up's failure changes nothing: the import itself does the same work and reports its own
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// The shapes of <see cref="WorkspaceStore.ImportAsync"/>'s queries and save, asynchronous as it is. The database has
    /// no tables: each step is compiled and cached, which is what costs, and then fails for want of its table, which is
    /// expected. Making the tables first (EnsureCreated) cost more than all the steps: EF works out the whole schema's
    /// DDL from the model to do it.
    /// </summary>
    private static async Task WarmAsync(GoldenThreadDbContext db)
    {
        var id = "warm-up";
        var now = DateTimeOffset.UnixEpoch;
        await CompiledAsync(() => db.Workspaces.FirstOrDefaultAsync(w => w.Id == id));
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Workspaces.Add(new WorkspaceRow { Id = id, Title = id, CreatedUtc = now, UpdatedUtc = now, PlanVersion = 1, DataVersion = 1 });
        db.PlanVersions.Add(new PlanVersionRow { WorkspaceId = id, Version = 1, SourceName = id, YamlText = id, ImportedUtc = now });
        await CompiledAsync(() => db.PlanVersions.AnyAsync(p => p.WorkspaceId == id && p.Version == 1 && p.YamlText == id));
        await CompiledAsync(() => db.Values.Where(v => v.WorkspaceId == id).ExecuteDeleteAsync());
        await CompiledAsync(() => db.SaveChangesAsync());
    }

    /// <summary>Runs a step for its compiling; the missing table it then meets is expected.</summary>
    private static async Task CompiledAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is SqliteException || e.InnerException is SqliteException)
        {
        }
    }
}
