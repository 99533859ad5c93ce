namespace GoldenThread.Bench.Web;

/// <summary>Order statistics of a sample, with no interpolation.</summary>
public static class Percentile
{
    /// <summary>
    /// The nearest-rank percentile: the smallest value such that at least <paramref name="percent"/> % of the sample is at
    /// or below it, i.e. the value at 1-based rank ⌈percent / 100 × n⌉ of the sorted sample (rank 1 for percent 0).
    /// Always a value that was observed; p100 is the maximum.
    /// </summary>
    /// <param name="sorted">The sample, sorted ascending; not empty.</param>
    /// <param name="percent">From 0 to 100.</param>
    public static double NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("The sample is empty.", nameof(sorted));
        }

        if (double.IsNaN(percent) || percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is from 0 to 100.");
        }

        // Decimal arithmetic so that, for example, 99.9 % of 1000 is exactly rank 999, not 999.0000000000001 → 1000.
        var rank = (int)Math.Ceiling((decimal)percent / 100m * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The median of a few values (mean of the middle two when their number is even); used across rounds.</summary>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
