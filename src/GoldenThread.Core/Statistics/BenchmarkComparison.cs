using System.Globalization;
using GoldenThread.Core.Judgements;

namespace GoldenThread.Core.Statistics;

/// <summary>A value to compare with: England, the region, the statistical-neighbour average, a target.</summary>
/// <param name="Name">As the reason will name it: "England", "East Midlands", "statistical neighbours' average".</param>
/// <param name="Value">On the same scale as the area's interval; null when it is not published.</param>
public readonly record struct Benchmark(string Name, double? Value);

/// <summary>An area's value with its intervals at 95% and, where known, 99.8%.</summary>
public readonly record struct AreaEstimate(double Value, ConfidenceInterval? Interval95, ConfidenceInterval? Interval998 = null)
{
    /// <summary>A proportion with its Wilson intervals at both levels, times <paramref name="scale"/> (100 for a per-cent).</summary>
    public static AreaEstimate ForProportion(long numerator, long denominator, double scale = 1) =>
        new((double)numerator / denominator * scale,
            ConfidenceIntervals.WilsonProportion(numerator, denominator, ConfidenceLevels.Ninety5).Scale(scale),
            ConfidenceIntervals.WilsonProportion(numerator, denominator, ConfidenceLevels.Ninety9Point8).Scale(scale));

    /// <summary>A count, or a rate per <paramref name="multiplier"/> when a denominator is given, with Poisson intervals at both levels.</summary>
    public static AreaEstimate ForCountOrRate(long count, double? denominator = null, double multiplier = 1) =>
        new(count * multiplier / (denominator ?? 1.0),
            ConfidenceIntervals.PoissonCountOrRate(count, denominator, multiplier, ConfidenceLevels.Ninety5),
            ConfidenceIntervals.PoissonCountOrRate(count, denominator, multiplier, ConfidenceLevels.Ninety9Point8));
}

/// <summary>
/// The outcome of comparing an area with a benchmark: the <see cref="Comparison"/>, the level at which it is
/// significant, the words to show and the reason in plain English.
/// </summary>
/// <remarks>
/// The reason is built when asked for, so classifying a million values costs no string formatting.
/// <see cref="SignificanceLevel"/> is null unless the outcome is a significant difference.
/// </remarks>
public readonly record struct BenchmarkComparison
{
    private readonly string? _notAvailableReason;
    private readonly ConfidenceInterval _decidingInterval;

    private BenchmarkComparison(Comparison outcome, double? significanceLevel, Benchmark benchmark, ConfidenceInterval decidingInterval, bool twoLevels, string? notAvailableReason)
    {
        Outcome = outcome;
        SignificanceLevel = significanceLevel;
        Benchmark = benchmark;
        _decidingInterval = decidingInterval;
        TwoLevels = twoLevels;
        _notAvailableReason = notAvailableReason;
    }

    public Comparison Outcome { get; }

    /// <summary>0.95 or 0.998 when the difference is significant at that level; null otherwise.</summary>
    public double? SignificanceLevel { get; }

    public Benchmark Benchmark { get; }

    /// <summary>True when produced by a two-level method, whose words name the level ("better (99.8%)").</summary>
    public bool TwoLevels { get; }

    /// <summary>"better", "similar", "worse", "higher", "lower", "not compared"; two-level methods add the level: "worse (95%)".</summary>
    public string Words
    {
        get
        {
            var word = Outcome switch
            {
                Comparison.Better => "better",
                Comparison.Worse => "worse",
                Comparison.Similar => "similar",
                Comparison.Higher => "higher",
                Comparison.Lower => "lower",
                _ => "not compared",
            };
            return TwoLevels && SignificanceLevel is { } level ? $"{word} ({ConfidenceLevels.ToWords(level)})" : word;
        }
    }

    public string Reason
    {
        get
        {
            if (Outcome == Comparison.NotAvailable)
            {
                return _notAvailableReason ?? "not compared";
            }

            var b = Format(Benchmark.Value!.Value);
            var ci = $"{Format(_decidingInterval.Lower!.Value)} to {Format(_decidingInterval.Upper!.Value)}";
            var level = ConfidenceLevels.ToWords(_decidingInterval.Level);
            if (Outcome == Comparison.Similar)
            {
                return $"{Benchmark.Name} ({b}) lies within the {level} confidence interval ({ci}), so the difference is not significant";
            }

            var side = Benchmark.Value < _decidingInterval.Lower ? "below" : "above";
            var meaning = Outcome switch
            {
                Comparison.Better => "significantly better",
                Comparison.Worse => "significantly worse",
                Comparison.Higher => "significantly higher (no polarity, so neither better nor worse)",
                _ => "significantly lower (no polarity, so neither better nor worse)",
            };
            return $"{Benchmark.Name} ({b}) lies {side} the {level} confidence interval ({ci}): {meaning}";
        }
    }

    /// <summary>The comparison as a dashboard judgement.</summary>
    public Judgement<Comparison> ToJudgement() =>
        new(Outcome, Reason, Outcome == Comparison.NotAvailable ? JudgementMethod.NotApplicable : JudgementMethod.Significance);

    internal static BenchmarkComparison NotAvailable(Benchmark benchmark, string reason, bool twoLevels) =>
        new(Comparison.NotAvailable, null, benchmark, default, twoLevels, reason);

    internal static BenchmarkComparison Decided(Comparison outcome, double? significanceLevel, Benchmark benchmark, ConfidenceInterval interval, bool twoLevels) =>
        new(outcome, significanceLevel, benchmark, interval, twoLevels, null);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
