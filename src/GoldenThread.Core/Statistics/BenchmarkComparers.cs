using GoldenThread.Core.Judgements;

namespace GoldenThread.Core.Statistics;

/// <summary>The ways of comparing an area with a benchmark (Fingertips' comparison methods, the ones we need).</summary>
public enum ComparisonMethod
{
    /// <summary>Benchmark against the area's 95% interval.</summary>
    ConfidenceInterval95,
    /// <summary>Against the 99.8% interval first, then the 95% one: "better (99.8%)", "better (95%)", "similar".</summary>
    ConfidenceIntervals95And998,
}

/// <summary>One comparison method.</summary>
public interface IBenchmarkComparer
{
    ComparisonMethod Method { get; }

    BenchmarkComparison Compare(AreaEstimate area, Benchmark benchmark, Polarity polarity);
}

/// <summary>Gives the comparer for a method, as Fingertips' comparer factory does.</summary>
public static class BenchmarkComparerFactory
{
    private static readonly IBenchmarkComparer Single = new SingleIntervalComparer();
    private static readonly IBenchmarkComparer Double = new TwoIntervalComparer();

    public static IBenchmarkComparer Create(ComparisonMethod method) => method switch
    {
        ComparisonMethod.ConfidenceInterval95 => Single,
        ComparisonMethod.ConfidenceIntervals95And998 => Double,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown comparison method"),
    };
}

/// <summary>The rule shared by the comparers: inside (edges included) is similar; outside is better or worse by polarity.</summary>
internal static class IntervalRule
{
    /// <summary>Null when the interval or benchmark is unusable; the reason says why.</summary>
    public static string? Unusable(ConfidenceInterval? interval, Benchmark benchmark, double level)
    {
        if (benchmark.Value is not { } b || !double.IsFinite(b))
        {
            return $"no value for {benchmark.Name} to compare with";
        }

        if (interval is { IsComplete: true })
        {
            return null;
        }

        var levelWords = ConfidenceLevels.ToWords(level);
        if (interval is not { } ci || (ci.Lower is null && ci.Upper is null))
        {
            return $"no {levelWords} confidence interval, so the difference from {benchmark.Name} cannot be tested";
        }

        if (ci.Lower is null)
        {
            return $"only the upper bound of the {levelWords} confidence interval is known, so the difference from {benchmark.Name} cannot be tested";
        }

        return $"only the lower bound of the {levelWords} confidence interval is known, so the difference from {benchmark.Name} cannot be tested";
    }

    /// <summary>Similar, or the direction of a significant difference by polarity.</summary>
    public static Comparison Classify(ConfidenceInterval ci, double benchmark, Polarity polarity)
    {
        if (ci.Contains(benchmark))
        {
            return Comparison.Similar;
        }

        // The benchmark lies below the interval: the area is significantly higher.
        var areaHigher = benchmark < ci.Lower!.Value;
        return polarity switch
        {
            Polarity.HigherIsBetter => areaHigher ? Comparison.Better : Comparison.Worse,
            Polarity.LowerIsBetter => areaHigher ? Comparison.Worse : Comparison.Better,
            _ => areaHigher ? Comparison.Higher : Comparison.Lower,
        };
    }
}

internal sealed class SingleIntervalComparer : IBenchmarkComparer
{
    public ComparisonMethod Method => ComparisonMethod.ConfidenceInterval95;

    public BenchmarkComparison Compare(AreaEstimate area, Benchmark benchmark, Polarity polarity)
    {
        if (IntervalRule.Unusable(area.Interval95, benchmark, ConfidenceLevels.Ninety5) is { } why)
        {
            return BenchmarkComparison.NotAvailable(benchmark, why, twoLevels: false);
        }

        var ci = area.Interval95!.Value;
        var outcome = IntervalRule.Classify(ci, benchmark.Value!.Value, polarity);
        return BenchmarkComparison.Decided(outcome, outcome == Comparison.Similar ? null : ci.Level, benchmark, ci, twoLevels: false);
    }
}

internal sealed class TwoIntervalComparer : IBenchmarkComparer
{
    public ComparisonMethod Method => ComparisonMethod.ConfidenceIntervals95And998;

    public BenchmarkComparison Compare(AreaEstimate area, Benchmark benchmark, Polarity polarity)
    {
        // Both levels are required: with only the 95% interval a "better (95%)" could really be "better (99.8%)".
        if (IntervalRule.Unusable(area.Interval95, benchmark, ConfidenceLevels.Ninety5) is { } why95)
        {
            return BenchmarkComparison.NotAvailable(benchmark, why95, twoLevels: true);
        }

        if (IntervalRule.Unusable(area.Interval998, benchmark, ConfidenceLevels.Ninety9Point8) is { } why998)
        {
            return BenchmarkComparison.NotAvailable(benchmark, why998, twoLevels: true);
        }

        var b = benchmark.Value!.Value;
        var wide = area.Interval998!.Value;
        var outcomeWide = IntervalRule.Classify(wide, b, polarity);
        if (outcomeWide != Comparison.Similar)
        {
            return BenchmarkComparison.Decided(outcomeWide, wide.Level, benchmark, wide, twoLevels: true);
        }

        var narrow = area.Interval95!.Value;
        var outcome = IntervalRule.Classify(narrow, b, polarity);
        return BenchmarkComparison.Decided(outcome, outcome == Comparison.Similar ? null : narrow.Level, benchmark, narrow, twoLevels: true);
    }
}
