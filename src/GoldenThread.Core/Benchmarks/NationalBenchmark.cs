using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Benchmarks;

/// <summary>
/// Where a home council stands on one measure in one period: its value, national rank and quartile band, the
/// statistical-neighbour average, England and its region. Each part is null with a reason when it cannot be given.
/// </summary>
public sealed record BenchmarkPosition
{
    public required string Code { get; init; }

    public required Period Period { get; init; }

    public required int HomeLa { get; init; }

    public double? Value { get; init; }

    public string? ValueAbsentReason { get; init; }

    /// <summary>1 is the best; ties share the lowest rank.</summary>
    public int? Rank { get; init; }

    /// <summary>How many local authorities had a value and were ranked (also the count the quartiles came from).</summary>
    public int RankedCount { get; init; }

    public string? RankAbsentReason { get; init; }

    /// <summary>1 (band A, best) to 4 (band D).</summary>
    public int? Quartile { get; init; }

    /// <summary>The national min, Q1, median, Q3 and max (for charts); given even when no band is, if any LA has a value.</summary>
    public QuartileBoundaries? Boundaries { get; init; }

    public string? QuartileAbsentReason { get; init; }

    public double? NeighbourAverage { get; init; }

    /// <summary>How many of the neighbours had a value and went into the average.</summary>
    public int NeighbourCount { get; init; }

    public string? NeighbourAbsentReason { get; init; }

    public double? England { get; init; }

    public string? EnglandAbsentReason { get; init; }

    public Area? RegionArea { get; init; }

    public double? Region { get; init; }

    public string? RegionAbsentReason { get; init; }
}

/// <summary>LAIT's national benchmarks for one council: rank, quartile band, SN average, England and region.</summary>
public static class NationalBenchmark
{
    /// <summary>The position of <paramref name="homeLa"/> using the measure's own polarity and No_Quartile flag.</summary>
    public static BenchmarkPosition For(BenchmarkData data, string code, Period period, int homeLa)
    {
        var info = data.Measures.TryGetValue(code, out var series) ? series.Info : null;
        return For(data, code, period, homeLa, info?.Polarity ?? Polarity.NoJudgement, info?.NoQuartile ?? false);
    }

    /// <summary>The position of <paramref name="homeLa"/> on measure <paramref name="code"/> in <paramref name="period"/>.</summary>
    /// <remarks>
    /// Methods, all as LAIT (dfe-analytical-services/local-authority-interactive-tool, R/fn_analysis.R, and the LAIT
    /// README in shared/data/lait): rank among local authorities only (LA numbers below 970), ties at the lowest rank,
    /// High descending and Low ascending, none without polarity (<see cref="NationalDistribution.Rank"/>); quartiles of
    /// all LAs' values by R type 7 and bands by <see cref="QuartileBanding.Band"/>, none when the measure is flagged
    /// No_Quartile; the SN average is the plain mean of the neighbours that have a value
    /// (<see cref="StatisticalNeighbours.Average"/>); England is area 970 and the region is the area
    /// <see cref="BenchmarkData.RegionOf"/> gives, London for a London borough whose sub-region has no value
    /// (<see cref="RegionFigure"/>).
    /// </remarks>
    public static BenchmarkPosition For(BenchmarkData data, string code, Period period, int homeLa, Polarity polarity, bool noQuartile)
    {
        var values = FindPeriod(data, code, period);
        if (values is null)
        {
            const string none = "no data for this measure and period";
            return new BenchmarkPosition
            {
                Code = code,
                Period = period,
                HomeLa = homeLa,
                ValueAbsentReason = none,
                RankAbsentReason = none,
                QuartileAbsentReason = none,
                NeighbourAbsentReason = none,
                EnglandAbsentReason = none,
                RegionArea = data.RegionOf(homeLa),
                RegionAbsentReason = none,
            };
        }

        return For(data, code, values, NationalDistribution.Of(values.ByArea), homeLa, polarity, noQuartile);
    }

    /// <summary>
    /// As <see cref="For(BenchmarkData, string, Period, int, Polarity, bool)"/> with the period's values and national
    /// distribution already at hand, so benchmarking every council on a measure sorts the values once.
    /// </summary>
    public static BenchmarkPosition For(
        BenchmarkData data,
        string code,
        PeriodValues values,
        NationalDistribution distribution,
        int homeLa,
        Polarity polarity,
        bool noQuartile)
    {
        var byArea = values.ByArea;
        double? value = byArea.TryGetValue(homeLa, out var v) ? v : null;
        var isLa = homeLa < Area.EnglandNumber;

        int? rank = null;
        string? rankWhy = null;
        if (value is null)
        {
            rankWhy = "the council has no value for this period";
        }
        else if (polarity == Polarity.NoJudgement)
        {
            rankWhy = "the measure has no polarity, so no rank";
        }
        else if (!isLa)
        {
            rankWhy = "only local authorities (numbers below 970) are ranked";
        }
        else if (distribution.Rank(value.Value, polarity) is { } r)
        {
            rank = r.Rank;
        }

        int? quartile = null;
        string? quartileWhy = null;
        if (noQuartile)
        {
            quartileWhy = "the measure is flagged No_Quartile (too small a range to band)";
        }
        else if (polarity == Polarity.NoJudgement)
        {
            quartileWhy = "the measure has no polarity, so no quartile band";
        }
        else if (value is null)
        {
            quartileWhy = "the council has no value for this period";
        }
        else if (distribution.Quartiles is not { } q)
        {
            quartileWhy = "no local authority has a value for this period";
        }
        else if (!isLa)
        {
            quartileWhy = "only local authorities (numbers below 970) are banded";
        }
        else
        {
            quartile = QuartileBanding.Band(value.Value, q, polarity);
            quartileWhy = quartile is null ? "the value lies outside the national range" : null;
        }

        NeighbourAverage? sn = null;
        string? snWhy = null;
        if (!data.Neighbours.TryGetValue(homeLa, out var neighbours) || neighbours.Count == 0)
        {
            snWhy = "the council has no statistical neighbours listed";
        }
        else
        {
            sn = StatisticalNeighbours.Average(byArea, neighbours);
            snWhy = sn is null ? "none of the statistical neighbours has a value for this period" : null;
        }

        double? england = byArea.TryGetValue(Area.EnglandNumber, out var e) ? e : null;
        var (regionArea, region, regionWhy) = RegionFigure(data, homeLa, byArea);

        return new BenchmarkPosition
        {
            Code = code,
            Period = values.Period,
            HomeLa = homeLa,
            Value = value,
            ValueAbsentReason = value is null ? "the council has no value for this period" : null,
            Rank = rank,
            RankedCount = distribution.Count,
            RankAbsentReason = rankWhy,
            Quartile = quartile,
            Boundaries = distribution.Quartiles,
            QuartileAbsentReason = quartileWhy,
            NeighbourAverage = sn?.Mean,
            NeighbourCount = sn?.ContributingCount ?? 0,
            NeighbourAbsentReason = snWhy,
            England = england,
            EnglandAbsentReason = england is null ? "no England value for this period" : null,
            RegionArea = regionArea,
            Region = region,
            RegionAbsentReason = regionWhy,
        };
    }

    /// <summary>
    /// The region figure for one period: the council's region's value; for a London borough whose sub-region (Inner or
    /// Outer London) has no value in the period, London's, as LAIT's <c>clean_ldn_region</c> does; otherwise none, with
    /// the reason. The area returned is the one whose value is given (London after a fall-back).
    /// </summary>
    /// <remarks>
    /// LAIT decides once per measure, from its latest year, and shows that area for every year; here the choice is made
    /// for each period, so a dashboard of any period compares with the area LAIT showed when that period was the latest
    /// (docs/lait.md#england-and-the-region).
    /// </remarks>
    internal static (Area? Area, double? Value, string? AbsentReason) RegionFigure(BenchmarkData data, int homeLa, IReadOnlyDictionary<int, double> byArea)
    {
        if (data.RegionOf(homeLa) is not { } region)
        {
            return (null, null, "the council's region is not known");
        }

        if (byArea.TryGetValue(region.LaNumber, out var own))
        {
            return (region, own, null);
        }

        if (data.FallbackRegionOf(region) is { } wider)
        {
            return byArea.TryGetValue(wider.LaNumber, out var widerValue)
                ? (wider, widerValue, null)
                : (region, null, $"no value for {region.Name} or {wider.Name} in this period");
        }

        return (region, null, $"no value for {region.Name} in this period");
    }

    /// <summary>The latest period of a measure in which at least one area has a value (LAIT's "latest year").</summary>
    public static PeriodValues? Latest(MeasureSeries series)
    {
        for (var i = series.Periods.Count - 1; i >= 0; i--)
        {
            if (series.Periods[i].ByArea.Count > 0)
            {
                return series.Periods[i];
            }
        }

        return null;
    }

    private static PeriodValues? FindPeriod(BenchmarkData data, string code, Period period)
    {
        if (!data.Measures.TryGetValue(code, out var series))
        {
            return null;
        }

        foreach (var p in series.Periods)
        {
            if (p.Period == period)
            {
                return p;
            }
        }

        return null;
    }
}
