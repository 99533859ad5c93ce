using System.Globalization;
using System.Text;
using GoldenThread.Core.AreaComparisons;
using Outcome = GoldenThread.Core.Judgements.Comparison;

namespace GoldenThread.Reporting.AreaComparisons;

/// <summary>
/// Lays out one comparison table as a horizontal bar chart: a bar per area with its 95% interval as error bars, the
/// first benchmark (England) as a solid vertical line and the second (the region) as a dashed one, and the words of
/// the chart (title, text alternative, each bar's judgement). Pure: the same table always gives the same layout. The
/// component that draws it is <c>GoldenThread.Views.AreaComparisons.ComparisonChart</c>.
/// </summary>
/// <remarks>
/// Accessible: the drawing is an image named by its title and described by <see cref="Description"/>, which lists every
/// area's result, so the chart is never the only way to read it; every bar carries its judgement in words beside it and
/// the "worse" and "no polarity" fills also differ by pattern, so colour is never the only cue. Suppressed areas show the
/// word instead of a bar.
/// </remarks>
public static class AreaComparisonChart
{
    public const int WidthPx = 1080;
    public const int NameRightPx = 212;
    public const int PlotLeftPx = 220;
    public const int PlotWidthPx = 380;
    public const int JudgementLeftPx = 616;
    public const int BarHeightPx = 14;
    private const int TopPx = 44;
    private const int RowHeightPx = 26;
    private const int AxisHeightPx = 44;

    private static readonly string?[] DashArrays = [null, "6 4", "2 3"];

    /// <summary>"overweight-or-obese-reception", for file names and element ids.</summary>
    public static string Slug(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        foreach (var c in (table.Indicator.Id + "-" + table.Group).ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>The chart's title: "Overweight and obese combined, Reception: per cent by area with 95% confidence intervals".</summary>
    public static string Title(ComparisonTable table) => $"{table.Caption}: per cent by area with 95% confidence intervals";

    /// <summary>The text alternative: the benchmarks, then each area's result against each benchmark, in words.</summary>
    public static string Description(ComparisonTable table)
    {
        var ind = table.Indicator;
        var parts = new List<string> { $"{table.Rows.Count.ToString(CultureInfo.InvariantCulture)} areas." };
        for (var b = 0; b < table.Benchmarks.Count; b++)
        {
            var bench = table.Benchmarks[b];
            var line = b switch { 0 => "solid", 1 => "dashed", _ => "dotted" };
            parts.Add(bench.Value is { } v
                ? $"{bench.Name} ({ind.FormatPercent(v)}) is the {line} vertical line."
                : $"{bench.Name} has no published value.");
        }

        for (var b = 0; b < table.Benchmarks.Count; b++)
        {
            var groups = table.Rows
                .Where(r => !r.Comparisons[b].IsNotApplicable)
                .GroupBy(r => RowWords(r, b))
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Area + Shown(ind, r)))}");
            parts.Add($"Compared with {table.Benchmarks[b].Name}, {string.Join("; ", groups)}.");
        }

        return string.Join(" ", parts);
    }

    /// <summary>Where every mark of the table's chart goes, with its words; coordinates are written as the SVG takes them.</summary>
    public static ComparisonChartLayout Layout(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ind = table.Indicator;
        var id = "chart-" + Slug(table);
        var rows = table.Rows;
        var heightPx = TopPx + rows.Count * RowHeightPx + AxisHeightPx;
        var (axisMax, step) = Axis(table);
        double X(double v) => PlotLeftPx + v / axisMax * PlotWidthPx;

        // Axis with ticks, under the rows.
        var axisY = TopPx + rows.Count * RowHeightPx + 4;
        var ticks = new List<ChartTick>();
        for (var t = 0.0; t <= axisMax + step / 1000; t += step)
        {
            ticks.Add(new ChartTick(P(X(t)), Num(t)));
        }

        var axis = new ChartAxis(P(PlotLeftPx), P(PlotLeftPx + PlotWidthPx), axisY, ticks, P(PlotLeftPx + PlotWidthPx / 2.0));

        var chartRows = new List<ChartRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = TopPx + i * RowHeightPx;
            var mid = y + RowHeightPx / 2.0;
            var isBenchmark = row.Comparisons.Any(c => c.IsSelf);
            string? suppressed = null;
            ChartBar? bar = null;
            ChartInterval? interval = null;
            if (row.ShownValuePercent is not { } value)
            {
                suppressed = row.State == FigureState.SuppressedSmallCount ? "suppressed (small count)" : "suppressed";
            }
            else
            {
                bar = new ChartBar(P(mid - BarHeightPx / 2.0), P(X(value) - PlotLeftPx), Fill(row, id));
                if (row.ShownInterval95 is { IsComplete: true } ci)
                {
                    interval = new ChartInterval(P(X(ci.Lower!.Value)), P(X(ci.Upper!.Value)), P(mid), P(mid - 5), P(mid + 5));
                }
            }

            var label = Label(row);
            if (isBenchmark && label.Length == 0)
            {
                label = "benchmark";
            }

            chartRows.Add(new ChartRow(row.Area, isBenchmark, P(mid + 4), suppressed, bar, interval, label));
        }

        var lines = new List<ChartBenchmarkLine>();
        for (var b = 0; b < table.Benchmarks.Count && b < DashArrays.Length; b++)
        {
            if (table.Benchmarks[b].Value is not { } v)
            {
                continue;
            }

            var x = X(v);
            var labelY = 14 + b * 16;
            var anchor = x > PlotLeftPx + PlotWidthPx - 60 ? "end" : x < PlotLeftPx + 60 ? "start" : "middle";
            lines.Add(new ChartBenchmarkLine(P(x), labelY + 4, DashArrays[b], labelY, anchor, $"{table.Benchmarks[b].Name} {ind.FormatPercent(v)}"));
        }

        return new ComparisonChartLayout(id, WidthPx, heightPx, Title(table), Description(table), axis, chartRows, lines);
    }

    /// <summary>The judgement against benchmark <paramref name="b"/> in words: "significantly lower (better)", "not published".</summary>
    public static string RowWords(AreaComparisonRow row, int b)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.State switch
        {
            FigureState.NotPublished => "not published",
            FigureState.SuppressedSmallCount => "suppressed (small count)",
            _ => row.Comparisons[b].Words,
        };
    }

    /// <summary>
    /// The words beside a bar: "significantly lower than England and East Midlands (better)"; "similar to England; not
    /// compared with East Midlands". Benchmarks with the same result share a phrase, as in the sentences.
    /// </summary>
    public static string Label(AreaComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.State != FigureState.Shown)
        {
            return RowWords(row, 0);
        }

        return string.Join("; ", row.Comparisons
            .Where(c => !c.IsNotApplicable)
            .GroupBy(c => (c.Difference, c.Comparison.Outcome))
            .Select(g =>
            {
                var names = string.Join(" and ", g.Select(c => c.BenchmarkArea));
                var verdict = g.Key.Outcome switch
                {
                    Outcome.Better => " (better)",
                    Outcome.Worse => " (worse)",
                    _ => "",
                };
                return g.Key.Difference switch
                {
                    AreaDifference.SignificantlyHigher => $"significantly higher than {names}{verdict}",
                    AreaDifference.SignificantlyLower => $"significantly lower than {names}{verdict}",
                    AreaDifference.Similar => $"similar to {names}",
                    _ => $"not compared with {names}",
                };
            }));
    }

    /// <summary>
    /// What a row's bar shows, from its judgement against the first benchmark (England): the SVG chart and the Word
    /// chart colour it alike, and "worse" and a difference without polarity also differ by pattern.
    /// </summary>
    public static BarKind KindOf(AreaComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var first = row.Comparisons.FirstOrDefault();
        if (first is null || first.IsNotApplicable)
        {
            return BarKind.Benchmark;
        }

        return first.Comparison.Outcome switch
        {
            Outcome.Better => BarKind.Better,
            Outcome.Worse => BarKind.Worse,
            Outcome.Higher or Outcome.Lower => BarKind.Different,
            Outcome.Similar => BarKind.Similar,
            _ => BarKind.NotCompared,
        };
    }

    private static string Fill(AreaComparisonRow row, string id) => KindOf(row) switch
    {
        BarKind.Benchmark => "#505a5f",
        BarKind.Better => "#00703c",
        BarKind.Worse => $"url(#{id}-hatch)",
        BarKind.Different => $"url(#{id}-dots)",
        BarKind.Similar => "#b1b4b6",
        _ => "#ffffff",
    };

    /// <summary>The axis's end and step: round numbers covering every figure, limit and benchmark (at most 100).</summary>
    public static (double Max, double Step) AxisRange(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Axis(table);
    }

    private static (double Max, double Step) Axis(ComparisonTable table)
    {
        var values = table.Rows.SelectMany(r => new[] { r.ShownValuePercent, r.ShownInterval95?.Upper, r.ShownInterval95?.Lower })
            .Concat(table.Benchmarks.Select(b => b.Value))
            .OfType<double>()
            .ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 0.1);
        var rough = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(m => m >= rough);
        return (Math.Min(100, Math.Ceiling(max / step - 1e-9) * step), step);
    }

    private static string Shown(ComparisonIndicator ind, AreaComparisonRow row) =>
        row.ShownValuePercent is { } v ? $" ({ind.FormatPercent(v)})" : "";

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>What a bar stands for: a benchmark's own bar, or the area's judgement against the first benchmark.</summary>
public enum BarKind
{
    Benchmark,
    Better,
    Worse,
    /// <summary>Significantly higher or lower, for an indicator with no polarity.</summary>
    Different,
    Similar,
    NotCompared,
}

/// <summary>
/// A comparison chart laid out: its element id (prefix of the ids inside it), its box, its title and text alternative,
/// the axis, one row per area and the benchmarks' vertical lines.
/// </summary>
public sealed record ComparisonChartLayout(
    string Id, int WidthPx, int HeightPx, string Title, string Description, ChartAxis Axis, IReadOnlyList<ChartRow> Rows, IReadOnlyList<ChartBenchmarkLine> BenchmarkLines);

/// <summary>The horizontal axis: its line from <see cref="X1"/> to <see cref="X2"/> at <see cref="Y"/>, its ticks, and the x of its caption.</summary>
public sealed record ChartAxis(string X1, string X2, int Y, IReadOnlyList<ChartTick> Ticks, string CaptionX);

/// <summary>A tick on the axis: where, and its number.</summary>
public sealed record ChartTick(string X, string Label);

/// <summary>
/// One area's row: its name (bold when it is a benchmark), the baseline of its texts, either the word for a suppressed
/// figure or its bar (with its interval when complete), and its judgement in words.
/// </summary>
public sealed record ChartRow(string Area, bool IsBenchmark, string TextY, string? SuppressedWord, ChartBar? Bar, ChartInterval? Interval, string Label);

/// <summary>A bar from the axis's zero: its top, its width and its fill (a colour or a pattern's url).</summary>
public sealed record ChartBar(string Y, string Width, string Fill);

/// <summary>The 95% interval's error bar: from <see cref="X1"/> to <see cref="X2"/> at <see cref="Mid"/>, with end caps from <see cref="Top"/> to <see cref="Bottom"/>.</summary>
public sealed record ChartInterval(string X1, string X2, string Mid, string Top, string Bottom);

/// <summary>A benchmark's vertical line (solid, dashed, dotted) from <see cref="Y1"/> down to the axis, and its label above it.</summary>
public sealed record ChartBenchmarkLine(string X, int Y1, string? DashArray, int LabelY, string Anchor, string Label);
