namespace GoldenThread.Core.Benchmarks;

/// <summary>The statistical-neighbour average and how many neighbours had a value.</summary>
public readonly record struct NeighbourAverage(double Mean, int ContributingCount);

public static class StatisticalNeighbours
{
    /// <summary>The plain mean of the neighbours' values; null when none of them has a value.</summary>
    /// <remarks>
    /// Method (LAIT README, "Statistical-neighbour average"): the unweighted mean of the ten DfE statistical neighbours'
    /// values for the period, neighbours with a missing value left out (so the mean may be of fewer than ten). Summed in
    /// the neighbours' SN1…SN10 order.
    /// </remarks>
    public static NeighbourAverage? Average(IReadOnlyDictionary<int, double> valuesByArea, IReadOnlyList<int> neighbours)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var la in neighbours)
        {
            if (valuesByArea.TryGetValue(la, out var v) && !double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : new NeighbourAverage(sum / count, count);
    }
}
