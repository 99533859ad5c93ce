using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests;

public class QuantileTests
{
    // Worked by hand: h = 1 + (n - 1)p, value = (1 - f)x[lo] + f x[hi]; matches Excel PERCENTILE.INC.
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.25, 1.75)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.75, 3.25)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, 0.25, 2.0)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, 0.75, 4.0)]
    [InlineData(new[] { 10.0 }, 0.25, 10.0)]
    [InlineData(new[] { 0.0, 10 }, 0.25, 2.5)]
    [InlineData(new[] { 2.0, 2, 2, 8 }, 0.5, 2.0)]
    [InlineData(new[] { 1.0, 3, 7, 15, 31, 63 }, 0.25, 4.0)]
    [InlineData(new[] { 1.0, 3, 7, 15, 31, 63 }, 0.75, 27.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 1.0, 4.0)]
    public void Type7_SortedValues_InterpolatesAsR(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, Quantiles.Type7(sorted, p), 12);

    [Fact]
    public void Quartiles_UnsortedWithNaN_IgnoresNaNAndSorts()
    {
        var q = Quantiles.Quartiles([3, double.NaN, 1, 2])!;
        Assert.Equal((1.0, 1.5, 2.0, 2.5, 3.0, 3), (q.Min, q.Q1, q.Median, q.Q3, q.Max, q.Count));
    }

    [Fact]
    public void Quartiles_NoValues_IsNull() => Assert.Null(Quantiles.Quartiles([double.NaN]));
}

public class RankTests
{
    private static readonly Dictionary<int, double> Values = new()
    {
        [301] = 10, [302] = 20, [303] = 20, [304] = 30, [Area.EnglandNumber] = 100, [983] = -5,
    };

    [Theory]
    [InlineData(30.0, Polarity.HigherIsBetter, 1)]
    [InlineData(20.0, Polarity.HigherIsBetter, 2)]
    [InlineData(10.0, Polarity.HigherIsBetter, 4)]
    [InlineData(10.0, Polarity.LowerIsBetter, 1)]
    [InlineData(20.0, Polarity.LowerIsBetter, 2)]
    [InlineData(30.0, Polarity.LowerIsBetter, 4)]
    public void Rank_TiesAndPolarity_SharesLowestRankAmongLasOnly(double value, Polarity polarity, int expected)
    {
        var rank = NationalDistribution.Of(Values).Rank(value, polarity);
        Assert.Equal(new NationalRank(expected, 4), rank);
    }

    [Fact]
    public void Rank_NoPolarity_IsNull() => Assert.Null(NationalDistribution.Of(Values).Rank(20, Polarity.NoJudgement));
}

public class QuartileBandTests
{
    private static readonly QuartileBoundaries Q = new(0, 10, 20, 30, 40, 9);

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(10.0, 1)]
    [InlineData(10.5, 2)]
    [InlineData(20.0, 2)]
    [InlineData(25.0, 3)]
    [InlineData(30.0, 3)]
    [InlineData(35.0, 4)]
    [InlineData(40.0, 4)]
    public void Band_LowPolarity_ClosedAtTopABCD(double value, int expected) =>
        Assert.Equal(expected, QuartileBanding.Band(value, Q, Polarity.LowerIsBetter));

    [Theory]
    [InlineData(0.0, 4)]
    [InlineData(10.0, 4)]
    [InlineData(10.5, 3)]
    [InlineData(20.0, 3)]
    [InlineData(25.0, 2)]
    [InlineData(30.0, 2)]
    [InlineData(30.1, 1)]
    [InlineData(40.0, 1)]
    public void Band_HighPolarity_SameIntervalsLabelledDCBA(double value, int expected) =>
        Assert.Equal(expected, QuartileBanding.Band(value, Q, Polarity.HigherIsBetter));

    [Theory]
    [InlineData(41.0, Polarity.LowerIsBetter)]
    [InlineData(-1.0, Polarity.HigherIsBetter)]
    [InlineData(20.0, Polarity.NoJudgement)]
    public void Band_OutsideRangeOrNoPolarity_IsNull(double value, Polarity polarity) =>
        Assert.Null(QuartileBanding.Band(value, Q, polarity));

    [Theory]
    [InlineData(1, 'A')]
    [InlineData(4, 'D')]
    public void Letter_Quartile_IsLaitLetter(int quartile, char expected) => Assert.Equal(expected, QuartileBanding.Letter(quartile));
}

public class NeighbourAverageTests
{
    public static TheoryData<int[], double?, int> Cases => new()
    {
        { new[] { 1, 2, 3 }, 15.0, 2 },
        { new[] { 1 }, 10.0, 1 },
        { new[] { 3, 4 }, null, 0 },
        { new[] { 1, 2, 5 }, 12.0, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Average_MissingNeighbours_LeftOut(int[] neighbours, double? mean, int count)
    {
        var values = new Dictionary<int, double> { [1] = 10, [2] = 20, [5] = 6 };
        var avg = StatisticalNeighbours.Average(values, neighbours);
        Assert.Equal(mean, avg?.Mean);
        Assert.Equal(count, avg?.ContributingCount ?? 0);
    }
}

public class NationalBenchmarkTests
{
    private static readonly Period Year = Period.AcademicYear(2024);

    private static BenchmarkData Data(bool withRegionValue = true)
    {
        var values = new Dictionary<int, double> { [1] = 10, [2] = 20, [3] = 30, [4] = 40, [5] = 50, [970] = 33 };
        if (withRegionValue)
        {
            values[983] = 31;
        }

        var info = new LaitMeasureInfo { Code = "M", Title = "M", Polarity = Polarity.HigherIsBetter };
        var areas = new Dictionary<int, Area>
        {
            [1] = new(1, "One", "East Midlands"), [2] = new(2, "Two", "East Midlands"), [3] = new(3, "Three", "East Midlands"),
            [4] = new(4, "Four", "East Midlands"), [5] = new(5, "Five", "East Midlands"), [970] = new(970, "England", null),
            [983] = new(983, "East Midlands", null),
        };
        return new BenchmarkData(
            new Dictionary<string, MeasureSeries> { ["M"] = new(info, [new PeriodValues(Year, values)]) },
            areas,
            new Dictionary<int, IReadOnlyList<int>> { [3] = [1, 2, 9] });
    }

    [Fact]
    public void For_HomeLaWithEverything_GivesAllParts()
    {
        var p = NationalBenchmark.For(Data(), "M", Year, 3);
        Assert.Equal((30.0, 3, 5, 3, 15.0, 2, 33.0, 31.0), (p.Value, p.Rank, p.RankedCount, p.Quartile, p.NeighbourAverage, p.NeighbourCount, p.England, p.Region));
        Assert.Equal(new QuartileBoundaries(10, 20, 30, 40, 50, 5), p.Boundaries);
    }

    [Fact]
    public void For_NoQuartileFlag_NoBandWithReason()
    {
        var p = NationalBenchmark.For(Data(), "M", Year, 3, Polarity.HigherIsBetter, noQuartile: true);
        Assert.Null(p.Quartile);
        Assert.Equal("the measure is flagged No_Quartile (too small a range to band)", p.QuartileAbsentReason);
        Assert.Equal(3, p.Rank);
    }

    [Fact]
    public void For_NoPolarity_NoRankNoBand()
    {
        var p = NationalBenchmark.For(Data(), "M", Year, 3, Polarity.NoJudgement, noQuartile: false);
        Assert.Equal((null, null), (p.Rank, p.Quartile));
        Assert.Equal("the measure has no polarity, so no rank", p.RankAbsentReason);
    }

    [Fact]
    public void For_MissingRegionAndNeighbours_ReasonsGiven()
    {
        var p = NationalBenchmark.For(Data(withRegionValue: false), "M", Year, 1);
        Assert.Equal("no value for East Midlands in this period", p.RegionAbsentReason);
        Assert.Equal("the council has no statistical neighbours listed", p.NeighbourAbsentReason);
    }

    [Fact]
    public void For_UnknownPeriod_AllAbsent()
    {
        var p = NationalBenchmark.For(Data(), "M", Period.AcademicYear(2010), 3);
        Assert.Equal("no data for this measure and period", p.ValueAbsentReason);
        Assert.Null(p.England);
    }
}
