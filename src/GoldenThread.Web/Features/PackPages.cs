using GoldenThread.Reporting.CommitteePack;
using GoldenThread.Views.Rendering;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace GoldenThread.Web.Features;

/// <summary>
/// <c>/w/{ws}/pack.docx</c>, <c>pack.xlsx</c> and <c>pack.pdf</c>: the committee pack for a period, built as
/// <c>goldenthread pack</c> builds it (the same model, from the same disclosed dashboard), for whoever may read the
/// dashboard. A pack goes to a committee and is published with its papers, so where the workspace runs its quarters
/// here it is made only for a published period, from the published figures and commentary, for members as for
/// visitors: a draft never leaves as a pack.
/// </summary>
public static class PackPages
{
    /// <summary>Chromium prints one pack at a time: each print starts a browser (about 3 s and 200 MB).</summary>
    private static readonly SemaphoreSlim Printer = new(1, 1);

    public static IEndpointRouteBuilder MapPackPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        foreach (var format in new[] { "docx", "xlsx", "pdf" })
        {
            pages.MapGet($"/w/{{ws}}/pack.{format}", (string ws, [FromQuery] string? period, WorkspaceService svc, CurrentPerson current, GoldenThread.Store.Cycle.CycleStore cycle, Microsoft.Extensions.Options.IOptions<GoldenThreadOptions> options, IMemoryCache cache, CancellationToken ct) =>
                Pack(ws, period, format, svc, current, cycle, options.Value, cache, ct)).Requires(Permission.ReadDashboard);
        }

        return app;
    }

    /// <summary>An action update's status key (the plan file's words, CycleStore.ActionStatusKeys) as the plan's status.</summary>
    private static Core.Plans.ActionStatus? StatusOf(string key) => key switch
    {
        "not-started" => Core.Plans.ActionStatus.NotStarted,
        "on-track" => Core.Plans.ActionStatus.OnTrack,
        "at-risk" => Core.Plans.ActionStatus.AtRisk,
        "off-track" => Core.Plans.ActionStatus.OffTrack,
        "complete" => Core.Plans.ActionStatus.Complete,
        _ => null,
    };

    /// <summary>Whether the pack of <paramref name="period"/> may be made: always where the quarter is not run here, else once it is published.</summary>
    public static bool Offered(WorkspaceData w, Core.Periods.Period period) => !w.Cycle.InUse || w.Cycle.Find(period) is { IsPublished: true };

    public static async Task<IResult> Pack(string ws, string? period, string format, WorkspaceService svc, CurrentPerson current, GoldenThread.Store.Cycle.CycleStore cycle, GoldenThreadOptions options, IMemoryCache cache, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        if (!Lookups.TryPeriod(period, out var asked, out var error))
        {
            return Lookups.BadRequest(w, error!);
        }

        var access = await current.AccessAsync(w, ct);
        // Where the quarter runs here, the published figures for everyone; elsewhere the dashboard the caller may read.
        var published = w.Cycle.InUse || !access.ReadsInternal;
        Core.Dashboard.Dashboard dashboard;
        try
        {
            var (shown, notPublished) = WorkspaceService.VisiblePeriod(w, asked, published);
            if (notPublished is not null)
            {
                return Lookups.NotPublished(w, notPublished + " The committee pack is made from the published figures.");
            }

            // Already disclosed (WorkspaceService applies the installation's threshold), as every page and download is.
            dashboard = await svc.GetDashboardAsync(w, shown, published);
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
                // Only for "changed quartile"; with published set it holds published figures only.
                previous = await svc.GetDashboardAsync(w, pp, published);
            }
            catch (Core.Dashboard.NothingToReportException)
            {
                // No previous report: no measure is notable for a change of quartile.
            }
        }

        var name = $"{w.Info.Id}-pack-{dashboard.ReportingPeriod.Label.Replace('/', '-').Replace(' ', '-')}.{format}";
        var chromium = options.Chromium is { Length: > 0 } configured ? configured : PackPdf.ChromiumPath;
        if (format == "pdf" && !File.Exists(chromium))
        {
            return Components.Pages.Error(StatusCodes.Status503ServiceUnavailable, "The PDF cannot be made here",
                "The committee pack's PDF is printed with Chromium, which is not installed on this server. The Word and Excel versions can still be downloaded; the server's administrator can install Debian's chromium package (apt-get install chromium) or set GoldenThread:Chromium.", w.Info);
        }

        var pack = CommitteePackBuilder.Build(dashboard, w.Plan, new PackOptions
        {
            PreviousDashboard = previous,
            SuppressionThresholdCount = options.DisclosureThreshold,
            Commentary = (await svc.CycleFiguresAsync(w)).CommentaryFor(dashboard.ReportingPeriod, published: published)
                .ToDictionary(c => c.Key, c => DashboardPages.CommentaryText(c.Value), StringComparer.OrdinalIgnoreCase),
            // A pack is for publication, so only quotes marked publishable, whoever downloads it.
            Evidence = (await cycle.EvidenceAsync(w.Info.Id, publishableOnly: true, ct: ct))
                .Where(e => e.ReportingPeriod == dashboard.ReportingPeriod.Label)
                .Select(e => new PackEvidence(e.MeasureId, w.Plan.FindMeasure(e.MeasureId)?.Title ?? e.MeasureId, e.Quote, e.Attribution))
                .ToList(),
            ActionProgress = (await cycle.ActionUpdatesAsync(w.Info.Id, dashboard.ReportingPeriod.Label, ct))
                .Where(u => StatusOf(u.Status) is not null)
                .ToDictionary(u => u.ActionCode, u => new PackActionProgress(StatusOf(u.Status)!.Value, u.Rag, u.Progress, u.RevisedDue), StringComparer.OrdinalIgnoreCase),
        });

        switch (format)
        {
            case "docx":
            {
                var ms = new MemoryStream();
                CommitteePackDocxRenderer.Render(pack, ms);
                return Results.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
            }

            case "xlsx":
            {
                var ms = new MemoryStream();
                CommitteePackXlsxRenderer.Render(pack, ms);
                return Results.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
            }
        }

        // A print takes seconds, so the PDF is kept for as long as nothing it is made from changes.
        var key = ("pack-pdf", w.Info.Id, w.Info.PlanVersion, w.Info.DataVersion, w.Info.CycleVersion, dashboard.ReportingPeriod, published, options.DisclosureThreshold);
        if (!cache.TryGetValue(key, out byte[]? pdf) || pdf is null)
        {
            await Printer.WaitAsync(ct);
            try
            {
                if (!cache.TryGetValue(key, out pdf) || pdf is null)
                {
                    pdf = await PackPdf.PrintAsync(pack, chromium);
                    cache.Set(key, pdf, new MemoryCacheEntryOptions
                    {
                        SlidingExpiration = TimeSpan.FromHours(1),
                        // The shared cache counts entries, most of them small; a PDF counts once per 64 KB.
                        Size = 1 + (pdf.Length / 65536),
                    });
                }
            }
            finally
            {
                Printer.Release();
            }
        }

        return Results.File(pdf, "application/pdf", name);
    }
}
