namespace GoldenThread.Core.Statistics;

/// <summary>
/// Confidence intervals as PHE's "Technical Guide: Confidence Intervals" (2018) computes them. Pure functions.
/// </summary>
/// <remarks>
/// Bad arguments (a negative count, a numerator above its denominator, a zero denominator, a level outside (0, 1))
/// are programming errors here and throw <see cref="ArgumentOutOfRangeException"/>: readers validate data before it
/// reaches the statistics. Formulas and sources: docs/statistics.md.
/// </remarks>
public static class ConfidenceIntervals
{
    /// <summary>
    /// Counts below this get the exact Poisson interval; from it upwards, Byar's approximation. PHE's guide says Byar's
    /// is within 0.2% of the exact limits for 95% intervals from 10 events upwards.
    /// </summary>
    public const int ExactPoissonBelowCount = 10;

    /// <summary>Wilson score interval for the proportion <paramref name="numerator"/> / <paramref name="denominator"/>, on the 0-1 scale.</summary>
    /// <remarks>No events gives a lower bound of exactly 0; numerator equal to denominator gives an upper bound of exactly 1.</remarks>
    public static ConfidenceInterval WilsonProportion(long numerator, long denominator, double level = ConfidenceLevels.Ninety5)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "a proportion needs a positive denominator");
        }

        if (numerator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, $"the numerator must be between 0 and the denominator ({denominator})");
        }

        var z = Quantiles.TwoSidedZ(level);
        double r = numerator, n = denominator;
        var q = 1 - r / n;
        var zz = z * z;
        var centre = 2 * r + zz;
        var spread = z * Math.Sqrt(zz + 4 * r * q);
        var scale = 2 * (n + zz);
        // The closed forms reach 0 and 1 at the edges only up to rounding; pin them so "lower = 0" is exact.
        var lower = numerator == 0 ? 0.0 : (centre - spread) / scale;
        var upper = numerator == denominator ? 1.0 : (centre + spread) / scale;
        return ConfidenceInterval.Computed(lower, upper, level, IntervalMethod.WilsonScore);
    }

    /// <summary>Wilson score interval as a per-cent (0-100).</summary>
    public static ConfidenceInterval WilsonPercent(long numerator, long denominator, double level = ConfidenceLevels.Ninety5) =>
        WilsonProportion(numerator, denominator, level).Scale(100);

    /// <summary>Wilson score interval as a rate per <paramref name="perN"/> (per 1,000, per 10,000), for a proportion-type rate.</summary>
    public static ConfidenceInterval WilsonRatePer(long numerator, long denominator, double perN, double level = ConfidenceLevels.Ninety5) =>
        WilsonProportion(numerator, denominator, level).Scale(perN);

    /// <summary>
    /// Interval for a Poisson count, or for the rate <c>count / denominator × multiplier</c> when a denominator is given:
    /// exact for counts below <see cref="ExactPoissonBelowCount"/>, Byar's approximation otherwise.
    /// </summary>
    public static ConfidenceInterval PoissonCountOrRate(long count, double? denominator = null, double multiplier = 1, double level = ConfidenceLevels.Ninety5) =>
        count < ExactPoissonBelowCount
            ? ExactPoisson(count, denominator, multiplier, level)
            : Byars(count, denominator, multiplier, level);

    /// <summary>Byar's approximation, whatever the count (prefer <see cref="PoissonCountOrRate"/>).</summary>
    /// <remarks>For a count of 0 the lower limit is 0 (the formula divides by the count).</remarks>
    public static ConfidenceInterval Byars(long count, double? denominator = null, double multiplier = 1, double level = ConfidenceLevels.Ninety5)
    {
        var factor = RateFactor(count, denominator, multiplier);
        var z = Quantiles.TwoSidedZ(level);
        double o = count;
        var lower = count == 0 ? 0.0 : o * Math.Pow(1 - 1 / (9 * o) - z / (3 * Math.Sqrt(o)), 3);
        var o1 = o + 1;
        var upper = o1 * Math.Pow(1 - 1 / (9 * o1) + z / (3 * Math.Sqrt(o1)), 3);
        return ConfidenceInterval.Computed(Math.Max(0, lower) * factor, upper * factor, level, IntervalMethod.Byars);
    }

    /// <summary>Exact Poisson interval from chi-squared quantiles: lower = χ²(α/2; 2O)/2, upper = χ²(1-α/2; 2O+2)/2.</summary>
    /// <remarks>A count of 0 has lower limit exactly 0.</remarks>
    public static ConfidenceInterval ExactPoisson(long count, double? denominator = null, double multiplier = 1, double level = ConfidenceLevels.Ninety5)
    {
        var factor = RateFactor(count, denominator, multiplier);
        Quantiles.RequireLevel(level);
        var alpha = 1 - level;
        var lower = count == 0 ? 0.0 : Quantiles.ChiSquared(alpha / 2, 2.0 * count) / 2;
        var upper = Quantiles.ChiSquared(1 - alpha / 2, 2.0 * count + 2) / 2;
        return ConfidenceInterval.Computed(lower * factor, upper * factor, level, IntervalMethod.ExactPoisson);
    }

    /// <summary>Student's t interval for a mean: mean ± t(1-α/2; n-1) × sd / √n.</summary>
    public static ConfidenceInterval StudentTMean(double mean, double standardDeviation, long sampleSize, double level = ConfidenceLevels.Ninety5)
    {
        if (sampleSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "a t interval needs at least two observations");
        }

        if (!double.IsFinite(mean))
        {
            // A NaN mean would give a NaN interval that every comparison then reads as "similar".
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "a mean is a finite number; a missing value has no interval");
        }

        if (!(standardDeviation >= 0) || !double.IsFinite(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "a standard deviation is a non-negative number");
        }

        var t = Quantiles.TwoSidedT(level, sampleSize - 1);
        var halfWidth = t * standardDeviation / Math.Sqrt(sampleSize);
        return ConfidenceInterval.Computed(mean - halfWidth, mean + halfWidth, level, IntervalMethod.StudentT);
    }

    private static double RateFactor(long count, double? denominator, double multiplier)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "a count cannot be negative");
        }

        if (denominator is { } d && !(d > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), d, "a rate needs a positive denominator");
        }

        if (!(multiplier > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "the multiplier (per 1,000, per 10,000) must be positive");
        }

        return multiplier / (denominator ?? 1.0);
    }
}
