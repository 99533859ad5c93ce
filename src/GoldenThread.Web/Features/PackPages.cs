using GoldenThread.Reporting.CommitteePack;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>
/// <c>/w/{ws}/pack.docx</c> and <c>/w/{ws}/pack.xlsx</c>: the committee pack for a period, built as <c>goldenthread pack</c>
/// builds it (the same model, from the same disclosed dashboard), for whoever may read the dashboard.
/// </summary>
public static class PackPages
{
    public static IEndpointRouteBuilder MapPackPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/w/{ws}/pack.docx", (string ws, [FromQuery] string? period, WorkspaceService svc, CurrentPerson current, GoldenThread.Store.Cycle.CycleStore cycle, Microsoft.Extensions.Options.IOptions<GoldenThreadOptions> options, CancellationToken ct) =>
            Pack(ws, period, "docx", svc, current, cycle, options.Value, ct)).Requires(Permission.ReadDashboard);
        pages.MapGet("/w/{ws}/pack.xlsx", (string ws, [FromQuery] string? period, WorkspaceService svc, CurrentPerson current, GoldenThread.Store.Cycle.CycleStore cycle, Microsoft.Extensions.Options.IOptions<GoldenThreadOptions> options, CancellationToken ct) =>
            Pack(ws, period, "xlsx", svc, current, cycle, options.Value, ct)).Requires(Permission.ReadDashboard);
        return app;
    }

    public static async Task<IResult> Pack(string ws, string? period, string format, WorkspaceService svc, CurrentPerson current, GoldenThread.Store.Cycle.CycleStore cycle, GoldenThreadOptions options, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        if (!Lookups.TryPeriod(period, out var asked, out var error))
        {
            return Lookups.BadRequest(w, error!);
        }

        Core.Dashboard.Dashboard dashboard;
        var access = await current.AccessAsync(w, ct);
        try
        {
            // Already disclosed (WorkspaceService applies the installation's threshold), as every page and download is.
            var (shown, notPublished) = svc.DashboardFor(w, asked, access);
            if (shown is null)
            {
                return Lookups.NotPublished(w, notPublished!);
            }

            dashboard = shown;
        }
        catch (Core.Dashboard.NothingToReportException e)
        {
            return Lookups.BadRequest(w, e.Message);
        }

        Core.Dashboard.Dashboard? previous = null;
        if (dashboard.PreviousReportingPeriod is { } pp)
        {
            try
            {
                previous = svc.DashboardFor(w, pp, access).Dashboard;
            }
            catch (Core.Dashboard.NothingToReportException)
            {
                // No previous report: no measure is notable for a change of quartile.
            }
        }

        var pack = CommitteePackBuilder.Build(dashboard, w.Plan, new PackOptions
        {
            PreviousDashboard = previous,
            SuppressionThresholdCount = options.DisclosureThreshold,
            Commentary = w.Cycle.CommentaryFor(dashboard.ReportingPeriod, published: !access.ReadsInternal)
                .ToDictionary(c => c.Key, c => DashboardPages.CommentaryText(c.Value), StringComparer.OrdinalIgnoreCase),
            // A pack is for publication, so only quotes marked publishable, whoever downloads it.
            Evidence = (await cycle.EvidenceAsync(w.Info.Id, publishableOnly: true, ct: ct))
                .Where(e => e.ReportingPeriod == dashboard.ReportingPeriod.Label)
                .Select(e => new PackEvidence(e.MeasureId, w.Plan.FindMeasure(e.MeasureId)?.Title ?? e.MeasureId, e.Quote, e.Attribution))
                .ToList(),
        });
        var ms = new MemoryStream();
        var name = $"{w.Info.Id}-pack-{dashboard.ReportingPeriod.Label.Replace('/', '-').Replace(' ', '-')}.{format}";
        if (format == "docx")
        {
            CommitteePackDocxRenderer.Render(pack, ms);
            return Results.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
        }

        CommitteePackXlsxRenderer.Render(pack, ms);
        return Results.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
