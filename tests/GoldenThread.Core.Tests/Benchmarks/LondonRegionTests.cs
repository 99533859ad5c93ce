using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Benchmarks;

/// <summary>
/// The region of a London borough: its sub-region where that has a value, London where it has none, as LAIT's
/// <c>clean_ldn_region</c> (R/fn_helper_functions.R) does; every other region has nothing to fall back on.
/// </summary>
public class LondonRegionTests
{
    private static readonly Period Year = Period.AcademicYear(2022);

    // DfE's numbers: 986 London, 987 London (Inner), 988 London (Outer), 983 East Midlands.
    private static BenchmarkData World(IReadOnlyDictionary<int, double> regionValues)
    {
        var values = new Dictionary<int, double> { [202] = 7, [301] = 4, [855] = 5, [970] = 11 };
        foreach (var (area, value) in regionValues)
        {
            values[area] = value;
        }

        var areas = new Dictionary<int, Area>
        {
            [202] = new(202, "Camden", "London (Inner)"), [301] = new(301, "Barking and Dagenham", "London (Outer)"),
            [855] = new(855, "Leicestershire", "East Midlands"), [970] = new(970, "England", null),
            [983] = new(983, "East Midlands", null), [986] = new(986, "London", null),
            [987] = new(987, "London (Inner)", null), [988] = new(988, "London (Outer)", null),
        };
        var info = new LaitMeasureInfo { Code = "M", Title = "M", Polarity = Polarity.LowerIsBetter };
        return new BenchmarkData(
            new Dictionary<string, MeasureSeries> { ["M"] = new(info, [new PeriodValues(Year, values)]) },
            areas,
            new Dictionary<int, IReadOnlyList<int>>());
    }

    // Values of 986 London, 987 Inner, 988 Outer and 983 East Midlands in the period (NaN: none), the council, then the
    // area whose value is the region's and that value, worked out from the rule by hand.
    [Theory]
    [InlineData(6.0, 3.4, 4.7, 9.0, 301, 988, 4.7)]                             // Outer London has a value: it is the region
    [InlineData(6.0, 3.4, 4.7, 9.0, 202, 987, 3.4)]                             // Inner London has a value: it is the region
    [InlineData(6.0, double.NaN, double.NaN, 9.0, 301, 986, 6.0)]               // neither sub-region has one: London
    [InlineData(6.0, double.NaN, double.NaN, 9.0, 202, 986, 6.0)]
    [InlineData(6.0, 3.4, double.NaN, 9.0, 301, 986, 6.0)]                      // only Inner has one: Outer boroughs fall back
    [InlineData(6.0, 3.4, double.NaN, 9.0, 202, 987, 3.4)]
    [InlineData(double.NaN, double.NaN, double.NaN, 9.0, 301, 988, double.NaN)] // London has none either: no region figure
    [InlineData(6.0, 3.4, 4.7, double.NaN, 855, 983, double.NaN)]               // no fall-back outside London
    [InlineData(6.0, 3.4, 4.7, 9.0, 855, 983, 9.0)]
    public void For_LondonBorough_FallsBackToLondonWhereItsSubRegionHasNoValue(
        double london, double inner, double outer, double eastMidlands, int la, int expectedArea, double expectedValue)
    {
        var regionValues = new Dictionary<int, double> { [986] = london, [987] = inner, [988] = outer, [983] = eastMidlands }
            .Where(kv => !double.IsNaN(kv.Value))
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        var p = NationalBenchmark.For(World(regionValues), "M", Year, la);

        Assert.Equal(expectedArea, p.RegionArea!.LaNumber);
        Assert.Equal(double.IsNaN(expectedValue) ? null : expectedValue, p.Region);
    }

    [Theory]
    [InlineData(301, "no value for London (Outer) or London in this period")]
    [InlineData(855, "no value for East Midlands in this period")]
    public void For_NoRegionValueAtAll_SaysWhichAreasHadNone(int la, string reason)
    {
        var p = NationalBenchmark.For(World(new Dictionary<int, double>()), "M", Year, la);

        Assert.Null(p.Region);
        Assert.Equal(reason, p.RegionAbsentReason);
    }

    [Theory]
    [InlineData(987, 986)]
    [InlineData(988, 986)]
    [InlineData(986, null)]
    [InlineData(983, null)]
    public void FallbackRegionOf_SubRegionsOfLondonOnly_IsLondon(int region, int? expected)
    {
        var data = World(new Dictionary<int, double>());

        Assert.Equal(expected, data.FallbackRegionOf(data.Areas[region])?.LaNumber);
    }
}
