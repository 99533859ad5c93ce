using System.Globalization;
using System.Net;
using System.Text;
using GoldenThread.Core.AreaComparisons;
using Outcome = GoldenThread.Core.Judgements.Comparison;

namespace GoldenThread.Reporting.AreaComparisons;

/// <summary>
/// Draws one comparison table as an SVG bar chart: a horizontal bar per area with its 95% interval as error bars, the
/// first benchmark (England) as a solid vertical line and the second (the region) as a dashed one. Pure: the same table
/// always gives the same string.
/// </summary>
/// <remarks>
/// Accessible: <c>role="img"</c> with a <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> that lists every area's result, so
/// the chart is never the only way to read it; every bar carries its judgement in words beside it and the "worse" and
/// "no polarity" fills also differ by pattern, so colour is never the only cue. Suppressed areas show the word.
/// </remarks>
public static class AreaComparisonChart
{
    private const int WidthPx = 1080;
    private const int NameRightPx = 212;
    private const int PlotLeftPx = 220;
    private const int PlotWidthPx = 380;
    private const int JudgementLeftPx = 616;
    private const int TopPx = 44;
    private const int RowHeightPx = 26;
    private const int BarHeightPx = 14;
    private const int AxisHeightPx = 44;

    private static readonly string[] LineStyles = ["", " stroke-dasharray=\"6 4\"", " stroke-dasharray=\"2 3\""];

    /// <summary>"overweight-or-obese-reception", for file names and element ids.</summary>
    public static string Slug(ComparisonTable table)
    {
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

    public static string ToSvg(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ind = table.Indicator;
        var id = "chart-" + Slug(table);
        var rows = table.Rows;
        var heightPx = TopPx + rows.Count * RowHeightPx + AxisHeightPx;
        var (axisMax, step) = Axis(table);
        double X(double v) => PlotLeftPx + v / axisMax * PlotWidthPx;

        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {WidthPx} {heightPx}\" width=\"{WidthPx}\" height=\"{heightPx}\" font-family=\"arial, sans-serif\" font-size=\"13\">\n");
        s.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(Title(table))}</title>\n");
        s.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{E(Description(table))}</desc>\n");
        s.Append(CultureInfo.InvariantCulture, $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#d4351c\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern>");
        s.Append(CultureInfo.InvariantCulture, $"<pattern id=\"{id}-dots\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#1d70b8\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#ffffff\"/></pattern></defs>\n");

        // Axis with ticks, under the rows.
        var axisY = TopPx + rows.Count * RowHeightPx + 4;
        s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{P(PlotLeftPx)}\" y1=\"{axisY}\" x2=\"{P(PlotLeftPx + PlotWidthPx)}\" y2=\"{axisY}\" stroke=\"#0b0c0c\"/>\n");
        for (var t = 0.0; t <= axisMax + step / 1000; t += step)
        {
            s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{P(X(t))}\" y1=\"{axisY}\" x2=\"{P(X(t))}\" y2=\"{axisY + 5}\" stroke=\"#0b0c0c\"/><text x=\"{P(X(t))}\" y=\"{axisY + 18}\" text-anchor=\"middle\" font-size=\"12\">{Num(t)}</text>\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"<text x=\"{P(PlotLeftPx + PlotWidthPx / 2.0)}\" y=\"{axisY + 36}\" text-anchor=\"middle\" font-size=\"12\">Per cent; error bars show the 95% confidence interval</text>\n");

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = TopPx + i * RowHeightPx;
            var mid = y + RowHeightPx / 2.0;
            var isBenchmark = row.Comparisons.Any(c => c.IsSelf);
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{NameRightPx}\" y=\"{P(mid + 4)}\" text-anchor=\"end\"{(isBenchmark ? " font-weight=\"700\"" : "")}>{E(row.Area)}</text>\n");
            if (row.ShownValuePercent is not { } value)
            {
                var word = row.State == FigureState.SuppressedSmallCount ? "suppressed (small count)" : "suppressed";
                s.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotLeftPx + 4}\" y=\"{P(mid + 4)}\" font-style=\"italic\" fill=\"#505a5f\">{word}</text>\n");
            }
            else
            {
                var fill = Fill(row, id);
                s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{PlotLeftPx}\" y=\"{P(mid - BarHeightPx / 2.0)}\" width=\"{P(X(value) - PlotLeftPx)}\" height=\"{BarHeightPx}\" fill=\"{fill}\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>\n");
                if (row.ShownInterval95 is { IsComplete: true } ci)
                {
                    var x1 = P(X(ci.Lower!.Value));
                    var x2 = P(X(ci.Upper!.Value));
                    s.Append(CultureInfo.InvariantCulture, $"<g stroke=\"#0b0c0c\" stroke-width=\"1.5\"><line x1=\"{x1}\" y1=\"{P(mid)}\" x2=\"{x2}\" y2=\"{P(mid)}\"/><line x1=\"{x1}\" y1=\"{P(mid - 5)}\" x2=\"{x1}\" y2=\"{P(mid + 5)}\"/><line x1=\"{x2}\" y1=\"{P(mid - 5)}\" x2=\"{x2}\" y2=\"{P(mid + 5)}\"/></g>\n");
                }
            }

            var label = Label(row);
            if (isBenchmark && label.Length == 0)
            {
                label = "benchmark";
            }

            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{JudgementLeftPx}\" y=\"{P(mid + 4)}\" font-size=\"12\">{E(label)}</text>\n");
        }

        // Benchmark lines last, so they sit over the bars.
        for (var b = 0; b < table.Benchmarks.Count && b < LineStyles.Length; b++)
        {
            if (table.Benchmarks[b].Value is not { } v)
            {
                continue;
            }

            var x = X(v);
            var labelY = 14 + b * 16;
            var anchor = x > PlotLeftPx + PlotWidthPx - 60 ? "end" : x < PlotLeftPx + 60 ? "start" : "middle";
            s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{P(x)}\" y1=\"{labelY + 4}\" x2=\"{P(x)}\" y2=\"{axisY}\" stroke=\"#0b0c0c\" stroke-width=\"2\"{LineStyles[b]}/>\n");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{P(x)}\" y=\"{labelY}\" text-anchor=\"{anchor}\" font-size=\"12\">{E(table.Benchmarks[b].Name)} {E(ind.FormatPercent(v))}</text>\n");
        }

        s.Append("</svg>\n");
        return s.ToString();
    }

    /// <summary>The judgement against benchmark <paramref name="b"/> in words: "significantly lower (better)", "not published".</summary>
    internal static string RowWords(AreaComparisonRow row, int b) => row.State switch
    {
        FigureState.NotPublished => "not published",
        FigureState.SuppressedSmallCount => "suppressed (small count)",
        _ => row.Comparisons[b].Words,
    };

    // "significantly lower than England and East Midlands (better)"; "similar to England; not compared with East Midlands".
    // Benchmarks with the same result share a phrase, as in the sentences.
    internal static string Label(AreaComparisonRow row)
    {
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

    // The fill follows the judgement against the first benchmark; worse and no-polarity differences also differ by pattern.
    private static string Fill(AreaComparisonRow row, string id)
    {
        var first = row.Comparisons.FirstOrDefault();
        if (first is null || first.IsNotApplicable)
        {
            return "#505a5f";
        }

        return first.Comparison.Outcome switch
        {
            Outcome.Better => "#00703c",
            Outcome.Worse => $"url(#{id}-hatch)",
            Outcome.Higher or Outcome.Lower => $"url(#{id}-dots)",
            Outcome.Similar => "#b1b4b6",
            _ => "#ffffff",
        };
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

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
