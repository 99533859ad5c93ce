using System.Globalization;

namespace GoldenThread.Core.Statistics;

/// <summary>One annual data point for the recent-trend test.</summary>
/// <param name="Year">The first calendar year of the annual period (2014 for 2014/15); consecutive points differ by 1.</param>
/// <param name="Value">The value, on the same scale as <paramref name="Interval"/>.</param>
/// <param name="Interval">Its confidence interval (computed or given); the standard error is taken from its width.</param>
public readonly record struct TrendPoint(int Year, double Value, ConfidenceInterval? Interval)
{
    /// <summary>
    /// The period as people write it (<c>2018/19</c>), for the reasons; null to write <see cref="Year"/> (a calendar year).
    /// The test itself uses <see cref="Year"/> only.
    /// </summary>
    public string? Label { get; init; }

    /// <summary>The label the reasons use: <see cref="Label"/>, or the year.</summary>
    public string Name => Label ?? Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A proportion point with its 95% Wilson interval, times <paramref name="scale"/> (100 for a per-cent).</summary>
    public static TrendPoint ForProportion(int year, long numerator, long denominator, double scale = 1) =>
        new(year, (double)numerator / denominator * scale, ConfidenceIntervals.WilsonProportion(numerator, denominator).Scale(scale));

    /// <summary>A count or rate point with its 95% Poisson interval.</summary>
    public static TrendPoint ForCountOrRate(int year, long count, double? denominator = null, double multiplier = 1) =>
        new(year, count * multiplier / (denominator ?? 1.0), ConfidenceIntervals.PoissonCountOrRate(count, denominator, multiplier));
}

/// <summary>The recent-trend outcomes, in Fingertips' words.</summary>
public enum TrendOutcome
{
    CannotBeCalculated,
    NoSignificantChange,
    IncreasingAndGettingBetter,
    IncreasingAndGettingWorse,
    DecreasingAndGettingBetter,
    DecreasingAndGettingWorse,
    /// <summary>Significantly increasing, for a measure with no polarity.</summary>
    Increasing,
    /// <summary>Significantly decreasing, for a measure with no polarity.</summary>
    Decreasing,
}

/// <summary>The recent trend with the numbers behind it.</summary>
/// <param name="SlopePerYear">Weighted least-squares slope, in the value's units per year; null when it cannot be calculated.</param>
/// <param name="ChiSquared">(slope / SE(slope))²; null when it cannot be calculated.</param>
public readonly record struct RecentTrendResult(TrendOutcome Outcome, double? SlopePerYear, double? ChiSquared, string Reason)
{
    public string Words => Outcome switch
    {
        TrendOutcome.IncreasingAndGettingBetter => "increasing and getting better",
        TrendOutcome.IncreasingAndGettingWorse => "increasing and getting worse",
        TrendOutcome.DecreasingAndGettingBetter => "decreasing and getting better",
        TrendOutcome.DecreasingAndGettingWorse => "decreasing and getting worse",
        TrendOutcome.Increasing => "increasing",
        TrendOutcome.Decreasing => "decreasing",
        TrendOutcome.NoSignificantChange => "no significant change",
        _ => "cannot be calculated",
    };
}

/// <summary>
/// The recent-trend test after Fingertips: weighted least squares on the last five consecutive annual points.
/// </summary>
/// <remarks>
/// Rule (docs/statistics.md): take the five latest points, which must be consecutive years, each with a complete
/// interval of positive width. SE = (upper - lower) / (2 z), z = 1.96 for a 95% interval (so width / 3.92).
/// Weights 1/SE². Slope b and Var(b) = Σw / (Σw·Σwx² - (Σwx)²) from weighted least squares with known variances.
/// χ² = b² / Var(b); significant when χ² &gt; Φ⁻¹(0.999)² = 9.5495357… (two-sided 99.8%, squared exactly). A significant trend must also keep its sign
/// when any one of the five points is left out and the line refitted on the other four; if not, it is reported as no
/// significant change, with the point that overturned it named.
/// </remarks>
public static class RecentTrend
{
    public const int PointsUsed = 5;

    /// <summary>
    /// 3.090232306…, the two-sided 99.8% standard normal quantile Φ⁻¹(0.999), to double precision (not the rounded 3.0902).
    /// </summary>
    public static double CriticalZ => Quantiles.TwoSidedZ(ConfidenceLevels.Ninety9Point8);

    /// <summary>
    /// 9.5495357060832…: χ² must exceed the exact square of <see cref="CriticalZ"/>, as Fingertips' trend-marker
    /// calculator does (its constant is 9.54953570608324). Squaring the rounded 3.0902 gives 9.5493360, which would call a
    /// series with χ² = 9.5494 significant.
    /// </summary>
    public static double CriticalChiSquared => CriticalZ * CriticalZ;

    public static RecentTrendResult Calculate(IEnumerable<TrendPoint> points, Polarity polarity)
    {
        var all = points.OrderBy(p => p.Year).ToList();
        for (var i = 1; i < all.Count; i++)
        {
            if (all[i].Year == all[i - 1].Year)
            {
                return CannotBe($"two points are given for {all[i].Name}");
            }
        }

        if (all.Count < PointsUsed)
        {
            return CannotBe($"only {all.Count} annual point{(all.Count == 1 ? "" : "s")}; the trend needs at least {PointsUsed} consecutive years");
        }

        var last = all.Skip(all.Count - PointsUsed).ToArray();
        for (var i = 1; i < last.Length; i++)
        {
            if (last[i].Year != last[i - 1].Year + 1)
            {
                return CannotBe($"a gap between {last[i - 1].Name} and {last[i].Name}; the last {PointsUsed} points must be consecutive years");
            }
        }

        var x = new double[PointsUsed];
        var y = new double[PointsUsed];
        var w = new double[PointsUsed];
        for (var i = 0; i < PointsUsed; i++)
        {
            var p = last[i];
            if (!double.IsFinite(p.Value))
            {
                // A missing value (NaN) is neither a zero-width interval nor a missing one: say what is really wrong.
                return CannotBe($"{p.Year} has no value");
            }

            if (p.Interval is not { IsComplete: true } ci)
            {
                return CannotBe($"{p.Name} has no complete confidence interval, so its standard error is unknown");
            }

            var se = (ci.Upper!.Value - ci.Lower!.Value) / (2 * HalfWidthZ(ci.Level));
            if (!(se > 0))
            {
                return CannotBe($"{p.Name} has a confidence interval of zero width, so it cannot be weighted");
            }

            x[i] = p.Year - last[0].Year;
            y[i] = p.Value;
            w[i] = 1 / (se * se);
        }

        var (slope, variance) = Fit(x, y, w, skip: -1);
        var chiSquared = slope * slope / variance;
        var numbers = $"slope {F(slope)} a year, χ² = {F(chiSquared)} against {F(CriticalChiSquared)}, {last[0].Name} to {last[^1].Name}";
        if (!(chiSquared > CriticalChiSquared))
        {
            return new(TrendOutcome.NoSignificantChange, slope, chiSquared, $"no significant trend: {numbers}");
        }

        for (var leftOut = 0; leftOut < PointsUsed; leftOut++)
        {
            var (slopeWithout, _) = Fit(x, y, w, leftOut);
            if (Math.Sign(slopeWithout) != Math.Sign(slope))
            {
                return new(TrendOutcome.NoSignificantChange, slope, chiSquared,
                    $"significant at first ({numbers}), but leaving out {last[leftOut].Name} reverses or flattens the direction, so it is not robust");
            }
        }

        var increasing = slope > 0;
        var outcome = (polarity, increasing) switch
        {
            (Polarity.HigherIsBetter, true) => TrendOutcome.IncreasingAndGettingBetter,
            (Polarity.HigherIsBetter, false) => TrendOutcome.DecreasingAndGettingWorse,
            (Polarity.LowerIsBetter, true) => TrendOutcome.IncreasingAndGettingWorse,
            (Polarity.LowerIsBetter, false) => TrendOutcome.DecreasingAndGettingBetter,
            (_, true) => TrendOutcome.Increasing,
            _ => TrendOutcome.Decreasing,
        };
        return new(outcome, slope, chiSquared, $"significant {(increasing ? "increase" : "decrease")}: {numbers}; holds when any one year is left out");
    }

    private static double HalfWidthZ(double level) =>
        // Fingertips divides a 95% width by 3.92 exactly; other levels use their own quantile.
        level == ConfidenceLevels.Ninety5 ? 1.96 : Quantiles.TwoSidedZ(level);

    /// <summary>Weighted least squares with known variances; <paramref name="skip"/> leaves one point out (-1 for none).</summary>
    private static (double Slope, double Variance) Fit(double[] x, double[] y, double[] w, int skip)
    {
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            sw += w[i];
            swx += w[i] * x[i];
            swy += w[i] * y[i];
            swxx += w[i] * x[i] * x[i];
            swxy += w[i] * x[i] * y[i];
        }

        var determinant = sw * swxx - swx * swx;
        return ((sw * swxy - swx * swy) / determinant, sw / determinant);
    }

    private static RecentTrendResult CannotBe(string why) => new(TrendOutcome.CannotBeCalculated, null, null, $"cannot be calculated: {why}");

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
