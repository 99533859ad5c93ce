using System.Globalization;
using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Statistics;
using GoldenThread.Reporting;
using GoldenThread.Store;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Html;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using static GoldenThread.Web.Html.Html;

namespace GoldenThread.Web.Features;

/// <summary>One point of a measure's chart and its table: the council's value with its interval, the target and the comparators.</summary>
public sealed record MeasurePoint(string Period, double? Value, double? Lower, double? Upper, double? Target, double? England, double? Region, double? SnAverage);

/// <summary>All councils' values for the measure's latest period, with this council's place among them.</summary>
public sealed record MeasureDistribution(string Period, IReadOnlyList<(string Council, double Value)> Councils, QuartileBoundaries Quartiles, double? Home, int? Rank, int? RankedCount);

/// <summary>The commentary form's fields. The author is the signed-in editor, never a field a browser could fill.</summary>
public sealed class CommentaryForm
{
    [FromForm(Name = "text")]
    public string? Text { get; set; }

    [FromForm(Name = "period")]
    public string? Period { get; set; }
}

public static class MeasurePages
{
    public static IEndpointRouteBuilder MapMeasurePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/w/{ws}/measures/{id}", (string ws, string id, [FromQuery] string? period, WorkspaceService svc, WorkspaceStore store, IAntiforgery af, HttpContext http, CancellationToken ct) =>
            Measure(ws, id, period, svc, store, af, http, null, null, ct));
        pages.MapGet("/w/{ws}/measures/{id}.csv", MeasureCsv);
        pages.MapPost("/w/{ws}/measures/{id}/commentary", AddCommentary).RequireAuthorization(EditorSignIn.Policy);
        return app;
    }

    /// <summary>Finds the row for a measure on the dashboard of the period; the error result when there is none.</summary>
    public static async Task<(WorkspaceData? Ws, DashboardRow? Row, IResult? Error)> Find(string ws, string id, string? period, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return (null, null, Lookups.NoWorkspace(ws));
        }

        if (w.Plan.FindMeasure(id) is not { } m)
        {
            return (w, null, Lookups.NotInPlan(w, "measure", id));
        }

        if (!Lookups.TryPeriod(period, out var p, out var error))
        {
            return (w, null, Lookups.BadRequest(w, error!));
        }

        Dashboard d;
        try
        {
            d = svc.GetDashboard(w, p);
        }
        catch (Core.Dashboard.NothingToReportException e)
        {
            return (w, null, Lookups.BadRequest(w, e.Message));
        }

        var row = d.Rows.FirstOrDefault(r => r.Measure.Id == m.Id);
        return row is null ? (w, null, Lookups.NotInPlan(w, "measure on its dashboard called", id)) : (w, row, null);
    }

    /// <summary>
    /// The trend's periods with any missing ones between them put back (no figures for 2019/20 and 2020/21, say), so the
    /// chart leaves a gap there instead of drawing a line that implies figures nobody published.
    /// </summary>
    private static List<Core.Periods.Period> WithGaps(List<Core.Periods.Period> periods)
    {
        var filled = new List<Core.Periods.Period>();
        foreach (var p in periods)
        {
            if (filled.Count > 0)
            {
                var missing = new Stack<Core.Periods.Period>();
                for (var q = p.Previous(); q is { } prev && prev.End > filled[^1].End && missing.Count < 20; q = prev.Previous())
                {
                    missing.Push(prev);
                }

                if (missing.Count < 20)
                {
                    filled.AddRange(missing);
                }
            }

            filled.Add(p);
        }

        return filled;
    }

    public static IReadOnlyList<MeasurePoint> Points(WorkspaceData w, DashboardRow row)
    {
        var m = row.Measure;
        var periods = WithGaps(row.Trend.Select(t => t.Period).ToList());
        if (row.Period is { } latest)
        {
            // Later targets of the same kind of period extend the chart, so the trajectory shows where it is heading.
            periods.AddRange(m.Targets.Select(t => t.Year).Where(y => y.IsComparableWith(latest) && y.End > latest.End).Order(Core.Periods.Period.ByEnd));
        }

        var series = m.LaitCode is { } code && w.Benchmarks?.Measures.TryGetValue(code, out var s) == true ? s : null;
        var points = new List<MeasurePoint>();
        foreach (var p in periods)
        {
            var trend = row.Trend.FirstOrDefault(t => t.Period == p);
            var own = w.Values.FirstOrDefault(o => string.Equals(o.MeasureId, m.Id, StringComparison.OrdinalIgnoreCase) && o.Period == p);
            double? lower = null, upper = null;
            if (trend is not null && own is { Numerator: { } n, Denominator: { } den } && den > 0)
            {
                ConfidenceInterval? ci = m.Unit.Kind switch
                {
                    UnitKind.Percentage => ConfidenceIntervals.WilsonPercent((long)Math.Round(n), (long)Math.Round(den)),
                    UnitKind.Rate when m.Unit.RateBase is { } b => ConfidenceIntervals.Byars((long)Math.Round(n), den, b),
                    _ => null,
                };
                (lower, upper) = (ci?.Lower, ci?.Upper);
            }

            var target = m.Targets.FirstOrDefault(t => t.Year.Contains(p.End) && t.Target.Kind == TargetKind.Numeric)?.Target.Value;
            double? england = own?.Benchmarks?.England, region = own?.Benchmarks?.Region, sn = own?.Benchmarks?.StatisticalNeighbourAverage;
            if (series is not null && w.HomeLa is { } la && series.Periods.Any(pv => pv.Period == p))
            {
                var pos = NationalBenchmark.For(w.Benchmarks!, m.LaitCode!, p, la, m.Polarity, m.NoQuartile || series.Info.NoQuartile);
                (england, region, sn) = (pos.England ?? england, pos.Region ?? region, pos.NeighbourAverage ?? sn);
            }

            points.Add(new MeasurePoint(p.Label, trend?.Value, lower, upper, target, england, region, sn));
        }

        return points;
    }

    /// <summary>The form's antiforgery field: made only for an editor's form, so public views set no cookie.</summary>
    private static string AntiforgeryField(IAntiforgery af, HttpContext http)
    {
        var tokens = af.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Attr(tokens.FormFieldName)}\" value=\"{Attr(tokens.RequestToken)}\">";
    }

    public static MeasureDistribution? Distribution(WorkspaceData w, DashboardRow row)
    {
        if (row.Measure.LaitCode is not { } code || w.Benchmarks is not { } data || row.Period is not { } period
            || !data.Measures.TryGetValue(code, out var series) || series.Periods.FirstOrDefault(pv => pv.Period == period) is not { } pv)
        {
            return null;
        }

        var dist = NationalDistribution.Of(pv.ByArea);
        if (dist.Quartiles is not { } q)
        {
            return null;
        }

        var councils = pv.ByArea.Where(kv => kv.Key < Area.EnglandNumber && double.IsFinite(kv.Value))
            .Select(kv => (data.Areas.TryGetValue(kv.Key, out var a) ? a.Name : kv.Key.ToString(CultureInfo.InvariantCulture), kv.Value))
            .OrderBy(c => c.Value).ThenBy(c => c.Item1, StringComparer.Ordinal).ToList();
        double? home = w.HomeLa is { } la && pv.ByArea.TryGetValue(la, out var hv) ? hv : null;
        // The rank is the dashboard's (withheld with a suppressed figure, since it would place it among the others).
        return new MeasureDistribution(period.Label, councils, q, home, row.Rank, row.RankedCount);
    }

    public static async Task<IResult> Measure(string ws, string id, string? period, WorkspaceService svc, WorkspaceStore store, IAntiforgery af, HttpContext http,
        CommentaryForm? failedForm, IReadOnlyList<(string Field, string Message)>? errors, CancellationToken ct)
    {
        var (w, row, error) = await Find(ws, id, period, svc, ct);
        if (error is not null)
        {
            return error;
        }

        var m = row!.Measure;
        var points = Points(w!, row);
        var distribution = Distribution(w!, row);
        var history = await store.CommentaryAsync(w!.Info.Id, m.Id, ct);
        var places = w.Plan.PlacesOf(m.Id);
        var crumbs = new List<(string, string)> { ("Golden thread", w.WsPath("/thread")) };
        if (places.FirstOrDefault() is var (t, o) && t is not null)
        {
            crumbs.Add(($"Theme {t.Id}", w.ThemePath(t.Id)));
            if (o is not null)
            {
                crumbs.Add(($"Outcome {o.Id}", w.OutcomePath(o.Id)));
            }
        }

        string F(double? v) => DashboardFormatting.Figure(m, v);
        return Layout.Page(new PageInfo(m.Title, w.Info, "dashboard", crumbs), h =>
        {
            if (errors is { Count: > 0 })
            {
                h.Raw("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
                foreach (var (field, message) in errors)
                {
                    h.Raw($"<li><a href=\"#{field}\">").Text(message).Raw("</a></li>");
                }

                h.Raw("</ul></div></div></div>");
            }

            h.H1(m.Title, $"Measure {m.Id}");
            h.Raw("<p class=\"govuk-body-l\">").Text($"{row.ValueText}").Text(row.Period is { } lp ? $" in {lp.Label}" : "").Raw("</p>");
            h.Raw("<p class=\"govuk-body\">RAG: ").Text(DashboardFormatting.RagWords(row.Rag.Outcome)).Raw(" ").Text(row.Rag.Reason).Raw("</p>");
            h.SummaryList([
                ("Direction of travel", $"{DashboardFormatting.DirectionWords(row.Direction.Outcome)}: {row.Direction.Reason}"),
                ("Target", DashboardFormatting.TargetText(row)),
                ("National quartile", row.Quartile is { } q ? $"{q} (1 is the best). {row.QuartileReason}" : row.QuartileReason),
                ("Statistical neighbours", row.StatisticalNeighbourAverage is { } sn ? $"Average {F(sn.Value)}: {row.StatisticalNeighbourComparison.Reason}" : row.StatisticalNeighbourComparison.Reason),
                ("England", F(row.England?.Value)),
                (row.RegionName is { } rn ? $"Region ({rn})" : "Region", F(row.Region?.Value)),
            ]);

            h.H2("Trend", "trend");
            var series = new List<ChartSeries>
            {
                new(w.Info.Title.Length > 0 ? "This council" : m.Id, points.Select(p => p.Value).ToList(), "#1d70b8", "none", "circle"),
            };
            if (points.Any(p => p.Target is not null))
            {
                series.Add(new("Target", points.Select(p => p.Target).ToList(), "#00703c", "8 4", "diamond"));
            }

            if (points.Any(p => p.England is not null))
            {
                series.Add(new("England", points.Select(p => p.England).ToList(), "#0b0c0c", "2 3", "square"));
            }

            if (points.Any(p => p.Region is not null))
            {
                series.Add(new(row.RegionName ?? "Region", points.Select(p => p.Region).ToList(), "#4c2c92", "10 3 2 3", "triangle"));
            }

            if (points.Any(p => p.SnAverage is not null))
            {
                series.Add(new("Statistical neighbours", points.Select(p => p.SnAverage).ToList(), "#d4351c", "5 5", "none"));
            }

            var hasCi = points.Any(p => p.Lower is not null);
            h.Raw(Charts.Trend($"Trend of {m.Title}", $"Line chart of {string.Join(", ", series.Select(s => s.Name))} by period{(hasCi ? ", with 95% confidence intervals as bars" : "")}. The same figures are in the table that follows the chart.",
                points.Select(p => p.Period).ToList(), series, points.Select(p => (p.Lower, p.Upper)).ToList(), v => m.FormatValue(v)));
            h.Raw("<details class=\"govuk-details\" id=\"trend-table\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Trend as a table</span></summary><div class=\"govuk-details__text\">");
            var headers = new List<string> { "Period", "Value" };
            if (hasCi) { headers.Add("95% interval"); }
            headers.AddRange(["Target", "England", "Region", "SN average"]);
            h.Table($"Trend of {m.Title}", headers, points.Select(p =>
            {
                var cells = new List<string> { p.Period, F(p.Value) };
                if (hasCi) { cells.Add(p.Lower is { } lo && p.Upper is { } hi ? $"{F(lo)} to {F(hi)}" : DashboardFormatting.MissingMark); }
                cells.AddRange([F(p.Target), F(p.England), F(p.Region), F(p.SnAverage)]);
                return (IReadOnlyList<string>)cells;
            }));
            h.Raw("<p class=\"govuk-body\">").Link(w.MeasurePath(m.Id) + ".csv" + (period is { Length: > 0 } ? "?period=" + Uri.EscapeDataString(period) : ""), "Download the trend as CSV").Raw("</p></div></details>");

            if (distribution is { } dist)
            {
                h.H2($"All councils, {dist.Period}", "distribution");
                var rankText = dist.Rank is { } rk && dist.RankedCount is { } of ? $", ranked {rk} of {of}" : "";
                h.Raw(Charts.Distribution($"{m.Title}: every council's value in {dist.Period}",
                    $"Dot plot of {dist.Councils.Count} councils' values with the quartile boundaries marked; this council is the black diamond{rankText}. The same figures are in the table that follows.",
                    dist.Councils.Select(c => c.Value).ToList(), dist.Home, w.Info.Title.Length > 0 ? CouncilName(w) : "This council", dist.Quartiles, v => m.FormatValue(v)));
                h.Raw("<details class=\"govuk-details\" id=\"distribution-table\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">All councils as a table</span></summary><div class=\"govuk-details__text\">");
                h.Table("Quartile boundaries", ["Boundary", "Value"], [
                    ["Lowest", F(dist.Quartiles.Min)], ["Q1 (25th percentile)", F(dist.Quartiles.Q1)], ["Median", F(dist.Quartiles.Median)],
                    ["Q3 (75th percentile)", F(dist.Quartiles.Q3)], ["Highest", F(dist.Quartiles.Max)], ["This council", F(dist.Home)],
                ]);
                h.Table($"Every council's value, {dist.Period}, lowest first", ["Council", "Value"], dist.Councils.Select(c => (IReadOnlyList<string>)[c.Council, F(c.Value)]));
                h.Raw("</div></details>");
            }

            h.H2("About this measure", "about");
            h.SummaryList([
                ("Definition", m.Definition),
                ("Unit", m.Unit.ToString()),
                ("Polarity", m.Polarity.ToWords()),
                ("Frequency", GoldenThread.Data.FrequencyNames.ToName(m.Frequency).Replace('-', ' ')),
                ("Source", m.Source),
                ("Owner", m.Owner),
                ("LAIT code", m.LaitCode),
                ("Where it sits", string.Join("; ", places.Select(pl => pl.Outcome is { } oc ? $"outcome {oc.Id}, theme {pl.Theme.Id}" : $"theme {pl.Theme.Id}"))),
            ]);

            h.H2("Commentary", "commentary");
            if (history.Count == 0)
            {
                h.P("No commentary yet.");
            }

            foreach (var c in history.Reverse())
            {
                h.Raw("<div class=\"app-commentary\"><p class=\"govuk-body-s govuk-!-margin-bottom-1\">").Text($"{c.Author}, on {c.Period}, written {c.CreatedUtc.UtcDateTime.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC")
                    .Raw("</p><p class=\"govuk-body\">").Text(c.Text).Raw("</p></div>");
            }

            var editor = EditorSignIn.SignedInEditor(http.User);
            if (editor is null)
            {
                var editors = http.RequestServices.GetRequiredService<EditorDirectory>();
                h.Raw("<p class=\"govuk-body\" id=\"commentary-who\">").Text("Commentary is added by the council's editors.");
                if (editors.Any)
                {
                    h.Raw(" ").Link("/sign-in?returnUrl=" + Uri.EscapeDataString(w.MeasurePath(m.Id) + (period is { Length: > 0 } ? "?period=" + Uri.EscapeDataString(period) : "") + "#commentary"), "Sign in to add commentary");
                }

                h.Raw("</p>");
                return;
            }

            var form = failedForm ?? new CommentaryForm();
            h.Raw($"<form method=\"post\" action=\"{Attr(w.MeasurePath(m.Id) + "/commentary")}\" novalidate>")
                .Raw(AntiforgeryField(af, http))
                .Raw($"<input type=\"hidden\" name=\"period\" value=\"{Attr(form.Period ?? row.Period?.Label ?? "")}\">")
                .Raw("<h3 class=\"govuk-heading-s\">Add commentary</h3>");
            void Field(string name, string label, string? value)
            {
                var err = errors?.FirstOrDefault(e => e.Field == name).Message;
                h.Raw(err is null ? "<div class=\"govuk-form-group\">" : "<div class=\"govuk-form-group govuk-form-group--error\">")
                    .Raw($"<label class=\"govuk-label\" for=\"{name}\">").Text(label).Raw("</label>");
                if (err is not null)
                {
                    h.Raw($"<p id=\"{name}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(err).Raw("</p>");
                }

                var described = err is null ? "" : $" aria-describedby=\"{name}-error\"";
                h.Raw($"<textarea class=\"govuk-textarea{(err is null ? "" : " govuk-textarea--error")}\" id=\"{name}\" name=\"{name}\" rows=\"5\"{described}>{Attr(value)}</textarea>");
                h.Raw("</div>");
            }

            h.Raw("<p class=\"govuk-body-s\">").Text($"Written as {editor}.").Raw("</p>");
            Field("text", $"Commentary on {row.Period?.Label ?? "this measure"}", form.Text);
            h.Raw("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Add commentary</button></form>");
        }, errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static string CouncilName(WorkspaceData w) =>
        w.HomeLa is { } la && w.Benchmarks?.Areas.TryGetValue(la, out var a) == true ? a.Name : w.Plan.Council ?? "This council";

    public static async Task<IResult> MeasureCsv(string ws, string id, [FromQuery] string? period, WorkspaceService svc, CancellationToken ct)
    {
        var (w, row, error) = await Find(ws, id, period, svc, ct);
        if (error is not null)
        {
            return error;
        }

        string? N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
        return Csv.File($"{w!.Info.Id}-{row!.Measure.Id}.csv", ["period", "value", "ci_lower", "ci_upper", "target", "england", "region", "sn_average"],
            Points(w, row).Select(p => (IReadOnlyList<string?>)[p.Period, N(p.Value), N(p.Lower), N(p.Upper), N(p.Target), N(p.England), N(p.Region), N(p.SnAverage)]));
    }

    public static async Task<IResult> AddCommentary(string ws, string id, [FromForm] CommentaryForm form, WorkspaceService svc, WorkspaceStore store, IAntiforgery af, HttpContext http, CancellationToken ct)
    {
        var (w, row, error) = await Find(ws, id, null, svc, ct);
        if (error is not null)
        {
            return error;
        }

        // The endpoint requires the editor policy, so this is the signed-in editor's configured name (validated at start).
        var author = EditorSignIn.SignedInEditor(http.User)!;
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(form.Text))
        {
            errors.Add(("text", "Enter the commentary"));
        }
        else if (form.Text.Trim().Length > CommentaryLimits.TextLength)
        {
            errors.Add(("text", $"The commentary must be {CommentaryLimits.TextLength} characters or fewer"));
        }

        var period = string.IsNullOrWhiteSpace(form.Period) ? row!.Period?.Label ?? "" : form.Period.Trim();
        if (period.Length > 40 || (period.Length > 0 && !Core.Periods.Period.Parse(period).Success))
        {
            errors.Add(("text", "The period of the commentary cannot be read; reload the page and try again"));
        }

        if (errors.Count > 0)
        {
            return await Measure(ws, id, null, svc, store, af, http, form, errors, ct);
        }

        await store.AddCommentaryAsync(w!.Info.Id, row!.Measure.Id, period, author, form.Text!, ct);
        return TypedResults.Redirect(w.MeasurePath(row.Measure.Id) + "#commentary");
    }
}
