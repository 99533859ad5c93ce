using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Disclosure;
using GoldenThread.Core;

namespace GoldenThread.Reporting.AreaComparisons;

/// <summary>
/// A comparison table's cells as words, the same in every file that prints one (the pack's Word document and
/// workbook; the HTML page's table says the same): the area, its per cent and 95% limits in the indicator's decimals,
/// then its result against each benchmark. A figure not shown carries NCMP's "x" (not published at source) or the
/// disclosure marker (withheld here for a small count), never a number.
/// </summary>
public static class ComparisonTableText
{
    /// <summary>The column headings: "Area", "Per cent", "Lower 95% limit", "Upper 95% limit", "Compared with England" …</summary>
    public static IReadOnlyList<string> Headers(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ["Area", "Per cent", "Lower 95% limit", "Upper 95% limit", .. table.Benchmarks.Select(b => "Compared with " + b.Name)];
    }

    /// <summary>The mark in place of a figure that is not shown: the disclosure marker for a small count, else "x".</summary>
    public static string Mark(AreaComparisonRow row, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rules);
        return row.State == FigureState.SuppressedSmallCount ? rules.Marker : "x";
    }

    /// <summary>The row's cells, in the order of <see cref="Headers"/>; a missing limit of a partial interval is "–".</summary>
    public static IReadOnlyList<string> Cells(ComparisonTable table, AreaComparisonRow row, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var ind = table.Indicator;
        var cells = new List<string> { row.Area };
        if (row.State == FigureState.Shown)
        {
            var ci = row.ShownInterval95;
            cells.Add(ind.FormatNumber(row.ShownValuePercent!.Value));
            cells.Add(ci?.Lower is { } lower ? ind.FormatNumber(lower) : DashboardFormatting.MissingMark);
            cells.Add(ci?.Upper is { } upper ? ind.FormatNumber(upper) : DashboardFormatting.MissingMark);
        }
        else
        {
            var mark = Mark(row, rules);
            cells.AddRange([mark, mark, mark]);
        }

        for (var b = 0; b < table.Benchmarks.Count; b++)
        {
            cells.Add(AreaComparisonChart.RowWords(row, b));
        }

        return cells;
    }

    /// <summary>"Polarity: lower is better."</summary>
    public static string PolarityLine(ComparisonIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return "Polarity: " + indicator.Polarity switch
        {
            Polarity.HigherIsBetter => "higher is better",
            Polarity.LowerIsBetter => "lower is better",
            _ => "no polarity (differences are called higher or lower, not better or worse)",
        } + ".";
    }

    /// <summary>The method in plain words, as the comparison page states it.</summary>
    public const string MethodWords = "An area is significantly higher or lower than a benchmark when the benchmark's value lies outside the area's 95% confidence interval (a value on an edge counts as inside, so similar). Better or worse follows the indicator's polarity.";
}
