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
    double? Region)
{
    public static NationalFigures? Lookup(Measure m, Observation latest, BenchmarkData? data, int? homeLa)
    {
        // Wired to the LAIT benchmarking functions once they land.
        _ = (m, latest, data, homeLa);
        return null;
    }
}
