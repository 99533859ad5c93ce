using GoldenThread.Core.Measures;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using GoldenThread.Web.Workspaces;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// What an owner's save renews in the pages' cache (docs/benchmarks.md): the quarterly cycle's periods, figures and the
/// dashboards, at once, while the parsed plan and the imported values stay cached; and a burst of requests after a save
/// loads the cycle once, not once each.
/// </summary>
public sealed class WorkspaceCacheTests
{
    private const string Leics = TestPerson.Leicestershire;
    private const string Quarter = "2022/23 Q3";

    private static readonly Actor System = new(null, "Test set-up", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));

    private static async Task<T> InScope<T>(AppFactory app, Func<IServiceProvider, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    private static Task<WorkspaceData> Workspace(AppFactory app) =>
        InScope(app, async sp => (await sp.GetRequiredService<WorkspaceService>().GetAsync(Leics, CancellationToken.None))!);

    /// <summary>Opens the quarter for the sample's plan, with nothing arriving from data feeds.</summary>
    private static async Task OpenQuarter(AppFactory app)
    {
        var w = await Workspace(app);
        var opened = await InScope(app, sp => sp.GetRequiredService<CycleStore>().OpenAsync(Leics, CycleStore.ReportingPeriodOf(Quarter),
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), w.Plan, new Dictionary<string, (Observation, string)>(), System));
        Assert.True(opened.Succeeded, opened.Message);
    }

    [Theory]
    [MemberData(nameof(QuarterUploadPagesTests.Providers), MemberType = typeof(QuarterUploadPagesTests))]
    public async Task OwnersSave_RenewsTheCycleAndDashboard_KeepsThePlanAndValues(StoreProvider provider)
    {
        using var app = new AppFactory(provider);
        var before = await Workspace(app);
        var opened = await InScope(app, sp => sp.GetRequiredService<CycleStore>().OpenAsync(Leics, CycleStore.ReportingPeriodOf(Quarter),
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), before.Plan, new Dictionary<string, (Observation, string)>(), System));
        Assert.True(opened.Succeeded, opened.Message);

        var open = await Workspace(app);
        var period = Assert.Single(open.Cycle.Periods).Period;
        var openFigures = await InScope(app, sp => sp.GetRequiredService<WorkspaceService>().CycleFiguresAsync(open));
        var figure = await InScope(app, async sp => (await sp.GetRequiredService<CycleStore>().FindFigureAsync(Leics, Quarter, "a1-gld"))!);
        var saved = await InScope(app, sp => sp.GetRequiredService<CycleStore>().EnterAsync(Leics, Quarter, "a1-gld", new() { Value = "70" }, figure.Revision, open.Plan, System));
        Assert.True(saved.Succeeded, saved.Message);

        var after = await Workspace(app);
        Assert.Same(open.StoredPlan, after.StoredPlan);
        Assert.Same(open.Values, after.Values);
        Assert.NotSame(open.Cycle, after.Cycle);
        Assert.Equal(open.Info.DataVersion, after.Info.DataVersion);
        Assert.Equal(open.Info.CycleVersion + 1, after.Info.CycleVersion);

        var (afterFigures, afterAgain) = await InScope(app, async sp =>
        {
            var service = sp.GetRequiredService<WorkspaceService>();
            return (await service.CycleFiguresAsync(after), await service.CycleFiguresAsync(after));
        });
        Assert.NotSame(openFigures, afterFigures);
        Assert.Contains(afterFigures.Drafts.Values, o => o.MeasureId == "a1-gld" && o.Period == figure.Period && o.Value == 70);
        Assert.DoesNotContain(openFigures.Drafts.Values, o => o.MeasureId == "a1-gld" && o.Value == 70);
        Assert.Same(afterFigures, afterAgain);
        var dashboards = await InScope(app, async sp =>
        {
            var service = sp.GetRequiredService<WorkspaceService>();
            return (Open: await service.GetDashboardAsync(open, period), After: await service.GetDashboardAsync(after, period), Again: await service.GetDashboardAsync(after, period));
        });
        Assert.NotSame(dashboards.Open, dashboards.After);
        Assert.Same(dashboards.After, dashboards.Again);
    }

    /// <summary>
    /// A figure's page shows its measure's row of the team's dashboard, worked out for that measure alone while the
    /// whole dashboard is not built: it must be the very row the whole dashboard gives, for every measure of the plan.
    /// </summary>
    [Fact]
    public async Task FigurePagesRow_BuiltAlone_IsTheWholeDashboardsRow_ForEveryMeasure()
    {
        using var app = new AppFactory(StoreProvider.Sqlite);
        await OpenQuarter(app);
        var open = await Workspace(app);
        var period = Assert.Single(open.Cycle.Periods).Period;

        var (alone, whole) = await InScope(app, async sp =>
        {
            var service = sp.GetRequiredService<WorkspaceService>();
            var rows = new List<(string Id, GoldenThread.Core.Dashboard.DashboardRow? Row)>();
            foreach (var m in open.Plan.Measures)
            {
                rows.Add((m.Id, await service.RowForAsync(open, period, m.Id)));
            }

            return (rows, await service.GetDashboardAsync(open, period));
        });

        Assert.Equal(open.Plan.Measures.Count, alone.Count);
        Assert.Contains(alone, a => a.Row?.Value is not null);
        foreach (var (id, row) in alone)
        {
            var expected = whole.Rows.FirstOrDefault(r => r.Measure.Id == id);
            Assert.Equal(Json(expected), Json(row));
        }
    }

    private static string Json(object? value) => global::System.Text.Json.JsonSerializer.Serialize(value);

    [Fact]
    public async Task ManyRequestsAfterASave_ShareOneLoadOfTheCycle()
    {
        using var app = new AppFactory(StoreProvider.Sqlite);
        await OpenQuarter(app);

        var burst = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Workspace(app))));

        Assert.All(burst, b => Assert.Same(burst[0].Cycle, b.Cycle));
        Assert.Single(burst[0].Cycle.Periods);

        var figures = await Task.WhenAll(burst.Select(b => Task.Run(() => InScope(app, sp => sp.GetRequiredService<WorkspaceService>().CycleFiguresAsync(b)))));
        Assert.All(figures, f => Assert.Same(figures[0], f));
    }

    /// <summary>
    /// While owners save, the cycle version moves with every save; what was kept for an older version must go when the
    /// newer is kept, or the cache fills to its size limit and then refuses every new entry (docs/benchmarks.md, sixth
    /// round). After each of a run of saves, the same pages' worth of reads must leave the cache no larger than after the
    /// first.
    /// </summary>
    [Fact]
    public async Task SavesOneAfterAnother_DropWhatTheyMadeStale_TheCacheDoesNotGrow()
    {
        using var app = new AppFactory(StoreProvider.Sqlite);
        await OpenQuarter(app);
        var cache = Assert.IsType<MemoryCache>(app.Services.GetRequiredService<IMemoryCache>());

        var sizes = new List<long>();
        var views = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var now = await Workspace(app);
            var period = Assert.Single(now.Cycle.Periods).Period;
            await InScope(app, async sp =>
            {
                var service = sp.GetRequiredService<WorkspaceService>();
                await service.RowForAsync(now, period, "a1-gld");
                await service.GetDashboardAsync(now, period);
                views.Add(await service.CycleViewAsync(now, "test view", () => Task.FromResult(now.Info.CycleVersion)));
                return await service.AccessViewAsync(now.Info.CycleVersion, "test access view", () => Task.FromResult(i));
            });
            sizes.Add(cache.Count);

            var figure = await InScope(app, async sp => (await sp.GetRequiredService<CycleStore>().FindFigureAsync(Leics, Quarter, "a1-gld"))!);
            var saved = await InScope(app, sp => sp.GetRequiredService<CycleStore>().EnterAsync(Leics, Quarter, "a1-gld",
                new() { Value = (70 + i).ToString(global::System.Globalization.CultureInfo.InvariantCulture) }, figure.Revision, now.Plan, System));
            Assert.True(saved.Succeeded, saved.Message);
        }

        // Each read was of the version just saved, never an older one kept.
        Assert.Equal(views.Distinct().Count(), views.Count);
        Assert.All(sizes.Skip(1), size => Assert.Equal(sizes[0], size));
    }
}
