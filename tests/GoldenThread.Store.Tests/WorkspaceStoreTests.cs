using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Data;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store.Tests;

public sealed class WorkspaceStoreTests
{
    private const string PlanYaml = """
        plan: Test plan
        la: 855
        years: 2020-2023
        themes:
          - id: T1
            title: Theme one
            outcomes:
              - id: T1.O1
                title: Outcome one
                measures: [m1, m2]
        measures:
          - id: m1
            title: Measure one
            unit: percentage
            polarity: higher-is-better
            frequency: quarterly
          - id: m2
            title: Measure two
            unit: count
            polarity: lower-is-better
            frequency: academic-year
        """;

    private const string GoodValues = """
        measure,period,value,numerator,denominator,status,note,england,sn_average,quartile
        m1,2019/20 Q3,,2,339,provisional,a note,2.1,2.4,1
        m2,2019/20,12,,,,,,,
        """;

    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<(TestDatabase Db, WorkspaceStore Store, GoldenThreadDbContext Context)> OpenAsync(StoreProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await StoreMigrator.MigrateAsync(db.Connection);
        var context = db.Connection.CreateContext();
        return (db, new WorkspaceStore(context, new FixedClock(Now)), context);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_PlanAndValues_RoundTripsEveryField(StoreProvider provider)
    {
        var (db, store, context) = await OpenAsync(provider);
        await using var _ = db;
        await using var __ = context;

        var info = await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml, ValuesText = GoodValues, UsesLait = true, DefaultPeriod = "2019/20 Q3" });

        Assert.Equal((1, 1, "Test plan", true), (info.PlanVersion, info.DataVersion, info.Title, info.UsesLait));
        var plan = await store.LoadPlanAsync("test", 1);
        Assert.Equal("Test plan", plan!.Plan.Name);
        var values = (await store.LoadValuesAsync("test")).OrderBy(v => v.MeasureId).ToList();
        Assert.Equal(2, values.Count);
        var m1 = values[0];
        Assert.Equal(Period.FinancialQuarter(2019, 3), m1.Period);
        Assert.Equal(2 * 100.0 / 339, m1.Value!.Value, 12);
        Assert.Equal((2.0, 339.0, ValueStatus.Provisional, "a note"), (m1.Numerator, m1.Denominator, m1.Status, m1.Note));
        Assert.Equal((2.1, 2.4, 1), (m1.Benchmarks!.England, m1.Benchmarks.StatisticalNeighbourAverage, m1.Benchmarks.Quartile));
        // An academic-year value must come back as the academic year, not the financial year its label also reads as.
        Assert.Equal(Period.AcademicYear(2019), values[1].Period);
        Assert.Null(values[1].Benchmarks);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_SuppliedJudgements_RoundTripWithTheirReasons(StoreProvider provider)
    {
        var (db, store, context) = await OpenAsync(provider);
        await using var _ = db;
        await using var __ = context;
        const string values = """
            measure,period,value,direction,direction_reason,rag,rag_reason
            m1,2019/20 Q3,5,no significant change,Appendix A: Same,green,Appendix A: G
            m2,2019/20,12,declined,para 16,,
            """;

        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml, ValuesText = values });

        var loaded = (await store.LoadValuesAsync("test")).OrderBy(v => v.MeasureId).ToList();
        Assert.Equal((GoldenThread.Core.Judgements.Direction.NoSignificantChange, "Appendix A: Same"), (loaded[0].SuppliedDirection!.Outcome, loaded[0].SuppliedDirection!.Reason));
        Assert.Equal((GoldenThread.Core.Judgements.Rag.Green, "Appendix A: G"), (loaded[0].SuppliedRag!.Outcome, loaded[0].SuppliedRag!.Reason));
        Assert.Equal(GoldenThread.Core.Judgements.Direction.Declined, loaded[1].SuppliedDirection!.Outcome);
        Assert.Null(loaded[1].SuppliedRag);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_BadValues_LeavesStoredPlanAndValuesUntouched(StoreProvider provider)
    {
        var (db, store, context) = await OpenAsync(provider);
        await using var _ = db;
        await using var __ = context;
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml, ValuesText = GoodValues });

        var bad = GoodValues + "\nm1,2019/20 Q4,n/a,,,,,,,";
        var changedPlan = PlanYaml.Replace("Test plan", "Changed plan");
        var e = await Assert.ThrowsAsync<InputException>(() =>
            store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = changedPlan, ValuesText = bad, ValuesSourceName = "bad.csv" }));

        Assert.Contains("bad.csv:4: column 'value': 'n/a' is not a number", e.Message);
        var info = await store.FindAsync("test");
        Assert.Equal((1, 1, "Test plan"), (info!.PlanVersion, info.DataVersion, (await store.LoadPlanAsync("test", 1))!.Plan.Name));
        Assert.Equal(2, (await store.LoadValuesAsync("test")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_NewPlan_KeepsHistoryAndRaisesVersions(StoreProvider provider)
    {
        var (db, store, context) = await OpenAsync(provider);
        await using var _ = db;
        await using var __ = context;
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml, ValuesText = GoodValues });

        var info = await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml.Replace("Test plan", "Refreshed plan") });

        Assert.Equal((2, 2), (info.PlanVersion, info.DataVersion));
        Assert.Equal("Test plan", (await store.LoadPlanAsync("test", 1))!.Plan.Name);
        Assert.Equal("Refreshed plan", (await store.LoadPlanAsync("test", 2))!.Plan.Name);
        Assert.Equal([1, 2], (await store.PlanHistoryAsync("test")).Select(h => h.Version));
        Assert.Equal(2, (await store.LoadValuesAsync("test")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_SamePlanAgain_KeepsItsVersion(StoreProvider provider)
    {
        var (db, store, context) = await OpenAsync(provider);
        await using var _ = db;
        await using var __ = context;
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml, ValuesText = GoodValues });

        var info = await store.ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml, ValuesText = GoodValues });

        Assert.Equal((1, 2), (info.PlanVersion, info.DataVersion));
        Assert.Equal([1], (await store.PlanHistoryAsync("test")).Select(h => h.Version));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddCommentaryAsync_TwoComments_HistoryOldestFirst(StoreProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var _ = db;
        await StoreMigrator.MigrateAsync(db.Connection);
        await using (var c0 = db.Connection.CreateContext())
        {
            await new WorkspaceStore(c0, new FixedClock(Now)).ImportAsync(new WorkspaceImport { WorkspaceId = "test", PlanYaml = PlanYaml });
        }

        await using (var c1 = db.Connection.CreateContext())
        {
            await new WorkspaceStore(c1, new FixedClock(Now.AddHours(2))).AddCommentaryAsync("test", "m1", "2019/20 Q3", "Head of Service", "Second, written later");
        }

        await using (var c2 = db.Connection.CreateContext())
        {
            await new WorkspaceStore(c2, new FixedClock(Now)).AddCommentaryAsync("test", "m1", "2019/20 Q3", " Director ", " First ");
        }

        await using var c3 = db.Connection.CreateContext();
        var history = await new WorkspaceStore(c3, new FixedClock(Now)).CommentaryAsync("test", "m1");

        Assert.Equal(["First", "Second, written later"], history.Select(h => h.Text));
        Assert.Equal("Director", history[0].Author);
        Assert.Equal(Now, history[0].CreatedUtc);
    }

    [Theory]
    [InlineData("Leicestershire")]
    [InlineData("a b")]
    [InlineData("")]
    public void CheckId_NotASlug_Throws(string id) =>
        Assert.Throws<InputException>(() => WorkspaceStore.CheckId(id));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigrateAsync_FreshDatabase_AppliesEachMigrationOnceOnly(StoreProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var _ = db;

        var first = await StoreMigrator.MigrateAsync(db.Connection);
        var second = await StoreMigrator.MigrateAsync(db.Connection);

        Assert.Equal(6, first.Count);
        Assert.EndsWith("_InitialSchema", first[0]);
        Assert.EndsWith("_SuppliedJudgements", first[1]);
        Assert.EndsWith("_Accounts", first[2]);
        Assert.EndsWith("_QuarterlyCycle", first[3]);
        Assert.EndsWith("_CycleVersion", first[4]);
        Assert.EndsWith("_AccessVersion", first[5]);
        Assert.Empty(second);
        await using var context = db.Connection.CreateContext();
        Assert.Empty(await context.Workspaces.ToListAsync());
    }
}
