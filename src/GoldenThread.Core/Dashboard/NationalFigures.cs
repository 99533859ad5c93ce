using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Dashboard;

/// <summary>The all-council figures for one measure and period: rank, quartile, SN average, England, region.</summary>
internal sealed record NationalFigures(
    int? Rank,
    int? RankedCount,
    int? Quartile,
    string QuartileReason,
    double? SnAverage,
    int? NeighboursWithValues,
    double? England,
    double? Region,
    QuartileBoundaries? Boundaries)
{
    /// <summary>The area <see cref="Region"/> is the value of: the council's region, or London for a London borough whose sub-region has none.</summary>
    public string? RegionName { get; init; }

    /// <summary>
    /// LAIT's figures for the measure's code in the latest value's period; null when the measure has no LAIT code, there
    /// is no LAIT data, or LAIT has nothing for that period (a council's own quarterly figure).
    /// </summary>
    public static NationalFigures? Lookup(Measure m, Observation latest, BenchmarkData? data, int? homeLa)
    {
        if (m.LaitCode is not { } code || data is null || homeLa is not { } la || !data.Measures.TryGetValue(code, out var series))
        {
            return null;
        }

        var values = series.Periods.FirstOrDefault(p => p.Period == latest.Period);
        if (values is null)
        {
            return null;
        }

        // The council's own figure (supplied, or derived from its returns) is the one ranked among the other councils'
        // published figures; a figure taken from LAIT is the published one, so nothing changes for it.
        if (latest.Value is { } own &&
            (!values.ByArea.TryGetValue(la, out var published) || published != own))
        {
            var byArea = new Dictionary<int, double>(values.ByArea) { [la] = own };
            values = values with { ByArea = byArea };
        }

        // The plan's polarity rules (it is the council's measure); the quartile is withheld where LAIT withholds it.
        var position = NationalBenchmark.For(data, code, values, NationalDistribution.Of(values.ByArea), la, m.Polarity, m.NoQuartile || series.Info.NoQuartile);
        var quartileReason = position.Quartile is { } q
            ? $"Band {QuartileBanding.Letter(q)} (quartile {q}) of {position.RankedCount} councils for {latest.Period.Label}, by LAIT's method: R type-7 quartiles of all councils' values, {m.Polarity.ToWords()}."
            : $"No quartile: {position.QuartileAbsentReason}.";
        return new NationalFigures(
            position.Rank,
            position.Rank is null ? null : position.RankedCount,
            position.Quartile,
            quartileReason,
            position.NeighbourAverage,
            position.NeighbourAverage is null ? null : position.NeighbourCount,
            position.England,
            position.Region,
            position.Boundaries)
        {
            RegionName = position.RegionArea?.Name,
        };
    }
}
