using GoldenThread.Store.Cycle;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Audit;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;

namespace GoldenThread.Web.Features;

/// <summary>
/// The audit trail in the browser (docs/cycle.md#audit): performance officers and administrators read the whole trail of
/// their workspace, filtered by measure, period and person, and export it as CSV. Not contributors or viewers: the trail
/// names who changed what and what a returned figure's reason was, which is the performance team's record to keep.
/// </summary>
public static class AuditPages
{
    public static IEndpointRouteBuilder MapAuditPages(this IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/w/{ws}").ExcludeFromDescription().Requires(Permission.Approve);
        ws.MapGet("/audit", Trail);
        ws.MapGet("/audit.csv", Export);
        return app;
    }

    public static async Task<IResult> Trail(string ws, [AsParameters] CycleApi.AuditQuery q, WorkspaceService workspaces, CycleStore cycle, CancellationToken ct)
    {
        if (await workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var entries = await CycleApi.AuditOf(w, q, cycle, ct);
        var everyone = await cycle.AuditAsync(w.Info.Id, limit: CycleApi.AuditLimit, ct: ct);
        var people = everyone.Where(a => a.PersonId is not null).GroupBy(a => a.PersonId!).Select(g => (g.Key, g.First().PersonName))
            .OrderBy(p => p.PersonName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Pages.Render<AuditPage>(new
        {
            Data = w,
            Query = q,
            Entries = entries,
            Periods = await cycle.PeriodsAsync(w.Info.Id, ct),
            People = (IReadOnlyList<(string, string)>)people,
        });
    }

    public static async Task<IResult> Export(string ws, [AsParameters] CycleApi.AuditQuery q, WorkspaceService workspaces, CycleStore cycle, CancellationToken ct)
    {
        if (await workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        return CycleApi.AuditFile(w, await CycleApi.AuditOf(w, q, cycle, ct));
    }
}
