using GoldenThread.Bench.Web;

namespace GoldenThread.Bench.Web.Tests;

public class PercentileTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [InlineData(0, 1)]    // rank 1: the minimum
    [InlineData(10, 1)]   // ⌈1.0⌉ = 1
    [InlineData(11, 2)]   // ⌈1.1⌉ = 2: never below the percentile
    [InlineData(50, 5)]   // ⌈5⌉ = 5, not the interpolated 5.5
    [InlineData(90, 9)]
    [InlineData(99, 10)]  // ⌈9.9⌉ = 10
    [InlineData(100, 10)] // the maximum
    public void NearestRank_TenValues_IsTheValueAtRankCeilingOfPTimesN(double percent, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank(OneToTen, percent));

    [Theory]
    [InlineData(50, 500)]
    [InlineData(90, 900)]
    [InlineData(99, 990)]
    [InlineData(99.9, 999)] // 99.9 / 100 × 1000 in binary floating point is 999.0000000000001, which would give rank 1000
    public void NearestRank_ThousandValues_HasNoFloatingPointOffByOne(double percent, double expected)
    {
        var values = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        Assert.Equal(expected, Percentile.NearestRank(values, percent));
    }

    [Fact]
    public void NearestRank_OneValue_IsThatValueAtEveryPercentile()
    {
        Assert.Equal(7.5, Percentile.NearestRank([7.5], 0));
        Assert.Equal(7.5, Percentile.NearestRank([7.5], 99));
    }

    [Fact]
    public void NearestRank_EmptySample_Throws() =>
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 50));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void NearestRank_PercentOutsideZeroToHundred_Throws(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRank(OneToTen, percent));

    [Fact]
    public void Median_OddCount_IsTheMiddleValue() => Assert.Equal(3, Percentile.Median([9, 3, 1]));

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo() => Assert.Equal(2.5, Percentile.Median([4, 1, 2, 3]));
}
