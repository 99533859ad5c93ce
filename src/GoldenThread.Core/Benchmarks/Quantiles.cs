namespace GoldenThread.Core.Benchmarks;

/// <summary>The five-number summary LAIT bands against: minimum, the three quartiles and the maximum.</summary>
/// <param name="Count">How many values the quartiles were computed from (missing values are not counted).</param>
public sealed record QuartileBoundaries(double Min, double Q1, double Median, double Q3, double Max, int Count);

/// <summary>Sample quantiles.</summary>
public static class Quantiles
{
    /// <summary>
    /// The <paramref name="probability"/> quantile of values already sorted ascending, by R's default method.
    /// </summary>
    /// <remarks>
    /// Method: Hyndman and Fan's type 7, R's <c>quantile(type = 7)</c> default and Excel's <c>PERCENTILE.INC</c>:
    /// with n values the quantile sits at 1-based position h = 1 + (n - 1)p; between the neighbouring order statistics
    /// x[lo] and x[hi] it is (1 - f)·x[lo] + f·x[hi] with f = h - lo, exactly as R's <c>stats::quantile</c> computes it
    /// (the same floating-point expression, and no interpolation when x[hi] equals x[lo]), so that a value lying exactly
    /// on a boundary compares the same way it does in LAIT. Source: R documentation of <c>quantile</c>; LAIT calls
    /// <c>quantile(na.rm = TRUE)</c> (dfe-analytical-services/local-authority-interactive-tool, R/lait_modules).
    /// </remarks>
    public static double Type7(ReadOnlySpan<double> sortedAscending, double probability)
    {
        if (sortedAscending.IsEmpty)
        {
            throw new ArgumentException("Quantiles of no values are undefined.", nameof(sortedAscending));
        }

        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is between 0 and 1.");
        }

        var n = sortedAscending.Length;
        var index = 1 + ((n - 1) * probability);
        var lo = (int)Math.Floor(index);
        var hi = (int)Math.Ceiling(index);
        var qs = sortedAscending[lo - 1];
        var xHi = sortedAscending[hi - 1];
        if (index > lo && xHi != qs)
        {
            var h = index - lo;
            qs = ((1 - h) * qs) + (h * xHi);
        }

        return qs;
    }

    /// <summary>Min, Q1, median, Q3 and max of the values (NaN treated as missing); null when there are none.</summary>
    /// <remarks>Quartiles by <see cref="Type7"/>, as R's <c>quantile(x, na.rm = TRUE)</c> returns its 0%, 25%, 50%, 75% and 100% points.</remarks>
    public static QuartileBoundaries? Quartiles(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        return QuartilesOfSorted(sorted);
    }

    internal static QuartileBoundaries QuartilesOfSorted(double[] sorted) =>
        new(sorted[0], Type7(sorted, 0.25), Type7(sorted, 0.5), Type7(sorted, 0.75), sorted[^1], sorted.Length);
}
