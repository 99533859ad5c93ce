using GoldenThread.Web.Hosting;
using System.Globalization;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Periods;
using GoldenThread.Reporting;
using GoldenThread.Store;
using GoldenThread.Web.Components;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>The dashboard's query string: every filter is a GET parameter, so a filtered view has a URL to share.</summary>
public sealed record DashboardQuery(
    [property: FromQuery(Name = "period")] string? Period,
    [property: FromQuery(Name = "theme")] string? Theme,
    [property: FromQuery(Name = "rag")] string? Rag,
    [property: FromQuery(Name = "updated")] string? Updated,
    [property: FromQuery(Name = "quartile")] string? Quartile,
    [property: FromQuery(Name = "direction")] string? Direction,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "format")] string? Format,
    [property: FromQuery(Name = "as-published")] string? AsPublished = null);

/// <summary>A checked dashboard query: which rows to show and in what order.</summary>
public sealed record DashboardFilter(Period? Period, string? Theme, Rag? Rag, bool? Updated, int? Quartile, bool QuartileNone, Direction? Direction, string Sort, string Format)
{
    public static readonly string[] RagKeys = ["red", "amber", "green", "none"];
    public static readonly string[] UpdatedKeys = ["yes", "no"];
    public static readonly string[] QuartileKeys = ["1", "2", "3", "4", "none"];
    public static readonly string[] DirectionKeys = ["improved", "no-significant-change", "declined", "no-comparison", "higher", "lower"];
    public static readonly string[] SortKeys = ["plan", "rag", "direction", "quartile", "title"];
    public static readonly string[] FormatKeys = ["html", "csv", "xlsx", "json"];

    public static string DirectionKey(Direction d) => DashboardFormatting.DirectionKey(d).Replace(' ', '-');

    /// <summary>Checks every parameter; returns the filter, or every problem in one message (a 400).</summary>
    public static (DashboardFilter? Filter, string? Error) Parse(DashboardQuery q, WorkspaceData ws)
    {
        var problems = new List<string>();
        string? Key(string name, string? value, string[] allowed)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var v = value.Trim().ToLowerInvariant();
            if (!allowed.Contains(v))
            {
                problems.Add($"{name} '{value}' is not one of {string.Join(", ", allowed)}");
                return null;
            }

            return v;
        }

        if (!Lookups.TryPeriod(q.Period, out var period, out var periodError))
        {
            problems.Add(periodError!);
        }

        string? theme = null;
        if (!string.IsNullOrWhiteSpace(q.Theme))
        {
            theme = ws.Plan.FindTheme(q.Theme.Trim())?.Id;
            if (theme is null)
            {
                problems.Add($"theme '{q.Theme}' is not a theme of this plan; expected one of {string.Join(", ", ws.Plan.Themes.Select(t => t.Id))}");
            }
        }

        var rag = Key("rag", q.Rag, RagKeys) switch
        {
            "red" => Core.Judgements.Rag.Red,
            "amber" => Core.Judgements.Rag.Amber,
            "green" => Core.Judgements.Rag.Green,
            "none" => Core.Judgements.Rag.None,
            _ => (Rag?)null,
        };
        var updated = Key("updated", q.Updated, UpdatedKeys) switch { "yes" => true, "no" => false, _ => (bool?)null };
        var quartileKey = Key("quartile", q.Quartile, QuartileKeys);
        var direction = Key("direction", q.Direction, DirectionKeys) is { } dk ? Enum.GetValues<Direction>().First(d => DirectionKey(d) == dk) : (Direction?)null;
        var sort = Key("sort", q.Sort, SortKeys) ?? "plan";
        var format = Key("format", q.Format, FormatKeys) ?? "html";
        if (problems.Count > 0)
        {
            return (null, string.Join("; ", problems) + ".");
        }

        int? quartile = quartileKey is { } qk && qk != "none" ? int.Parse(qk, CultureInfo.InvariantCulture) : null;
        return (new DashboardFilter(period, theme, rag, updated, quartile, quartileKey == "none", direction, sort, format), null);
    }

    public bool Matches(DashboardRow r) =>
        (Rag is not { } rag || r.Rag.Outcome == rag)
        && (Updated is not { } u || r.Updated == u)
        && (Quartile is not { } q || r.Quartile == q)
        && (!QuartileNone || r.Quartile is null)
        && (Direction is not { } d || r.Direction.Outcome == d);

    /// <summary>The sections and rows to show, filtered and sorted; sections left empty by a filter are dropped.</summary>
    public IReadOnlyList<(DashboardSection Section, IReadOnlyList<DashboardRow> Rows)> Apply(Dashboard d)
    {
        var result = new List<(DashboardSection, IReadOnlyList<DashboardRow>)>();
        foreach (var s in d.Sections.Where(s => Theme is null || s.ThemeId == Theme))
        {
            IEnumerable<DashboardRow> rows = s.Rows.Where(Matches);
            rows = Sort switch
            {
                // Worst first: what a director asks about is at the top.
                "rag" => rows.OrderBy(r => r.Rag.Outcome switch { Core.Judgements.Rag.Red => 0, Core.Judgements.Rag.Amber => 1, Core.Judgements.Rag.Green => 2, _ => 3 }),
                "direction" => rows.OrderBy(r => r.Direction.Outcome switch { Core.Judgements.Direction.Declined => 0, Core.Judgements.Direction.NoSignificantChange => 1, Core.Judgements.Direction.Improved => 2, _ => 3 }),
                "quartile" => rows.OrderBy(r => r.Quartile ?? 5),
                "title" => rows.OrderBy(r => r.Measure.Title, StringComparer.OrdinalIgnoreCase),
                _ => rows,
            };
            var list = rows.ToList();
            if (list.Count > 0 || (Rag is null && Updated is null && Quartile is null && !QuartileNone && Direction is null))
            {
                result.Add((s, list));
            }
        }

        return result;
    }
}

/// <summary>The dashboard for a period: filters, sorting, the overview sentences, downloads as XLSX and CSV.</summary>
public static class DashboardPages
{
    public static readonly string[] CsvColumns =
    [
        "theme_id", "theme", "measure_id", "measure", "outcome_id", "period", "value", "value_text", "unit", "polarity", "target", "target_year",
        "rag", "direction", "previous_period", "previous_value", "quartile", "rank", "ranked_count", "sn_average", "sn_comparison", "england", "region", "updated",
    ];

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/w/{ws}/dashboard", (string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, WorkspaceStore store, GoldenThread.Store.Cycle.CycleStore cycle, CurrentPerson current, CancellationToken ct) => Dashboard(ws, q, svc, store, cycle, current, null, ct)).CachedPage().Requires(Permission.ReadDashboard);
        pages.MapGet("/w/{ws}/dashboard.csv", (string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, WorkspaceStore store, GoldenThread.Store.Cycle.CycleStore cycle, CurrentPerson current, CancellationToken ct) => Dashboard(ws, q, svc, store, cycle, current, "csv", ct)).Requires(Permission.ReadDashboard);
        pages.MapGet("/w/{ws}/dashboard.xlsx", (string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, WorkspaceStore store, GoldenThread.Store.Cycle.CycleStore cycle, CurrentPerson current, CancellationToken ct) => Dashboard(ws, q, svc, store, cycle, current, "xlsx", ct)).Requires(Permission.ReadDashboard);
        return app;
    }

    public static async Task<IResult> Dashboard(string ws, DashboardQuery q, WorkspaceService svc, WorkspaceStore store, GoldenThread.Store.Cycle.CycleStore cycle, CurrentPerson current, string? format, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var (filter, error) = DashboardFilter.Parse(format is null ? q : q with { Format = format }, w);
        if (filter is null)
        {
            return Lookups.BadRequest(w, error!);
        }

        Dashboard d;
        var access = await current.AccessAsync(w, ct);
        var asPublished = string.Equals(q.AsPublished, "yes", StringComparison.OrdinalIgnoreCase);
        IReadOnlyDictionary<string, GoldenThread.Store.Cycle.FigureCommentary>? publishedCommentary = null;
        try
        {
            if (asPublished)
            {
                var (period, problem) = WorkspaceService.VisiblePeriod(w, filter.Period, published: true);
                if (problem is not null || period is not { } p || w.Cycle.Find(p) is not { IsPublished: true } info)
                {
                    return Lookups.NotPublished(w, problem ?? $"{(filter.Period ?? WorkspaceService.DefaultPeriod(w))?.Label ?? "This period"} has not been published.");
                }

                (d, publishedCommentary) = await svc.AsPublishedAsync(w, info, ct);
            }
            else
            {
                var (shown, notPublished) = await svc.DashboardForAsync(w, filter.Period, access);
                if (shown is null)
                {
                    return Lookups.NotPublished(w, notPublished!);
                }

                d = shown;
            }
        }
        catch (Core.Dashboard.NothingToReportException e)
        {
            return Lookups.BadRequest(w, e.Message);
        }

        var slug = $"{w.Info.Id}-dashboard-{d.ReportingPeriod.Label.Replace('/', '-').Replace(' ', '-')}";
        switch (filter.Format)
        {
            case "xlsx":
            {
                var ms = new MemoryStream();
                DashboardXlsxRenderer.Render(d, ms);
                return TypedResults.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", slug + ".xlsx");
            }

            case "json":
            {
                var ms = new MemoryStream();
                DashboardJsonRenderer.Render(d, ms);
                return TypedResults.File(ms.ToArray(), "application/json; charset=utf-8");
            }

            case "csv":
                return Csv.File(slug + ".csv", CsvColumns, filter.Apply(d).SelectMany(x => x.Rows.Select(r => CsvRow(x.Section, r))));
        }

        var sections = filter.Apply(d);
        var rows = sections.SelectMany(x => x.Rows).Where(r => r.Period is not null).Select(r => (r.Measure.Id, r.Period!.Value.Label)).ToList();
        IReadOnlyDictionary<string, Commentary> commentary;
        var publication = w.Cycle.Find(d.ReportingPeriod);
        IReadOnlyList<GoldenThread.Store.Cycle.FigureVersion> corrections = [];
        if (w.Cycle.InUse)
        {
            // The quarter's commentary in its three parts: as written for the team, as approved and published for everyone.
            commentary = (publishedCommentary ?? (await svc.CycleFiguresAsync(w)).CommentaryFor(d.ReportingPeriod, published: !access.ReadsInternal))
                .ToDictionary(c => c.Key, c => new Commentary(c.Key, d.ReportingPeriod.Label, "", CommentaryText(c.Value), default), StringComparer.OrdinalIgnoreCase);
            if (publication is { IsPublished: true })
            {
                corrections = (await cycle.VersionsAsync(w.Info.Id, publication.Label, ct: ct)).Where(v => v.Version > 1).OrderBy(v => v.PublishedUtc).ToList();
            }
        }
        else
        {
            commentary = await store.LatestCommentaryAsync(w.Info.Id, rows, ct);
        }

        return Pages.Render<DashboardPage>(new { W = w, Dashboard = d, Query = q, Sections = sections, Commentary = commentary, Publication = publication, AsPublished = asPublished, Corrections = corrections });
    }

    /// <summary>The three parts of a figure's commentary as one paragraph, in the committee report's order.</summary>
    public static string CommentaryText(GoldenThread.Store.Cycle.FigureCommentary c) =>
        string.Join(" ", new[] { c.Shows, c.Why, c.Doing }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));

    public static IReadOnlyList<string?> CsvRow(DashboardSection s, DashboardRow r)
    {
        string? N(double? v) => v is { } x ? GoldenThread.Core.Measures.MeasureUnit.Clean(x).ToString("R", CultureInfo.InvariantCulture) : null;
        return
        [
            s.ThemeId, s.ThemeTitle, r.Measure.Id, r.Measure.Title, r.OutcomeId, r.Period?.Label, N(r.Value), r.ValueText, r.Measure.Unit.ToString(),
            DashboardFormatting.PolarityKey(r.Measure.Polarity), r.TargetText, r.TargetYear?.Label, DashboardFormatting.RagKey(r.Rag.Outcome),
            DashboardFormatting.DirectionKey(r.Direction.Outcome), r.PreviousPeriod?.Label, N(r.PreviousValue), r.Quartile?.ToString(CultureInfo.InvariantCulture),
            r.Rank?.ToString(CultureInfo.InvariantCulture), r.RankedCount?.ToString(CultureInfo.InvariantCulture), N(r.StatisticalNeighbourAverage?.Value),
            DashboardFormatting.ComparisonKey(r.StatisticalNeighbourComparison.Outcome), N(r.England?.Value), N(r.Region?.Value),
            r.Updated switch { true => "yes", false => "no", null => null },
        ];
    }

    public static string QueryString(DashboardQuery q)
    {
        var parts = new List<string>();
        void Add(string name, string? v)
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(v));
            }
        }

        Add("period", q.Period);
        Add("theme", q.Theme);
        Add("rag", q.Rag);
        Add("updated", q.Updated);
        Add("quartile", q.Quartile);
        Add("direction", q.Direction);
        Add("sort", q.Sort);
        Add("format", q.Format);
        Add("as-published", q.AsPublished);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
