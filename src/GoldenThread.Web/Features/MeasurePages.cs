using System.Globalization;
using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Statistics;
using GoldenThread.Reporting;
using GoldenThread.Store;
using GoldenThread.Web.Hosting;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>One point of a measure's chart and its table: the council's value with its interval, the target and the comparators.</summary>
public sealed record MeasurePoint(string Period, double? Value, double? Lower, double? Upper, double? Target, double? England, double? Region, double? SnAverage);

/// <summary>All councils' values for the measure's latest period, with this council's place among them and its statistical neighbours' values.</summary>
public sealed record MeasureDistribution(string Period, IReadOnlyList<(string Council, double Value)> Councils, QuartileBoundaries Quartiles, double? Home, int? Rank, int? RankedCount,
    IReadOnlyList<(string Council, double? Value)> Neighbours);

/// <summary>The commentary form's fields. The author is the signed-in editor, never a field a browser could fill.</summary>
public sealed class CommentaryForm
{
    [FromForm(Name = "text")]
    public string? Text { get; set; }

    [FromForm(Name = "period")]
    public string? Period { get; set; }
}

/// <summary>What the measure page shows: the row and its judgements, the trend, all councils, where it sits, the commentary.</summary>
public sealed record MeasureView(WorkspaceData W, DashboardRow Row, string? Period, IReadOnlyList<MeasurePoint> Points, MeasureDistribution? Distribution,
    IReadOnlyList<Commentary> History, IReadOnlyList<(Core.Plans.Theme Theme, Core.Plans.Outcome? Outcome)> Places, string CouncilName, bool ShowsCommentary, string? Author,
    IReadOnlyList<string> Unshowable);

public static class MeasurePages
{
    public static IEndpointRouteBuilder MapMeasurePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/w/{ws}/measures/{id}", (string ws, string id, [FromQuery] string? period, WorkspaceService svc, WorkspaceStore store, HttpContext http, CancellationToken ct) =>
            Measure(ws, id, period, svc, store, http, null, null, ct)).CachedPage().Requires(Permission.ReadDashboard);
        pages.MapGet("/w/{ws}/measures/{id}.csv", MeasureCsv).Requires(Permission.ReadDashboard);
        pages.MapPost("/w/{ws}/measures/{id}/commentary", AddCommentary).Requires(Permission.EditMeasure);
        return app;
    }

    /// <summary>Finds the row for a measure on the dashboard of the period; the error result when there is none.</summary>
    public static async Task<(WorkspaceData? Ws, DashboardRow? Row, IResult? Error)> Find(string ws, string id, string? period, WorkspaceService svc, CurrentPerson current, CancellationToken ct)
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
            var (shown, notPublished) = await svc.DashboardForAsync(w, p, await current.AccessAsync(w, ct));
            if (shown is null)
            {
                return (w, null, Lookups.NotPublished(w, notPublished!));
            }

            d = shown;
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
            if (trend is not null && own is { Numerator: { } n, Denominator: { } den } && UnshowableCounts(m, own) is null)
            {
                ConfidenceInterval? ci = m.Unit.Kind switch
                {
                    UnitKind.Percentage => ConfidenceIntervals.WilsonPercent((long)Math.Round(n), (long)Math.Round(den)),
                    UnitKind.Rate when m.Unit.RateBase is { } b => ConfidenceIntervals.Byars((long)Math.Round(n), den, b),
                    _ => null,
                };
                (lower, upper) = (ci?.Lower, ci?.Upper);
            }

            // Any target with a figure (to reach it, or to stay the right side of it) is drawn for the periods it applies to.
            var target = m.Targets.FirstOrDefault(t => t.Year.Contains(p.End) && t.Target.Value is not null)?.Target.Value;
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

    /// <summary>
    /// Why the counts stored with a value cannot give its interval (a numerator above a percentage's denominator, a
    /// fractional count of children, a denominator of zero), or null when they can. Today's readers refuse such counts;
    /// an older version stored some, and the page then says so rather than failing.
    /// </summary>
    public static string? UnshowableCounts(Measure m, Core.Measures.Observation o)
    {
        if (o.Value is { } v && !double.IsFinite(v))
        {
            return $"The value stored for {o.Period.Label} is not a number";
        }

        if (o is not { Numerator: { } n, Denominator: { } den })
        {
            return null;
        }

        var shown = $"The counts stored for {o.Period.Label}, {n.ToString("0.##", CultureInfo.InvariantCulture)} out of {den.ToString("0.##", CultureInfo.InvariantCulture)},";
        return m.Unit.Kind switch
        {
            _ when !double.IsFinite(n) || !double.IsFinite(den) || n < 0 || den <= 0 => $"{shown} are not counts",
            UnitKind.Percentage when den != Math.Floor(den) || n != Math.Floor(n) => $"{shown} are not whole counts",
            UnitKind.Percentage when n > den => $"{shown} have a numerator larger than the denominator",
            _ => null,
        };
    }

    /// <summary>The stored values of the row's measure that the page shows without their interval, and why.</summary>
    public static IReadOnlyList<string> Unshowable(WorkspaceData w, DashboardRow row) =>
        w.Values.Where(o => string.Equals(o.MeasureId, row.Measure.Id, StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => o.Period.End)
            .Select(o => UnshowableCounts(row.Measure, o))
            .OfType<string>()
            .ToList();

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
        // The ten councils most like this one (DfE's statistical neighbours), with their published values for the period.
        var neighbours = w.HomeLa is { } homeLa && data.Neighbours.TryGetValue(homeLa, out var ids)
            ? ids.Select(n => (data.Areas.TryGetValue(n, out var a) ? a.Name : n.ToString(CultureInfo.InvariantCulture), pv.ByArea.TryGetValue(n, out var v) && double.IsFinite(v) ? v : (double?)null)).ToList()
            : [];

        // The rank is the dashboard's (withheld with a suppressed figure, since it would place it among the others).
        return new MeasureDistribution(period.Label, councils, q, home, row.Rank, row.RankedCount, neighbours);
    }

    public static async Task<IResult> Measure(string ws, string id, string? period, WorkspaceService svc, WorkspaceStore store, HttpContext http,
        CommentaryForm? failedForm, IReadOnlyList<FieldError>? errors, CancellationToken ct)
    {
        var (w, row, error) = await Find(ws, id, period, svc, http.RequestServices.GetRequiredService<CurrentPerson>(), ct);
        if (error is not null)
        {
            return error;
        }

        var m = row!.Measure;
        var current = http.RequestServices.GetRequiredService<CurrentPerson>();
        var access = await current.AccessAsync(w!, ct);
        var history = access.ReadsInternal ? await store.CommentaryAsync(w!.Info.Id, m.Id, ct) : [];
        var author = access.EditsMeasure(m.Id) ? await current.DisplayNameAsync(ct) : null;
        var view = new MeasureView(w!, row, period, Points(w!, row), Distribution(w!, row), history,
            w!.Plan.PlacesOf(m.Id), CouncilName(w!), access.ReadsInternal, author, Unshowable(w!, row));
        var evidence = await PublishableEvidenceAsync(w!, m.Id, access, http.RequestServices.GetRequiredService<Store.Cycle.CycleStore>(), ct);
        return Pages.Render<MeasurePage>(new { View = view, Form = failedForm, Errors = errors, Evidence = evidence },
            errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>
    /// The evidence the measure page shows: only quotes flagged as publishable; for visitors, only where the workspace runs
    /// its quarters here and the quote's quarter is published (a draft quarter's evidence is as unpublished as its figures).
    /// </summary>
    public static async Task<IReadOnlyList<Store.Cycle.EvidenceItem>> PublishableEvidenceAsync(WorkspaceData w, string measureId, WorkspaceAccess access, Store.Cycle.CycleStore cycle, CancellationToken ct)
    {
        if (!access.ReadsInternal && !w.Cycle.InUse)
        {
            return [];
        }

        var items = await cycle.EvidenceAsync(w.Info.Id, measureId, publishableOnly: true, ct);
        return access.ReadsInternal
            ? items
            : items.Where(e => w.Cycle.Periods.Any(p => p.IsPublished && p.Label == e.ReportingPeriod)).ToList();
    }

    private static string CouncilName(WorkspaceData w) =>
        w.HomeLa is { } la && w.Benchmarks?.Areas.TryGetValue(la, out var a) == true ? a.Name : w.Plan.Council ?? "This council";

    public static async Task<IResult> MeasureCsv(string ws, string id, [FromQuery] string? period, WorkspaceService svc, CurrentPerson current, CancellationToken ct)
    {
        var (w, row, error) = await Find(ws, id, period, svc, current, ct);
        if (error is not null)
        {
            return error;
        }

        string? N(double? v) => v is { } x ? GoldenThread.Core.Measures.MeasureUnit.Clean(x).ToString("R", CultureInfo.InvariantCulture) : null;
        return Csv.File($"{w!.Info.Id}-{row!.Measure.Id}.csv", ["period", "value", "ci_lower", "ci_upper", "target", "england", "region", "sn_average"],
            Points(w, row).Select(p => (IReadOnlyList<string?>)[p.Period, N(p.Value), N(p.Lower), N(p.Upper), N(p.Target), N(p.England), N(p.Region), N(p.SnAverage)]));
    }

    public static async Task<IResult> AddCommentary(string ws, string id, [FromForm] CommentaryForm? posted, WorkspaceService svc, WorkspaceStore store, HttpContext http, CancellationToken ct)
    {
        // A form posted with none of its fields binds to null: an empty form, which its validation answers.
        var form = posted ?? new CommentaryForm();
        var (w, row, error) = await Find(ws, id, null, svc, http.RequestServices.GetRequiredService<CurrentPerson>(), ct);
        if (error is not null)
        {
            return error;
        }

        // The endpoint's policy let through only someone who may edit this measure, so there is a signed-in person.
        var author = await http.RequestServices.GetRequiredService<CurrentPerson>().DisplayNameAsync(ct) ?? "";
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Text))
        {
            errors.Add(new("text", "Enter the commentary"));
        }
        else if (form.Text.Trim().Length > CommentaryLimits.TextLength)
        {
            errors.Add(new("text", $"The commentary must be {CommentaryLimits.TextLength} characters or fewer"));
        }

        var period = string.IsNullOrWhiteSpace(form.Period) ? row!.Period?.Label ?? "" : form.Period.Trim();
        if (period.Length > 40 || (period.Length > 0 && !Core.Periods.Period.Parse(period).Success))
        {
            errors.Add(new("text", "The period of the commentary cannot be read; reload the page and try again"));
        }

        if (errors.Count > 0)
        {
            return await Measure(ws, id, null, svc, store, http, form, errors, ct);
        }

        await store.AddCommentaryAsync(w!.Info.Id, row!.Measure.Id, period, author, form.Text!, ct);
        return TypedResults.Redirect(w.MeasurePath(row.Measure.Id) + "#commentary");
    }
}
