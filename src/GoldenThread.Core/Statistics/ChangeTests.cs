using System.Globalization;
using GoldenThread.Core.Judgements;
using MathNet.Numerics.Distributions;

namespace GoldenThread.Core.Statistics;

/// <summary>The result of testing whether a value changed between two periods.</summary>
/// <param name="Significant">True when the change is significant at <paramref name="Level"/>.</param>
/// <param name="Direction">Improved or declined by polarity when significant; higher or lower with no polarity; otherwise no significant change (or no comparison).</param>
/// <param name="PValue">Two-sided p-value of the test; null when the test could not run.</param>
/// <param name="Reason">In plain words, naming the test.</param>
public readonly record struct ChangeTestResult(bool Significant, Direction Direction, double? PValue, double Level, string Reason)
{
    public Judgement<Direction> ToJudgement() =>
        new(Direction, Reason, Direction == Direction.NoComparison ? JudgementMethod.NotApplicable : JudgementMethod.Significance);
}

/// <summary>
/// Tests for a change between two periods, at 95%. Pure functions.
/// </summary>
/// <remarks>
/// Proportions: the two-sample z-test on the pooled proportion (Armitage, Berry and Matthews, "Statistical Methods in
/// Medical Research", 4th edn, 2002, section 4.5). Counts and rates: the exact conditional test for two Poisson counts
/// (Breslow and Day, "Statistical Methods in Cancer Research" vol. II, IARC 1987, section 2.4): given the total, the
/// earlier count is binomial with probability equal to its share of the exposure. Formulas: docs/statistics.md.
/// </remarks>
public static class ChangeTests
{
    /// <summary>Is the proportion <paramref name="currentNumerator"/>/<paramref name="currentDenominator"/> significantly different from the previous one?</summary>
    public static ChangeTestResult TwoProportions(long previousNumerator, long previousDenominator, long currentNumerator, long currentDenominator, Polarity polarity)
    {
        const double level = ConfidenceLevels.Ninety5;
        Require(previousNumerator, previousDenominator, "previous");
        Require(currentNumerator, currentDenominator, "current");
        double x1 = previousNumerator, n1 = previousDenominator, x2 = currentNumerator, n2 = currentDenominator;
        var p1 = x1 / n1;
        var p2 = x2 / n2;
        var pooled = (x1 + x2) / (n1 + n2);
        var words = $"{F(p1 * 100)}% ({previousNumerator}/{previousDenominator}) to {F(p2 * 100)}% ({currentNumerator}/{currentDenominator})";
        if (pooled == 0 || pooled == 1)
        {
            return new(false, Direction.NoSignificantChange, 1.0, level,
                $"{words}: the proportion is {(pooled == 0 ? "0%" : "100%")} in both periods, so there is no change");
        }

        var se = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var z = (p2 - p1) / se;
        var pValue = 2 * Normal.CDF(0, 1, -Math.Abs(z));
        var significant = Math.Abs(z) > Quantiles.TwoSidedZ(level);
        var reason = $"{words}: two-sample z-test on the pooled proportion, z = {F(z)}, p = {P(pValue)}";
        return new(significant, DirectionOf(significant, p2 - p1, polarity), pValue, level,
            reason + (significant ? ", significant at 95%" : ", not significant at 95%"));
    }

    /// <summary>
    /// Is the count (or rate, count / exposure) in the current period significantly different from the previous one?
    /// Leave the exposures null for plain counts over equal exposure.
    /// </summary>
    public static ChangeTestResult TwoCounts(long previousCount, double? previousExposure, long currentCount, double? currentExposure, Polarity polarity)
    {
        const double level = ConfidenceLevels.Ninety5;
        if (previousCount < 0 || currentCount < 0)
        {
            throw new ArgumentOutOfRangeException(previousCount < 0 ? nameof(previousCount) : nameof(currentCount), "a count cannot be negative");
        }

        if (previousExposure.HasValue != currentExposure.HasValue)
        {
            throw new ArgumentException("give both exposures (denominators) or neither");
        }

        double e1 = previousExposure ?? 1, e2 = currentExposure ?? 1;
        if (!(e1 > 0) || !(e2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(previousExposure), "an exposure (denominator) must be positive");
        }

        var r1 = previousCount / e1;
        var r2 = currentCount / e2;
        var words = previousExposure.HasValue
            ? $"{previousCount} in {F(e1)} to {currentCount} in {F(e2)}"
            : $"{previousCount} to {currentCount}";
        if (previousCount > BinomialTails.MaxTrials - currentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(currentCount),
                $"the two counts add up to more than 2^53 ({BinomialTails.MaxTrials}), beyond what a double holds exactly");
        }

        var total = previousCount + currentCount;
        if (total == 0)
        {
            return new(false, Direction.NoSignificantChange, 1.0, level, $"{words}: no events in either period, so there is no change");
        }

        // Under no change, the previous count is Binomial(total, share of exposure); two-sided p by doubling the smaller
        // tail. The tails are summed for totals of any size (MathNet's binomial takes an int and overflowed past 2^31).
        var share = e1 / (e1 + e2);
        var (lowerTail, upperTail) = BinomialTails.Tails(previousCount, total, share);
        var pValue = Math.Min(1.0, 2 * Math.Min(lowerTail, upperTail));
        var significant = pValue < 1 - level;
        var reason = $"{words}: exact conditional (binomial) test for two Poisson counts, p = {P(pValue)}";
        return new(significant, DirectionOf(significant, r2 - r1, polarity), pValue, level,
            reason + (significant ? ", significant at 95%" : ", not significant at 95%"));
    }

    private static Direction DirectionOf(bool significant, double change, Polarity polarity)
    {
        if (!significant || change == 0)
        {
            return Direction.NoSignificantChange;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? Direction.Improved : Direction.Declined,
            Polarity.LowerIsBetter => change > 0 ? Direction.Declined : Direction.Improved,
            _ => change > 0 ? Direction.Higher : Direction.Lower,
        };
    }

    private static void Require(long numerator, long denominator, string which)
    {
        if (denominator <= 0 || numerator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(which, $"the {which} proportion {numerator}/{denominator} is not a proportion");
        }
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string P(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture);
}
