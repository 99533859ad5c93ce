using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Data.Values;
using GoldenThread.Store.Cycle;

namespace GoldenThread.Store.Tests.Cycle;

/// <summary>A clock that moves on a minute each time it is read, so each save's audit records have a time of their own.</summary>
public sealed class TickingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            _now = _now.AddMinutes(1);
            return _now;
        }
    }
}

/// <summary>
/// A small workspace for the cycle's tests: four measures that take figures (m2 fed by LAIT), one gap measure that does
/// not, an officer and a contributor who owns m1 only.
/// </summary>
public sealed class CycleFixture : IAsyncDisposable
{
    public const string Ws = "cycle";
    public const string Q3 = "2015/16 Q3";

    public const string PlanYaml = """
        plan: Cycle test plan
        la: 855
        years: 2015-2018
        themes:
          - id: T1
            title: Theme one
            outcomes:
              - id: T1.O1
                title: Outcome one
                measures: [m1, m2, m3, m4, g1]
        measures:
          - id: m1
            title: Measure one
            unit: percentage
            polarity: higher-is-better
            owner: Owner One
          - id: m2
            title: Measure two (from LAIT)
            unit: count
            polarity: lower-is-better
          - id: m3
            title: Measure three
            unit: percentage
            polarity: higher-is-better
          - id: m4
            title: Measure four
            unit: percentage
            polarity: higher-is-better
          - id: g1
            title: Gap between three and four
            unit: percentage
            polarity: lower-is-better
            gap:
              group: m3
              comparison: m4
        """;

    public static readonly Actor Officer = new("officer-id", "Olive Officer", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));

    public static readonly Actor Owner = new("owner-id", "Owner One", new WorkspaceAccess(WorkspaceRole.Contributor, false, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "m1" }, new HashSet<string>()));

    public static readonly Period Quarter = Period.FinancialQuarter(2015, 3);

    private readonly TestDatabase _database;

    private CycleFixture(TestDatabase database, GoldenThreadDbContext db, Plan plan)
    {
        _database = database;
        Db = db;
        Plan = plan;
        Cycle = new CycleStore(db, Clock);
    }

    public TickingClock Clock { get; } = new(new DateTimeOffset(2016, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public GoldenThreadDbContext Db { get; }

    public CycleStore Cycle { get; }

    public Plan Plan { get; }

    public StoreConnection Connection => _database.Connection;

    /// <summary>A migrated store with the workspace imported; with <paramref name="open"/>, 2015/16 Q3 opened with m2 = 12 from LAIT.</summary>
    public static async Task<CycleFixture> CreateAsync(StoreProvider provider, bool open = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await StoreMigrator.MigrateAsync(database.Connection);
        var db = database.Connection.CreateContext();
        var store = new WorkspaceStore(db, TimeProvider.System);
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = Ws, PlanYaml = PlanYaml });
        var plan = (await store.LoadPlanAsync(Ws, 1))!.Plan;
        var fixture = new CycleFixture(database, db, plan);
        if (open)
        {
            var result = await fixture.Cycle.OpenAsync(Ws, Quarter, new DateOnly(2016, 1, 29), plan, Feed(("m2", 12)), Officer);
            Assert.True(result.Succeeded, result.Message);
        }

        return fixture;
    }

    public static IReadOnlyDictionary<string, (Observation Observation, string Source)> Feed(params (string Measure, double Value)[] values) =>
        values.ToDictionary(v => v.Measure, v => (new Observation { MeasureId = v.Measure, Period = Quarter, Value = v.Value }, "LAIT"));

    public IReadOnlyList<ValuesRow> Csv(string text) => ValuesReader.ReadCsvRows(new StringReader(text), "q3.csv", Plan);

    public async Task<Figure> FigureAsync(string measure) => (await Cycle.FindFigureAsync(Ws, Q3, measure))!;

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
