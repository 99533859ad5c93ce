using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Cycle;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using Microsoft.Extensions.Caching.Memory;

namespace GoldenThread.Web.Workspaces;

/// <summary>A workspace as the pages use it: its plan in force, its values, and LAIT where it draws on it.</summary>
public sealed record WorkspaceData(WorkspaceInfo Info, StoredPlan StoredPlan, IReadOnlyList<Observation> Values, BenchmarkData? Benchmarks)
{
    public Plan Plan => StoredPlan.Plan;

    public int? HomeLa => Info.HomeLaNumber ?? Plan.LaNumber;

    /// <summary>
    /// The quarterly cycle's reporting periods (none where the cycle is not used). Its figures and commentary are not read
    /// with it: <see cref="WorkspaceService.CycleFiguresAsync"/> reads them for the pages that show them.
    /// </summary>
    public WorkspaceCycle Cycle { get; init; } = WorkspaceCycle.None;
}

/// <summary>A workspace's reporting periods in the quarterly cycle, as of its cycle version.</summary>
public sealed record WorkspaceCycle(IReadOnlyList<ReportingPeriodInfo> Periods)
{
    public static WorkspaceCycle None { get; } = new([]);

    /// <summary>Whether the workspace runs its quarters in GoldenThread: then visitors see published periods only.</summary>
    public bool InUse => Periods.Count > 0;

    public IEnumerable<ReportingPeriodInfo> PublishedPeriods => Periods.Where(p => p.IsPublished);

    public ReportingPeriodInfo? Find(Period period) => Periods.FirstOrDefault(p => p.Period == period);
}

/// <summary>
/// What the quarterly cycle holds for a workspace's dashboards: the figures as they stand (the team's view) and as
/// published (everyone's), their commentary, and the plan each published period was published with.
/// </summary>
public sealed record CycleFigures(
    CycleValues Drafts,
    CycleValues Published,
    IReadOnlyDictionary<int, Plan> PublishedPlans,
    IReadOnlyDictionary<(string ReportingPeriod, string MeasureId), FigureCommentary> DraftCommentary,
    IReadOnlyDictionary<(string ReportingPeriod, string MeasureId), FigureCommentary> PublishedCommentary)
{
    private static readonly IReadOnlyDictionary<(string, string), FigureCommentary> NoCommentary = new Dictionary<(string, string), FigureCommentary>();

    public static CycleFigures None { get; } = new(CycleValues.Empty, CycleValues.Empty, new Dictionary<int, Plan>(), NoCommentary, NoCommentary);

    /// <summary>The commentary of a reporting period's figures, by measure id: the team's or the published.</summary>
    public IReadOnlyDictionary<string, FigureCommentary> CommentaryFor(Period reporting, bool published) =>
        (published ? PublishedCommentary : DraftCommentary)
            .Where(c => c.Key.ReportingPeriod == reporting.Label)
            .ToDictionary(c => c.Key.MeasureId, c => c.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads workspaces and computes dashboards, caching both in memory. Every request reads the workspace's row (one
/// primary-key lookup) so that a change made through any instance is seen at once. What is cached is keyed on the
/// versions it depends on, so it is never stale: the parsed plan and the imported values on the plan and data versions
/// (which imports raise), the quarterly cycle's periods and figures on the cycle version (which every save in the cycle
/// raises), and each dashboard on all three. An owner's save therefore reloads only the cycle, not the plan and values;
/// and only its periods for every request, its figures only for a page that shows them (a dashboard, a figure), so that
/// "my work" and the progress board do not wait for them after each save. Each is loaded once however many requests ask
/// for it at the same moment (docs/benchmarks.md).
/// </summary>
public sealed class WorkspaceService(WorkspaceStore store, CycleStore cycle, IMemoryCache cache, LaitBenchmarks lait, Microsoft.Extensions.Options.IOptions<Hosting.GoldenThreadOptions> options)
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };

    /// <summary>
    /// What is keyed on the cycle version is asked for again only until the next save moves the version, which while a
    /// quarter runs is seconds: a short sliding expiry lets the superseded ones go, where the size limit alone would keep
    /// thousands of them until it compacts.
    /// </summary>
    private static readonly MemoryCacheEntryOptions CycleEntry = new() { SlidingExpiration = TimeSpan.FromMinutes(2), Size = 1 };

    /// <summary>Guards the check-then-add of a shared load; held only while a load is started, never while it runs.</summary>
    private static readonly Lock Loading = new();

    public Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>
    /// The workspace this request has read, by id. A request reads the row once: the authorization handler and then the
    /// endpoint both ask for the workspace, and both are answered from the same read, as if they had asked at the same
    /// instant (this service is scoped to the request).
    /// </summary>
    private (string Id, WorkspaceData? Data)? read;

    public async Task<WorkspaceData?> GetAsync(string id, CancellationToken ct)
    {
        if (read is { } r && string.Equals(r.Id, id, StringComparison.Ordinal))
        {
            return r.Data;
        }

        var data = await ReadAsync(id, ct);
        read = (id, data);
        return data;
    }

    private async Task<WorkspaceData?> ReadAsync(string id, CancellationToken ct)
    {
        var info = await store.FindAsync(id, ct);
        if (info is null)
        {
            return null;
        }

        var imported = await Once(("imported", info.Id, info.PlanVersion, info.DataVersion), async () =>
        {
            // Not the request's token: other requests may be waiting for this load.
            var plan = await store.LoadPlanAsync(info.Id, info.PlanVersion, CancellationToken.None);
            return plan is null ? null : new WorkspaceData(info, plan, await store.LoadValuesAsync(info.Id, CancellationToken.None), info.UsesLait ? lait.Get(info.LaitFolder) : null);
        });
        if (imported is null)
        {
            return null;
        }

        var periods = await Once(new Versioned(("cycle", info.Id), info.CycleVersion), async () => new WorkspaceCycle(await cycle.PeriodsAsync(info.Id, CancellationToken.None)), CycleEntry);
        return imported with { Info = info, Cycle = periods };
    }

    /// <summary>
    /// The quarterly cycle's figures, commentary and published plans for the workspace's cycle version, read once for that
    /// version and shared (none where the cycle is not used).
    /// </summary>
    public Task<CycleFigures> CycleFiguresAsync(WorkspaceData ws) =>
        ws.Cycle.InUse
            ? Once(new Versioned(("cycle-figures", ws.Info.Id, ws.Info.PlanVersion), ws.Info.CycleVersion), () => LoadFiguresAsync(ws.Info.Id, ws.StoredPlan, ws.Cycle.Periods, CancellationToken.None), CycleEntry)
            : Task.FromResult(CycleFigures.None);

    /// <summary>
    /// A page's view model of the quarterly cycle, loaded once for the workspace's current plan and cycle versions and
    /// shared by every request until a save moves them: <paramref name="key"/> names the page and what else it depends
    /// on (the period, the day). Never anything that differs by person, such as a form's antiforgery token: a page
    /// filters and adds those per request.
    /// </summary>
    public Task<T> CycleViewAsync<T>(WorkspaceData ws, object key, Func<Task<T>> load) =>
        Once(new Versioned(("cycle-view", ws.Info.Id, ws.Info.PlanVersion, key), ws.Info.CycleVersion), load, CycleEntry);

    /// <summary>
    /// What is read about people, their roles and assignments, loaded once for the store's access version
    /// (<see cref="PeopleStore.AccessVersionAsync"/>, read by the request before it asks) and shared by every request until
    /// a change to those tables moves it. <paramref name="key"/> names what is kept.
    /// </summary>
    public Task<T> AccessViewAsync<T>(long accessVersion, object key, Func<Task<T>> load) =>
        Once(new Versioned(("access", key), accessVersion), load, CycleEntry);

    /// <summary>A dashboard's key: <see cref="GetDashboardAsync"/> keeps it there, <see cref="RowForAsync"/> looks for it.</summary>
    private static Versioned DashboardKey(WorkspaceData ws, Period? period, bool published) =>
        new(("dashboard", ws.Info.Id, ws.Info.PlanVersion, ws.Info.DataVersion, period, published), ws.Info.CycleVersion);

    /// <summary>
    /// A cache key for what depends on a version that only grows (the cycle version, the access version): <paramref name="Kind"/>
    /// names what is kept, <paramref name="Version"/> which version of it. Keys are equal when both are.
    /// </summary>
    private sealed record Versioned(object Kind, long Version);

    /// <summary>The version of a kind most recently kept, under which <see cref="Supersede"/> finds the one to drop.</summary>
    private sealed record Newest(object Kind);

    /// <summary>
    /// Drops the entry of an older version of the same kind when <paramref name="key"/> is kept (under <see cref="Loading"/>).
    /// While owners save, the cycle version moves twenty times a second: without this every version's periods, views and
    /// rows stayed for their sliding expiry, filled the cache's size limit within a minute or two, and from then on the
    /// cache refused new entries, so every request loaded its own and the pages' p99 rose tenfold (docs/benchmarks.md,
    /// sixth round). A key asked for late, older than the newest, is kept until it expires and drops nothing.
    /// </summary>
    private void Supersede(object key, MemoryCacheEntryOptions entry)
    {
        if (key is not Versioned (var kind, var version))
        {
            return;
        }

        var newest = new Newest(kind);
        if (cache.TryGetValue(newest, out long kept))
        {
            if (kept >= version)
            {
                return;
            }

            cache.Remove(new Versioned(kind, kept));
        }

        cache.Set(newest, version, entry);
    }

    /// <summary>
    /// The cached result of <paramref name="load"/> under <paramref name="key"/>, started by the first request to miss and
    /// shared with every request that misses while it runs, so a burst of requests after a save loads it once, not once
    /// each. A load that fails is forgotten, so the next request tries again.
    /// </summary>
    private Task<T> Once<T>(object key, Func<Task<T>> load, MemoryCacheEntryOptions? entry = null)
    {
        static bool Usable(Task<T>? t) => t is not null && !t.IsFaulted && !t.IsCanceled;

        if (cache.TryGetValue(key, out Task<T>? hit) && Usable(hit))
        {
            return hit!;
        }

        Task<T> task;
        lock (Loading)
        {
            if (cache.TryGetValue(key, out hit) && Usable(hit))
            {
                return hit!;
            }

            // Started on the thread pool, not here: SQLite's "async" calls run synchronously, and would hold the lock.
            task = Task.Run(load);
            cache.Set(key, task, entry ?? Entry);
            Supersede(key, entry ?? Entry);
        }

        task.ContinueWith(_ => cache.Remove(key), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        return task;
    }

    private async Task<CycleFigures> LoadFiguresAsync(string id, StoredPlan inForce, IReadOnlyList<ReportingPeriodInfo> periods, CancellationToken ct)
    {
        var plans = new Dictionary<int, Plan>();
        foreach (var version in periods.Select(p => p.PublishedPlanVersion).OfType<int>().Distinct())
        {
            plans[version] = version == inForce.Version ? inForce.Plan : (await store.LoadPlanAsync(id, version, ct))?.Plan ?? inForce.Plan;
        }

        return new CycleFigures(
            await cycle.ValuesAsync(id, published: false, ct: ct),
            await cycle.ValuesAsync(id, published: true, ct: ct),
            plans,
            await cycle.CommentaryAsync(id, published: false, ct),
            await cycle.CommentaryAsync(id, published: true, ct));
    }

    /// <summary>
    /// The period a visitor may see: where the workspace runs its quarters here, only a published one (the latest by
    /// default); elsewhere whatever was asked. The problem, when there is one, is a sentence for a 404 page.
    /// </summary>
    public static (Period? Period, string? Problem) VisiblePeriod(WorkspaceData ws, Period? asked, bool published)
    {
        if (!published || !ws.Cycle.InUse)
        {
            return (asked, null);
        }

        if (asked is { } a)
        {
            return ws.Cycle.Find(a) is { IsPublished: true } ? (a, null) : (null, $"{a.Label} has not been published.");
        }

        return ws.Cycle.PublishedPeriods.MaxBy(p => p.Period.End) is { } latest
            ? (latest.Period, null)
            : (null, "Nothing has been published yet.");
    }

    /// <summary>
    /// The dashboard a caller may see: the team's (every figure entered) for members, the published one for everyone else.
    /// Null with a sentence for a 404 when a visitor asks for a period that is not published. Throws
    /// <see cref="NothingToReportException"/> as <see cref="GetDashboardAsync"/> does.
    /// </summary>
    public async Task<(Dashboard? Dashboard, string? NotPublished)> DashboardForAsync(WorkspaceData ws, Period? asked, Store.WorkspaceAccess access)
    {
        var published = !access.ReadsInternal;
        var (period, problem) = VisiblePeriod(ws, asked, published);
        return problem is not null ? (null, problem) : (await GetDashboardAsync(ws, period, published), null);
    }

    /// <summary>The reporting period for <paramref name="asked"/>, the workspace's default, or the latest.</summary>
    public static Period? DefaultPeriod(WorkspaceData ws) =>
        ws.Info.DefaultPeriod is { } p && Period.Parse(p) is { Success: true } r ? r.Value : null;

    /// <summary>
    /// The dashboard for a period (null: the workspace's default), computed once per plan and data version.
    /// <paramref name="published"/>: as everyone may see it (only published figures of the quarterly cycle, with the plan
    /// of the time), rather than as the team sees it while the quarter runs (every figure entered). Callers resolve a
    /// visitor's period with <see cref="VisiblePeriod"/> first.
    /// </summary>
    public Task<Dashboard> GetDashboardAsync(WorkspaceData ws, Period? period, bool published = false)
    {
        var effective = period ?? DefaultPeriod(ws);
        var key = DashboardKey(ws, effective, published);
        return SharedWithFigures(ws, key, figures =>
        {
            var plan = ws.Plan;
            var values = figures.Drafts.Over(ws.Values);
            if (published)
            {
                values = figures.Published.Over(ws.Values);
                if (effective is { } p && ws.Cycle.Find(p) is { PublishedPlanVersion: { } version } && figures.PublishedPlans.TryGetValue(version, out var then))
                {
                    plan = then;
                }
            }

            return Build(ws, plan, values, effective);
        });
    }

    /// <summary>
    /// One measure's row of the team's dashboard for a period, as <see cref="GetDashboardAsync"/> gives it, for the page of one
    /// figure: taken from the whole dashboard when that is already built for these versions, otherwise worked out for the
    /// measure alone. While owners save, every save moves the cycle version, and building every row for each owner's
    /// next look at their own figure would cost the server far more than the figure. Null when the plan does not place
    /// the measure; throws <see cref="NothingToReportException"/> as <see cref="GetDashboardAsync"/> does.
    /// </summary>
    public async Task<DashboardRow?> RowForAsync(WorkspaceData ws, Period period, string measureId)
    {
        var whole = DashboardKey(ws, period, published: false);
        if (cache.TryGetValue(whole, out Lazy<Dashboard>? built) && built is { IsValueCreated: true })
        {
            return built.Value.Rows.FirstOrDefault(r => r.Measure.Id == measureId);
        }

        var key = new Versioned(("row", ws.Info.Id, ws.Info.PlanVersion, ws.Info.DataVersion, period, measureId), ws.Info.CycleVersion);
        return await SharedWithFigures(ws, key, figures =>
        {
            var row = DashboardBuilder.Row(Inputs(ws, ws.Plan, figures.Drafts.Over(ws.Values), period), measureId);
            return row is null ? null : Disclosed(row);
        }, CycleEntry);
    }

    /// <summary>
    /// <see cref="Shared"/> for a value worked out from the cycle's figures, which are read only when the value is not
    /// already made: a dashboard kept for half an hour needs no figures read again once theirs have expired.
    /// </summary>
    private async Task<T> SharedWithFigures<T>(WorkspaceData ws, object key, Func<CycleFigures, T> compute, MemoryCacheEntryOptions? entry = null)
    {
        if (cache.TryGetValue(key, out Lazy<T>? made) && made is { IsValueCreated: true })
        {
            return made.Value;
        }

        var figures = await CycleFiguresAsync(ws);
        return Shared(key, () => compute(figures), entry);
    }

    /// <summary>
    /// A value computed once under <paramref name="key"/> however many requests ask at the same moment: the first computes
    /// it, the others wait for it. What the computation throws reaches every waiting caller and is not kept.
    /// </summary>
    private T Shared<T>(object key, Func<T> compute, MemoryCacheEntryOptions? entry = null)
    {
        Lazy<T>? lazy;
        lock (Loading)
        {
            if (!cache.TryGetValue(key, out lazy) || lazy is null)
            {
                lazy = new Lazy<T>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
                cache.Set(key, lazy, entry ?? Entry);
                Supersede(key, entry ?? Entry);
            }
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }

    /// <summary>
    /// A published period's dashboard exactly as it was published: the figures of version 1 (or whichever versions were
    /// in force at <see cref="ReportingPeriodInfo.PublishedUtc"/>), the plan of the time, the commentary then.
    /// </summary>
    public async Task<(Dashboard Dashboard, IReadOnlyDictionary<string, FigureCommentary> Commentary)> AsPublishedAsync(WorkspaceData ws, ReportingPeriodInfo period, CancellationToken ct)
    {
        var at = period.PublishedUtc ?? throw new ArgumentException($"{period.Label} has not been published.", nameof(period));
        var key = new Versioned(("as-published", ws.Info.Id, ws.Info.PlanVersion, ws.Info.DataVersion, period.Label), ws.Info.CycleVersion);
        if (cache.TryGetValue(key, out (Dashboard, IReadOnlyDictionary<string, FigureCommentary>) hit))
        {
            return hit;
        }

        var values = (await cycle.ValuesAsync(ws.Info.Id, published: true, asOf: at, ct)).Over(ws.Values);
        var plan = period.PublishedPlanVersion is { } v && (await CycleFiguresAsync(ws)).PublishedPlans.TryGetValue(v, out var then) ? then : ws.Plan;
        var commentary = (await cycle.CommentaryAsync(ws.Info.Id, published: true, ct, asOf: at))
            .Where(c => c.Key.ReportingPeriod == period.Label)
            .ToDictionary(c => c.Key.MeasureId, c => c.Value, StringComparer.OrdinalIgnoreCase);
        var result = (Build(ws, plan, values, period.Period), (IReadOnlyDictionary<string, FigureCommentary>)commentary);
        lock (Loading)
        {
            cache.Set(key, result, Entry);
            Supersede(key, Entry);
        }

        return result;
    }

    /// <summary>
    /// The figures data feeds bring to a period as it opens, keyed by measure: each measure's value on the team's dashboard
    /// of that period, named by where it came from (the statutory returns or the values file when the workspace holds the
    /// value itself, LAIT when the dashboard took it from all councils' data).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (Observation Observation, string Source)>> FeedsAsync(WorkspaceData w, Period period)
    {
        Dashboard dashboard;
        try
        {
            dashboard = await GetDashboardAsync(w, period);
        }
        catch (NothingToReportException)
        {
            return new Dictionary<string, (Observation, string)>();
        }

        var arriving = new Dictionary<string, (Observation, string)>(StringComparer.Ordinal);
        foreach (var row in dashboard.Rows)
        {
            // Only a figure for the period this reporting period asks of the measure: the dashboard's latest may be older.
            if (row.Value is not { } value || row.Period is not { } at || row.Measure.Gap is not null || arriving.ContainsKey(row.Measure.Id)
                || at.WithQualifier(null) != FigurePeriod.For(row.Measure.Frequency, period))
            {
                continue;
            }

            var m = row.Measure;
            var own = w.Values.FirstOrDefault(o => string.Equals(o.MeasureId, m.Id, StringComparison.OrdinalIgnoreCase) && o.Period == at && o.Value is not null);
            if (own is not null)
            {
                arriving[m.Id] = (own with { MeasureId = m.Id }, m.ReturnMeasureId is not null ? "returns" : "values file");
            }
            else if (m.LaitCode is not null && !row.Suppressed)
            {
                arriving[m.Id] = (new Observation { MeasureId = m.Id, Period = at, Value = value, Provenance = Provenance.Computed }, "LAIT");
            }
        }

        return arriving;
    }

    private Dashboard Build(WorkspaceData ws, Plan plan, IReadOnlyList<Observation> values, Period? period)
    {
        var dashboard = DashboardBuilder.Build(Inputs(ws, plan, values, period));

        // Every page, download and API response is drawn from this, so small counts are withheld everywhere.
        var threshold = options.Value.DisclosureThreshold;
        return threshold == 0 ? dashboard : Core.Disclosure.DashboardDisclosure.Apply(dashboard, new Core.Disclosure.DisclosureRules(threshold));
    }

    /// <summary>A row withheld as <see cref="Build"/> withholds the rows of a whole dashboard.</summary>
    private DashboardRow Disclosed(DashboardRow row)
    {
        var threshold = options.Value.DisclosureThreshold;
        return threshold == 0 ? row : Core.Disclosure.DashboardDisclosure.Apply(row, new Core.Disclosure.DisclosureRules(threshold));
    }

    private static DashboardInputs Inputs(WorkspaceData ws, Plan plan, IReadOnlyList<Observation> values, Period? period) => new()
    {
        Plan = plan,
        Values = values,
        Benchmarks = ws.Benchmarks,
        HomeLa = ws.HomeLa,
        ReportingPeriod = period,
    };
}
