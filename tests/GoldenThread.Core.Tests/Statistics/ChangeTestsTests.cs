using GoldenThread.Core.Judgements;
using GoldenThread.Core.Statistics;

namespace GoldenThread.Core.Tests.Statistics;

// p-values: independent/expected_values.py.
public class ChangeTestsTests
{
    [Theory]
    [InlineData(45, 200, 70, 210, Polarity.HigherIsBetter, 0.014657834192, true, Direction.Improved)]
    [InlineData(45, 200, 70, 210, Polarity.LowerIsBetter, 0.014657834192, true, Direction.Declined)]
    [InlineData(45, 200, 70, 210, Polarity.NoJudgement, 0.014657834192, true, Direction.Higher)]
    [InlineData(100, 1000, 110, 1000, Polarity.HigherIsBetter, 0.465743587934, false, Direction.NoSignificantChange)]
    [InlineData(30, 60, 15, 60, Polarity.LowerIsBetter, 0.004677734981, true, Direction.Improved)]
    [InlineData(5, 8, 7, 9, Polarity.HigherIsBetter, 0.490168028069, false, Direction.NoSignificantChange)]
    public void TwoProportions_Table(long x1, long n1, long x2, long n2, Polarity polarity, double pValue, bool significant, Direction direction)
    {
        var result = ChangeTests.TwoProportions(x1, n1, x2, n2, polarity);

        Assert.Equal(pValue, result.PValue!.Value, 1e-9);
        Assert.Equal(significant, result.Significant);
        Assert.Equal(direction, result.Direction);
    }

    [Fact]
    public void TwoProportions_Reason_NamesTheTest()
    {
        var result = ChangeTests.TwoProportions(45, 200, 70, 210, Polarity.HigherIsBetter);

        Assert.Equal("22.5% (45/200) to 33.33% (70/210): two-sample z-test on the pooled proportion, z = 2.44, p = 0.0147, significant at 95%", result.Reason);
    }

    [Fact]
    public void TwoProportions_ZeroInBoth_NoChange()
    {
        var result = ChangeTests.TwoProportions(0, 40, 0, 50, Polarity.HigherIsBetter);

        Assert.False(result.Significant);
        Assert.Equal(Direction.NoSignificantChange, result.Direction);
    }

    [Theory]
    [InlineData(10, null, 25, null, Polarity.LowerIsBetter, 0.01667384780012071, true, Direction.Declined)]
    [InlineData(10, null, 12, null, Polarity.LowerIsBetter, 0.8318119049072266, false, Direction.NoSignificantChange)]
    [InlineData(0, null, 7, null, Polarity.HigherIsBetter, 0.015625, true, Direction.Improved)]
    [InlineData(40, 20000.0, 70, 21000.0, Polarity.NoJudgement, 0.011585373437909167, true, Direction.Higher)]
    [InlineData(5, 1000.0, 5, 1000.0, Polarity.HigherIsBetter, 1.0, false, Direction.NoSignificantChange)]
    public void TwoCounts_Table(long c1, double? e1, long c2, double? e2, Polarity polarity, double pValue, bool significant, Direction direction)
    {
        var result = ChangeTests.TwoCounts(c1, e1, c2, e2, polarity);

        Assert.Equal(pValue, result.PValue!.Value, 1e-9);
        Assert.Equal(significant, result.Significant);
        Assert.Equal(direction, result.Direction);
    }

    [Fact]
    public void TwoCounts_NoEvents_NoChange()
    {
        var result = ChangeTests.TwoCounts(0, null, 0, null, Polarity.LowerIsBetter);

        Assert.Equal(Direction.NoSignificantChange, result.Direction);
        Assert.Equal("0 to 0: no events in either period, so there is no change", result.Reason);
    }

    // Exact rational sums in independent/expected_values.py; relative tolerance, since one p-value is 3e-9.
    [Theory]
    [InlineData(3, 1.0, 40, 1.0, 3.0213413992896676e-09)]
    [InlineData(1000, 1.0, 1100, 1.0, 0.030720707864242296)]
    [InlineData(250, 3.0, 60, 1.0, 0.022644201345885094)]
    [InlineData(17, 1.0, 0, 1.0, 1.52587890625e-05)]
    public void TwoCounts_TailsFarAndNear_MatchExactSums(long c1, double e1, long c2, double e2, double pValue) =>
        Assert.Equal(pValue, ChangeTests.TwoCounts(c1, e1, c2, e2, Polarity.LowerIsBetter).PValue!.Value, pValue * 1e-10);

    // Totals beyond 2^31: MathNet's binomial takes an int, so these threw, or (the third, whose total wraps to 10)
    // said "significant" with p = 0. Expected p-values: independent/expected_values.py, decimal arithmetic at 60 digits.
    [Theory]
    [InlineData(1_500_000_000L, null, 1_500_100_000L, null, 0.0678964921026883, false)]
    [InlineData(1_500_000_000L, null, 1_500_200_000L, null, 0.0002608717923273819, true)]
    [InlineData(2_147_483_651L, null, 2_147_483_655L, null, 0.9999634757434275, false)]
    [InlineData(1_000_000_000L, 1.0, 3_000_150_000L, 3.0, 0.17091641523687148, false)]
    public void TwoCounts_TotalBeyondInt32_RightPValue(long c1, double? e1, long c2, double? e2, double pValue, bool significant)
    {
        var result = ChangeTests.TwoCounts(c1, e1, c2, e2, Polarity.LowerIsBetter);

        Assert.Equal(pValue, result.PValue!.Value, pValue * 1e-9);
        Assert.Equal(significant, result.Significant);
    }

    [Fact]
    public void TwoCounts_TotalBeyondTwoToThe53_ThrowsNamingTheLimit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ChangeTests.TwoCounts(long.MaxValue / 2, null, long.MaxValue / 2, null, Polarity.LowerIsBetter));

        Assert.Contains("2^53", e.Message);
    }

    [Fact]
    public void TwoCounts_SumOfCountsWouldOverflowLong_ThrowsRatherThanWrapping() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeTests.TwoCounts(long.MaxValue, null, 10, null, Polarity.LowerIsBetter));
}
