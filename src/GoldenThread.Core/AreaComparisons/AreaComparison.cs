using GoldenThread.Core.Disclosure;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Statistics;
using BenchmarkComparison = GoldenThread.Core.Statistics.BenchmarkComparison;
using Outcome = GoldenThread.Core.Judgements.Comparison;

namespace GoldenThread.Core.AreaComparisons;

/// <summary>What to compare with: the benchmark areas (England, the region), the area the report is about, and disclosure control.</summary>
/// <param name="BenchmarkAreas">Area names as written in the data, in the order sentences name them.</param>
/// <param name="FocusArea">The area whose sentences lead the report (Leicestershire); null for none.</param>
/// <param name="Disclosure">Suppression of small counts where counts are given; null for the default (1 to 5).</param>
public sealed record AreaComparisonOptions(IReadOnlyList<string> BenchmarkAreas, string? FocusArea = null, DisclosureRules? Disclosure = null);

/// <summary>Whether a figure is shown, or why not.</summary>
public enum FigureState
{
    Shown,
    /// <summary>The source did not publish it (NCMP's "x").</summary>
    NotPublished,
    /// <summary>Its numerator is from 1 to the disclosure threshold, so GoldenThread does not publish it either.</summary>
    SuppressedSmallCount,
}

/// <summary>Which side of a benchmark an area lies on, whatever the polarity.</summary>
public enum AreaDifference
{
    NotCompared,
    Similar,
    SignificantlyHigher,
    SignificantlyLower,
}

/// <summary>One area against one benchmark.</summary>
/// <param name="BenchmarkArea">"England", "East Midlands".</param>
/// <param name="IsSelf">True when the area is this benchmark (England against England): nothing is compared.</param>
/// <param name="IsWiderBenchmark">
/// True when the area is a benchmark named before this one (England against East Midlands): the national figure is the
/// yardstick for the region, not the other way round, so nothing is compared.
/// </param>
/// <param name="Comparison">The outcome, significance and reason from the confidence-interval comparer.</param>
/// <param name="Difference">Higher, lower or similar, for sentences (the report's words do not say better or worse).</param>
public sealed record AreaBenchmarkResult(string BenchmarkArea, bool IsSelf, bool IsWiderBenchmark, BenchmarkComparison Comparison, AreaDifference Difference)
{
    /// <summary>True when this pair is not compared by design (self, or a wider benchmark against a narrower one).</summary>
    public bool IsNotApplicable => IsSelf || IsWiderBenchmark;

    /// <summary>"significantly lower (better)", "similar", "significantly higher" (no polarity), "not compared", "benchmark", "wider benchmark".</summary>
    public string Words => IsSelf ? "benchmark" : IsWiderBenchmark ? "wider benchmark" : Comparison.Outcome switch
    {
        Outcome.Similar => "similar",
        Outcome.Better => Difference == AreaDifference.SignificantlyHigher ? "significantly higher (better)" : "significantly lower (better)",
        Outcome.Worse => Difference == AreaDifference.SignificantlyHigher ? "significantly higher (worse)" : "significantly lower (worse)",
        Outcome.Higher => "significantly higher",
        Outcome.Lower => "significantly lower",
        _ => "not compared",
    };
}

/// <summary>One area's row of a comparison table.</summary>
public sealed record AreaComparisonRow(AreaFigure Figure, FigureState State, IReadOnlyList<AreaBenchmarkResult> Comparisons, string Sentence)
{
    public string Area => Figure.Area;

    /// <summary>The value as it may be published: null unless <see cref="State"/> is <see cref="FigureState.Shown"/>.</summary>
    public double? ShownValuePercent => State == FigureState.Shown ? Figure.ValuePercent : null;

    /// <summary>The interval as it may be published (null when suppressed or absent).</summary>
    public ConfidenceInterval? ShownInterval95 => State == FigureState.Shown ? Figure.Interval95 : null;

    /// <summary>
    /// The note as it may be published: a note beside a figure withheld for a small count may quote it, so it is
    /// withheld too (with words saying so); otherwise the note as given.
    /// </summary>
    public string? ShownNote => State == FigureState.SuppressedSmallCount && Figure.Note is not null
        ? "Not shown: the note may quote a figure withheld for a small count (disclosure control)."
        : Figure.Note;
}

/// <summary>One indicator for one group: every area's row, compared with the benchmarks.</summary>
public sealed record ComparisonTable(ComparisonIndicator Indicator, string Group, IReadOnlyList<Benchmark> Benchmarks, IReadOnlyList<AreaComparisonRow> Rows)
{
    /// <summary>"Overweight and obese combined, Reception".</summary>
    public string Caption => Group.Length == 0 ? Indicator.Title : $"{Indicator.Title}, {Group}";
}

/// <summary>All the tables, in indicator order then group order, with what they were compared against.</summary>
public sealed record AreaComparisonResult(IReadOnlyList<ComparisonTable> Tables, AreaComparisonOptions Options, DisclosureRules Disclosure)
{
    /// <summary>True when any figure is suppressed for a small count: the page must then print the footnote.</summary>
    public bool AnySmallCountSuppressed => Tables.Any(t => t.Rows.Any(r => r.State == FigureState.SuppressedSmallCount));

    /// <summary>The focus area's sentence for each table, in table order (the report's "key figures").</summary>
    public IReadOnlyList<string> FocusSentences =>
        Options.FocusArea is { } focus
            ? Tables.SelectMany(t => t.Rows.Where(r => string.Equals(r.Area, focus, StringComparison.Ordinal)).Select(r => r.Sentence)).ToList()
            : [];
}

/// <summary>
/// Compares every area with every benchmark area, for each indicator and group, with the 95% confidence-interval
/// comparer, and writes a sentence per row in the style of the NCMP report (Appendix C of seed 001). Pure.
/// </summary>
public static class AreaComparisonEvaluator
{
    public static ParseResult<AreaComparisonResult> Evaluate(IReadOnlyList<ComparisonIndicator> indicators, IReadOnlyList<AreaFigure> figures, AreaComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.Disclosure ?? DisclosureRules.Default;
        var areas = figures.Select(f => f.Area).Distinct(StringComparer.Ordinal).ToList();
        foreach (var b in options.BenchmarkAreas.Append(options.FocusArea).OfType<string>())
        {
            if (!areas.Contains(b, StringComparer.Ordinal))
            {
                return ParseResult<AreaComparisonResult>.Fail($"'{b}' is not an area in the data; expected one of {string.Join(", ", areas)}");
            }
        }

        var byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        if (figures.FirstOrDefault(f => !byId.ContainsKey(f.IndicatorId)) is { } stray)
        {
            return ParseResult<AreaComparisonResult>.Fail($"indicator '{stray.IndicatorId}' has no entry in the indicators; expected one of {string.Join(", ", byId.Keys)}");
        }

        var comparer = BenchmarkComparerFactory.Create(ComparisonMethod.ConfidenceInterval95);
        var tables = new List<ComparisonTable>();
        foreach (var indicator in indicators)
        {
            var ofIndicator = figures.Where(f => f.IndicatorId == indicator.Id).ToList();
            foreach (var group in ofIndicator.Select(f => f.Group).Distinct(StringComparer.Ordinal))
            {
                var inTable = ofIndicator.Where(f => f.Group == group).ToList();
                var benchmarks = options.BenchmarkAreas
                    .Select(name => new Benchmark(name, inTable.FirstOrDefault(f => f.Area == name) is { } bf && StateOf(bf, rules) == FigureState.Shown ? bf.ValuePercent : null))
                    .ToList();
                var rows = inTable.Select(f => Row(indicator, f, benchmarks, comparer, rules)).ToList();
                tables.Add(new ComparisonTable(indicator, group, benchmarks, rows));
            }
        }

        return ParseResult<AreaComparisonResult>.Ok(new AreaComparisonResult(tables, options, rules));
    }

    private static FigureState StateOf(AreaFigure figure, DisclosureRules rules) =>
        !figure.IsPublished ? FigureState.NotPublished
        : figure.Numerator is { } r && rules.IsSmall(r) ? FigureState.SuppressedSmallCount
        : FigureState.Shown;

    private static AreaComparisonRow Row(ComparisonIndicator indicator, AreaFigure figure, IReadOnlyList<Benchmark> benchmarks, IBenchmarkComparer comparer, DisclosureRules rules)
    {
        var state = StateOf(figure, rules);
        var results = new List<AreaBenchmarkResult>();
        var ownIndex = benchmarks.Select(b => b.Name).ToList().IndexOf(figure.Area);
        for (var index = 0; index < benchmarks.Count; index++)
        {
            var benchmark = benchmarks[index];
            var self = index == ownIndex;
            var wider = ownIndex >= 0 && ownIndex < index;
            BenchmarkComparison comparison;
            if (self)
            {
                comparison = BenchmarkComparison.NotAvailable(benchmark, $"{figure.Area} is the benchmark itself", twoLevels: false);
            }
            else if (wider)
            {
                comparison = BenchmarkComparison.NotAvailable(benchmark, $"{figure.Area} is a wider benchmark than {benchmark.Name}, so it is not compared with it", twoLevels: false);
            }
            else if (state != FigureState.Shown)
            {
                var why = state == FigureState.NotPublished
                    ? "the figure is not published, so there is nothing to compare"
                    : $"the figure is suppressed (a count from 1 to {rules.Threshold}), so it is not compared";
                comparison = BenchmarkComparison.NotAvailable(benchmark, why, twoLevels: false);
            }
            else
            {
                comparison = comparer.Compare(new AreaEstimate(figure.ValuePercent!.Value, figure.Interval95), benchmark, indicator.Polarity);
            }

            results.Add(new AreaBenchmarkResult(benchmark.Name, self, wider, comparison, DifferenceOf(comparison, figure.Interval95)));
        }

        return new AreaComparisonRow(figure, state, results, ComparisonSentences.Write(indicator, figure, state, results, rules));
    }

    private static AreaDifference DifferenceOf(BenchmarkComparison comparison, ConfidenceInterval? interval) => comparison.Outcome switch
    {
        Outcome.Similar => AreaDifference.Similar,
        Outcome.NotAvailable => AreaDifference.NotCompared,
        // A significant outcome means the benchmark lies wholly outside the complete interval.
        _ => comparison.Benchmark.Value < interval!.Value.Lower ? AreaDifference.SignificantlyHigher : AreaDifference.SignificantlyLower,
    };
}
