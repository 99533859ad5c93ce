using System.Data.Common;
using GoldenThread.Store.Cycle;
using Microsoft.EntityFrameworkCore;
using static GoldenThread.Store.Tests.Cycle.CycleFixture;

namespace GoldenThread.Store.Tests.Cycle;

/// <summary>The audit trail is append-only: the application refuses to change it, and so does the database itself.</summary>
public sealed class AuditTrailTests
{
    private static async Task<CycleFixture> WithTrail(StoreProvider provider)
    {
        var f = await CreateAsync(provider);
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", new FigureEntry { Value = "61.5" }, 1, f.Plan, Owner)).Succeeded);
        return f;
    }

    private static async Task<List<(long, string, string?, string?)>> Rows(CycleFixture f)
    {
        await using var db = f.Connection.CreateContext();
        return (await db.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => (a.Id, a.Field, a.NewValue, a.Reason)).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DbContext_UpdateOrDeleteAnAuditRow_Throws(StoreProvider provider)
    {
        await using var f = await WithTrail(provider);
        var before = await Rows(f);

        await using (var db = f.Connection.CreateContext())
        {
            var row = await db.Audit.FirstAsync(a => a.Field == "value");
            row.NewValue = "99";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = f.Connection.CreateContext())
        {
            db.Audit.Remove(await db.Audit.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = f.Connection.CreateContext())
        {
            db.Audit.RemoveRange(await db.Audit.ToListAsync());
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        Assert.Equal(before, await Rows(f));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RawSql_UpdateOrDeleteOnTheAuditTable_RefusedByTheDatabase(StoreProvider provider)
    {
        await using var f = await WithTrail(provider);
        var before = await Rows(f);
        await using var db = f.Connection.CreateContext();

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit SET \"NewValue\" = '99'"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Audit.Where(a => a.Field == "state").ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<DbException>(() => db.Audit.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "rewritten")));

        Assert.Equal(before, await Rows(f));
        Assert.Equal(3, before.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddingAnAuditRow_StillAllowed(StoreProvider provider)
    {
        await using var f = await WithTrail(provider);

        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", new FigureEntry { Value = "62" }, 2, f.Plan, Owner)).Succeeded);

        Assert.Equal(4, (await Rows(f)).Count);
    }
}
