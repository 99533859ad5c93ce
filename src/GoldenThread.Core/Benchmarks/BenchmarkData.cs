using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Benchmarks;

/// <summary>An area in DfE's numbering: a local authority, a region (980–990) or England (970).</summary>
public sealed record Area(int LaNumber, string Name, string? RegionName)
{
    public const int EnglandNumber = 970;

    public bool IsEngland => LaNumber == EnglandNumber;

    /// <summary>DfE's region codes are 980–990 (987 and 988 are inner and outer London).</summary>
    public bool IsRegion => LaNumber is >= 980 and <= 990;

    /// <summary>LAIT ranks and bands local authorities only: every code below 970.</summary>
    public bool IsLocalAuthority => LaNumber < EnglandNumber;
}

/// <summary>What LAIT's data dictionary says of a measure code.</summary>
public sealed record LaitMeasureInfo
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public Polarity Polarity { get; init; }

    /// <summary>Decimal places from the dictionary's <c>dps</c>; null where it says NA.</summary>
    public int? DecimalPlaces { get; init; }

    /// <summary>How the code's split years are to be read (from <c>Year_Type</c>).</summary>
    public YearBasis? YearBasis { get; init; }

    public bool NoQuartile { get; init; }

    public string? Topic { get; init; }

    public string? AxisName { get; init; }

    public string? Description { get; init; }

    public string? Methodology { get; init; }

    public string? Source { get; init; }

    /// <summary>True when the code has an entry in the data dictionary (424+ codes in the data have none).</summary>
    public bool InDictionary { get; init; } = true;
}

/// <summary>All areas' values of one measure for one period. Missing values (LAIT's <c>-</c>) are absent.</summary>
public sealed record PeriodValues(Period Period, IReadOnlyDictionary<int, double> ByArea);

/// <summary>One LAIT measure code across all periods, ordered by <see cref="Period.ByEnd"/>.</summary>
public sealed record MeasureSeries(LaitMeasureInfo Info, IReadOnlyList<PeriodValues> Periods);

/// <summary>Everything needed to benchmark a home council: all measures' series, the areas, and the statistical neighbour groups.</summary>
public sealed class BenchmarkData
{
    public BenchmarkData(
        IReadOnlyDictionary<string, MeasureSeries> measures,
        IReadOnlyDictionary<int, Area> areas,
        IReadOnlyDictionary<int, IReadOnlyList<int>> neighbours)
    {
        Measures = measures;
        Areas = areas;
        Neighbours = neighbours;
    }

    /// <summary>By LAIT code (case-insensitive lookups are the caller's choice: codes are case-sensitive in LAIT).</summary>
    public IReadOnlyDictionary<string, MeasureSeries> Measures { get; }

    public IReadOnlyDictionary<int, Area> Areas { get; }

    /// <summary>Each LA's ten statistical neighbours, SN1 (closest) first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours { get; }

    /// <summary>The region area (980–990) a local authority belongs to, by the region name LAIT gives it.</summary>
    public Area? RegionOf(int laNumber)
    {
        if (!Areas.TryGetValue(laNumber, out var la) || la.RegionName is null)
        {
            return null;
        }

        return Areas.Values.FirstOrDefault(a => a.IsRegion && string.Equals(a.Name, la.RegionName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The region to fall back on where <paramref name="region"/> has no value: London for London's two sub-regions
    /// ("London (Inner)", "London (Outer)"), null for every other region.
    /// </summary>
    /// <remarks>
    /// LAIT's <c>clean_ldn_region</c> (R/fn_helper_functions.R): many measures are published for London as a whole but
    /// not for Inner or Outer London, so a London borough is compared with London where its sub-region has no value
    /// (docs/lait.md#england-and-the-region).
    /// </remarks>
    public Area? FallbackRegionOf(Area region)
    {
        if (!region.IsRegion || !region.Name.StartsWith("London (", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Areas.Values.FirstOrDefault(a => a.IsRegion && string.Equals(a.Name, "London", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Finds a council by number ("855") or by name ("Leicestershire"), case-insensitively.</summary>
    public Area? FindCouncil(string numberOrName)
    {
        var t = numberOrName.Trim();
        if (int.TryParse(t, out var n))
        {
            return Areas.TryGetValue(n, out var a) ? a : null;
        }

        return Areas.Values.FirstOrDefault(a => string.Equals(a.Name, t, StringComparison.OrdinalIgnoreCase));
    }
}
