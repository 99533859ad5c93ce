using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Judgements;

/// <summary>How the council's value compares with a benchmark (the statistical-neighbour average, England, the region).</summary>
/// <remarks>
/// Method (docs/methods.md#benchmark-comparison): within the measure's tolerance around the benchmark (edge inclusive) is
/// "similar"; otherwise better or worse by polarity, higher or lower when the measure has none. Where confidence intervals
/// exist, the statistical comparison replaces this rule.
/// </remarks>
public static class BenchmarkComparison
{
    public static Judgement<Comparison> Judge(
        double value,
        double? benchmark,
        string benchmarkName,
        Polarity polarity,
        Tolerance tolerance,
        Func<double, string> format,
        Func<double, string>? difference = null)
    {
        var d = difference ?? DirectionOfTravel.Number;
        if (benchmark is not { } b)
        {
            return new(Comparison.NotAvailable, $"No {benchmarkName} for this period.", JudgementMethod.NotApplicable);
        }

        var text = $"{format(value)} against the {benchmarkName} of {format(b)}";
        if (tolerance.IsWithin(value, b))
        {
            return new(Comparison.Similar, $"{text}: within the tolerance of ±{d(tolerance.WidthAround(b))}.", JudgementMethod.Tolerance);
        }

        var diff = value - b;
        var outcome = polarity switch
        {
            Polarity.HigherIsBetter => diff > 0 ? Comparison.Better : Comparison.Worse,
            Polarity.LowerIsBetter => diff < 0 ? Comparison.Better : Comparison.Worse,
            _ => diff > 0 ? Comparison.Higher : Comparison.Lower,
        };
        var because = polarity == Polarity.NoJudgement ? "no polarity" : polarity.ToWords();
        return new(outcome, $"{text}: {(diff > 0 ? "above" : "below")} by {d(Math.Abs(diff))} ({because}).", JudgementMethod.Tolerance);
    }
}
