namespace GoldenThread.Core.Benchmarks;

/// <summary>A national rank: the position and how many local authorities were ranked.</summary>
public readonly record struct NationalRank(int Rank, int RankedCount);

/// <summary>
/// All local authorities' values of one measure for one period, sorted once so that ranks and quartile bands of any
/// number of councils are cheap.
/// </summary>
/// <remarks>
/// Only local authorities take part: LA numbers below 970 (<see cref="Area.IsLocalAuthority"/>); England (970) and the
/// regions (980–990) are excluded, as LAIT excludes every code of 970 and above. Missing values are absent from the
/// input and so are neither ranked nor counted.
/// </remarks>
public sealed class NationalDistribution
{
    private readonly double[] _sorted;

    private NationalDistribution(double[] sorted)
    {
        _sorted = sorted;
        Quartiles = sorted.Length == 0 ? null : Benchmarks.Quantiles.QuartilesOfSorted(sorted);
    }

    /// <summary>How many local authorities have a value.</summary>
    public int Count => _sorted.Length;

    /// <summary>The quartile boundaries of the local authorities' values; null when none has a value.</summary>
    public QuartileBoundaries? Quartiles { get; }

    public static NationalDistribution Of(IReadOnlyDictionary<int, double> valuesByArea)
    {
        var list = new List<double>(valuesByArea.Count);
        foreach (var (la, value) in valuesByArea)
        {
            if (la < Area.EnglandNumber && !double.IsNaN(value))
            {
                list.Add(value);
            }
        }

        var sorted = list.ToArray();
        Array.Sort(sorted);
        return new NationalDistribution(sorted);
    }

    /// <summary>
    /// The rank of <paramref name="value"/> among the local authorities: 1 is the best. Null when the polarity makes
    /// no judgement or nothing is ranked.
    /// </summary>
    /// <remarks>
    /// Method (LAIT's <c>calculate_rank</c>, R/fn_analysis.R): <c>rank(x, ties.method = "min")</c>, on the values for
    /// Low polarity and on their negation for High, so tied values share the lowest rank (1, 2, 2, 4): the rank is one
    /// more than the number of authorities strictly better. The value is expected to be one of the ranked values (the
    /// home council's own); for another value it is the rank it would take.
    /// </remarks>
    public NationalRank? Rank(double value, Polarity polarity)
    {
        if (polarity == Polarity.NoJudgement || _sorted.Length == 0 || double.IsNaN(value))
        {
            return null;
        }

        var better = polarity == Polarity.LowerIsBetter
            ? CountBelow(value)
            : _sorted.Length - CountAtOrBelow(value);
        return new NationalRank(better + 1, _sorted.Length);
    }

    private int CountBelow(double value)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int CountAtOrBelow(double value)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
