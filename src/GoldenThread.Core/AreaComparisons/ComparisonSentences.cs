using System.Globalization;
using GoldenThread.Core.Disclosure;

namespace GoldenThread.Core.AreaComparisons;

/// <summary>
/// The report's sentence for one area: "20.2% of Reception children in Leicestershire are overweight or obese,
/// significantly lower than the England and East Midlands averages (21.9% and 21.7% respectively)."
/// </summary>
/// <remarks>
/// Benchmarks with the same result share a clause, in the order the benchmarks were given, as in Appendix C of seed 001
/// ("similar to the England and East Midlands averages (14.2% and 13.8% respectively)"). The words say higher or lower,
/// as the report does; better or worse is in the table's judgement column.
/// </remarks>
public static class ComparisonSentences
{
    public static string Write(ComparisonIndicator indicator, AreaFigure figure, FigureState state, IReadOnlyList<AreaBenchmarkResult> comparisons, DisclosureRules rules)
    {
        var groupPart = figure.Group.Length == 0 ? "" : $" ({figure.Group})";
        if (state == FigureState.NotPublished)
        {
            var why = figure.Note is null ? "" : $" ({figure.Note})";
            return $"{indicator.Title}{groupPart}, {figure.Area}: not published{why}, so not compared.";
        }

        if (state == FigureState.SuppressedSmallCount)
        {
            return $"{indicator.Title}{groupPart}, {figure.Area}: {rules.Marker} suppressed (a count from 1 to {rules.Threshold.ToString(CultureInfo.InvariantCulture)}), so not compared.";
        }

        var value = indicator.FormatPercent(figure.ValuePercent!.Value);
        var lead = indicator.StatementTemplate is { } template
            ? template.Replace("{value}", value, StringComparison.Ordinal)
                .Replace("{group}", figure.Group, StringComparison.Ordinal)
                .Replace("{area}", figure.Area, StringComparison.Ordinal)
            : figure.Group.Length == 0
                ? $"{figure.Area}: {indicator.Title} {value}"
                : $"{figure.Area}, {figure.Group}: {indicator.Title} {value}";

        var compared = comparisons.Where(c => !c.IsNotApplicable && c.Difference != AreaDifference.NotCompared).ToList();
        var clauses = compared
            .GroupBy(c => c.Difference)
            .Select(g => $"{Phrase(g.Key)} {Names(indicator, g.ToList())}")
            .ToList();
        var sentence = lead + (clauses.Count == 0 ? "" : ", " + string.Join(" and ", clauses)) + ".";

        foreach (var missing in comparisons.Where(c => !c.IsNotApplicable && c.Difference == AreaDifference.NotCompared))
        {
            sentence += $" Not compared with the {missing.BenchmarkArea} average: {missing.Comparison.Reason}.";
        }

        return sentence;
    }

    private static string Phrase(AreaDifference difference) => difference switch
    {
        AreaDifference.SignificantlyHigher => "significantly higher than",
        AreaDifference.SignificantlyLower => "significantly lower than",
        _ => "similar to",
    };

    // "the England average (21.9%)"; "the England and East Midlands averages (21.9% and 21.7% respectively)".
    private static string Names(ComparisonIndicator indicator, IReadOnlyList<AreaBenchmarkResult> results)
    {
        var values = results.Select(r => indicator.FormatPercent(r.Comparison.Benchmark.Value!.Value)).ToList();
        var names = results.Select(r => r.BenchmarkArea).ToList();
        return results.Count == 1
            ? $"the {names[0]} average ({values[0]})"
            : $"the {AndList(names)} averages ({AndList(values)} respectively)";
    }

    private static string AndList(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
