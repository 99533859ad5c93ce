using System.Globalization;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Periods;
using GoldenThread.Reporting;
using GoldenThread.Web.Html;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;
using static GoldenThread.Web.Html.Html;

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
    [property: FromQuery(Name = "format")] string? Format);

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
        pages.MapGet("/w/{ws}/dashboard", (string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, CancellationToken ct) => Dashboard(ws, q, svc, null, ct));
        pages.MapGet("/w/{ws}/dashboard.csv", (string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, CancellationToken ct) => Dashboard(ws, q, svc, "csv", ct));
        pages.MapGet("/w/{ws}/dashboard.xlsx", (string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, CancellationToken ct) => Dashboard(ws, q, svc, "xlsx", ct));
        return app;
    }

    public static async Task<IResult> Dashboard(string ws, DashboardQuery q, WorkspaceService svc, string? format, CancellationToken ct)
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
        try
        {
            d = svc.GetDashboard(w, filter.Period);
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

        return Page(w, d, filter, q);
    }

    public static IReadOnlyList<string?> CsvRow(DashboardSection s, DashboardRow r)
    {
        string? N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
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

    public static string RagTag(Rag rag) =>
        $"<span class=\"app-rag app-rag--{DashboardFormatting.RagKey(rag) ?? "none"}\">{Attr(DashboardFormatting.RagWords(rag))}</span>";

    private static IResult Page(WorkspaceData w, Dashboard d, DashboardFilter f, DashboardQuery q)
    {
        var sections = f.Apply(d);
        var shown = sections.Sum(s => s.Rows.Count);
        var query = QueryString(q with { Format = null });
        return Layout.Page(new PageInfo($"Dashboard {d.ReportingPeriod.Label}", w.Info, "dashboard"), h =>
        {
            h.H1($"Performance dashboard, {d.ReportingPeriod.Label}", d.CouncilName);
            h.H2("Overview");
            h.Raw("<ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var s in d.Overview.Sentences)
            {
                h.Raw("<li>").Text(s).Raw("</li>");
            }

            h.Raw("</ul>");
            Filters(h, w, d, q);
            h.Raw("<p class=\"govuk-body\" id=\"result-count\" role=\"status\">").Text($"Showing {shown} of {d.Rows.Count()} measures.").Raw("</p>");
            h.Raw("<p class=\"govuk-body\">Download: ")
                .Link(w.WsPath("/dashboard.xlsx" + query), "Excel workbook (XLSX, every measure)").Raw(" \u00b7 ")
                .Link(w.WsPath("/dashboard.csv" + query), "CSV of the measures shown").Raw(" \u00b7 ")
                .Link($"/api/v1/workspaces/{Seg(w.Info.Id)}/dashboard" + QueryString(new DashboardQuery(q.Period, null, null, null, null, null, null, null)), "JSON")
                .Raw("</p>");
            foreach (var (section, rows) in sections)
            {
                h.Raw("<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls sideways on small screens\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">")
                    .Raw("<h2 class=\"govuk-heading-m\">").Text($"{section.ThemeId}: {section.ThemeTitle}").Raw("</h2></caption>")
                    .Raw("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
                foreach (var c in new[] { "Measure", "Period", "Value", "Target", "RAG", "Direction of travel", "Quartile (1 best)", "SN average", "Against SN", "England", "Updated" })
                {
                    h.Raw("<th scope=\"col\" class=\"govuk-table__header\">").Text(c).Raw("</th>");
                }

                h.Raw("</tr></thead><tbody class=\"govuk-table__body\">");
                if (rows.Count == 0)
                {
                    h.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"11\">No measures in this theme.</td></tr>");
                }

                foreach (var r in rows)
                {
                    var m = r.Measure;
                    h.Raw("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">")
                        .Link(w.MeasurePath(m.Id) + (q.Period is { Length: > 0 } p ? "?period=" + Uri.EscapeDataString(p) : ""), m.Title).Raw("</th>");
                    void Cell(string? text) => h.Raw("<td class=\"govuk-table__cell\">").Text(string.IsNullOrEmpty(text) ? DashboardFormatting.MissingMark : text).Raw("</td>");
                    Cell(r.Period?.Label);
                    Cell(r.ValueText);
                    Cell(DashboardFormatting.TargetText(r));
                    h.Raw("<td class=\"govuk-table__cell\">").Raw(RagTag(r.Rag.Outcome)).Raw("</td>");
                    Cell(DashboardFormatting.DirectionWords(r.Direction.Outcome));
                    Cell(DashboardFormatting.QuartileText(r.Quartile));
                    Cell(DashboardFormatting.Figure(m, r.StatisticalNeighbourAverage?.Value));
                    Cell(r.StatisticalNeighbourComparison.Outcome == Comparison.NotAvailable ? null : DashboardFormatting.ComparisonWords(r.StatisticalNeighbourComparison.Outcome));
                    Cell(DashboardFormatting.Figure(m, r.England?.Value));
                    Cell(DashboardFormatting.UpdatedWords(r.Updated));
                    h.Raw("</tr>");
                }

                h.Raw("</tbody></table></div>");
            }
        });
    }

    private static void Filters(Html.Html h, WorkspaceData w, Dashboard d, DashboardQuery q)
    {
        h.Raw($"<form method=\"get\" action=\"{Attr(w.WsPath("/dashboard"))}\" class=\"app-filters\" novalidate><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\"><h2 class=\"govuk-fieldset__heading\">Filter and sort</h2></legend>");
        h.Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"period\">Reporting period</label>")
            .Raw("<div id=\"period-hint\" class=\"govuk-hint\">For example, 2023/24 or 2023/24 Q3</div>")
            .Raw($"<input class=\"govuk-input govuk-input--width-10\" id=\"period\" name=\"period\" type=\"text\" aria-describedby=\"period-hint\" value=\"{Attr(q.Period ?? d.ReportingPeriod.Label)}\"></div>");
        void Select(string name, string label, string? current, IEnumerable<(string Value, string Text)> options)
        {
            h.Raw($"<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"{name}\">").Text(label).Raw($"</label><select class=\"govuk-select\" id=\"{name}\" name=\"{name}\">");
            foreach (var (value, text) in options)
            {
                var selected = string.Equals(value, current ?? "", StringComparison.OrdinalIgnoreCase) ? " selected" : "";
                h.Raw($"<option value=\"{Attr(value)}\"{selected}>").Text(text).Raw("</option>");
            }

            h.Raw("</select></div>");
        }

        Select("theme", "Theme", q.Theme, [("", "All themes"), .. w.Plan.Themes.Select(t => (t.Id, $"{t.Id}: {Shorten(t.Title)}"))]);
        Select("rag", "RAG rating", q.Rag, [("", "Any"), ("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("none", "No rating")]);
        Select("updated", "Updated", q.Updated, [("", "Any"), ("yes", "Yes"), ("no", "No")]);
        Select("quartile", "National quartile", q.Quartile, [("", "Any"), ("1", "1 (best)"), ("2", "2"), ("3", "3"), ("4", "4 (worst)"), ("none", "No quartile")]);
        Select("direction", "Direction of travel", q.Direction, [("", "Any"), .. DashboardFilter.DirectionKeys.Select(k => (k, char.ToUpperInvariant(k[0]) + k[1..].Replace('-', ' ')))]);
        Select("sort", "Sort by", q.Sort, [("plan", "Plan order"), ("rag", "RAG, red first"), ("direction", "Direction, declined first"), ("quartile", "Quartile, best first"), ("title", "Title")]);
        h.Raw("</fieldset><button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Apply filters</button> ")
            .Raw("<a class=\"govuk-link govuk-body\" href=\"").Raw(Attr(w.WsPath("/dashboard"))).Raw("\">Clear filters</a></form>");
    }

    private static string Shorten(string s) => s.Length <= 50 ? s : s[..47] + "...";

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
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
