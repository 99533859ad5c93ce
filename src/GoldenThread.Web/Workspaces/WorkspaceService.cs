using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Store;
using Microsoft.Extensions.Caching.Memory;

namespace GoldenThread.Web.Workspaces;

/// <summary>A workspace as the pages use it: its plan in force, its values, and LAIT where it draws on it.</summary>
public sealed record WorkspaceData(WorkspaceInfo Info, StoredPlan StoredPlan, IReadOnlyList<Observation> Values, BenchmarkData? Benchmarks)
{
    public Plan Plan => StoredPlan.Plan;

    public int? HomeLa => Info.HomeLaNumber ?? Plan.LaNumber;
}

/// <summary>
/// Reads workspaces and computes dashboards, caching both in memory. Every request reads the workspace's row (one
/// primary-key lookup) so that a new import made through any instance is seen at once; the parsed plan, the values and
/// each computed dashboard are cached under the plan and data versions, so they are never stale and never recomputed.
/// </summary>
public sealed class WorkspaceService(WorkspaceStore store, IMemoryCache cache, LaitBenchmarks lait, Microsoft.Extensions.Options.IOptions<Hosting.GoldenThreadOptions> options)
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };

    public Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    public async Task<WorkspaceData?> GetAsync(string id, CancellationToken ct)
    {
        var info = await store.FindAsync(id, ct);
        if (info is null)
        {
            return null;
        }

        var key = ("workspace", info.Id, info.PlanVersion, info.DataVersion);
        if (cache.TryGetValue(key, out WorkspaceData? data) && data is not null)
        {
            return data with { Info = info };
        }

        var plan = await store.LoadPlanAsync(info.Id, info.PlanVersion, ct);
        if (plan is null)
        {
            return null;
        }

        var values = await store.LoadValuesAsync(info.Id, ct);
        data = new WorkspaceData(info, plan, values, info.UsesLait ? lait.Get(info.LaitFolder) : null);
        cache.Set(key, data, Entry);
        return data;
    }

    /// <summary>The reporting period for <paramref name="asked"/>, the workspace's default, or the latest.</summary>
    public static Period? DefaultPeriod(WorkspaceData ws) =>
        ws.Info.DefaultPeriod is { } p && Period.Parse(p) is { Success: true } r ? r.Value : null;

    /// <summary>The dashboard for a period (null: the workspace's default), computed once per plan and data version.</summary>
    public Dashboard GetDashboard(WorkspaceData ws, Period? period)
    {
        var effective = period ?? DefaultPeriod(ws);
        var key = ("dashboard", ws.Info.Id, ws.Info.PlanVersion, ws.Info.DataVersion, effective);
        return cache.GetOrCreate(key, e =>
        {
            e.SetOptions(Entry);
            var dashboard = DashboardBuilder.Build(new DashboardInputs
            {
                Plan = ws.Plan,
                Values = ws.Values,
                Benchmarks = ws.Benchmarks,
                HomeLa = ws.HomeLa,
                ReportingPeriod = effective,
            });

            // Every page, download and API response is drawn from this, so small counts are withheld everywhere.
            var threshold = options.Value.DisclosureThreshold;
            return threshold == 0 ? dashboard : Core.Disclosure.DashboardDisclosure.Apply(dashboard, new Core.Disclosure.DisclosureRules(threshold));
        })!;
    }
}
