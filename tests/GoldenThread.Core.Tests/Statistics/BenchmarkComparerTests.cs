using GoldenThread.Core.Judgements;
using GoldenThread.Core.Statistics;

namespace GoldenThread.Core.Tests.Statistics;

public class BenchmarkComparerTests
{
    private static readonly IBenchmarkComparer Single = BenchmarkComparerFactory.Create(ComparisonMethod.ConfidenceInterval95);
    private static readonly IBenchmarkComparer Double = BenchmarkComparerFactory.Create(ComparisonMethod.ConfidenceIntervals95And998);

    private static ConfidenceInterval Ci(double? lower, double? upper, double level = 0.95) => ConfidenceInterval.Given(lower, upper, level).Value;

    // Leicestershire reception overweight-and-obese 2014/15, Appendix C: 20.2 (19.3-21.1).
    private static readonly AreaEstimate Leicestershire = new(20.2, Ci(19.3, 21.1));

    [Theory]
    [InlineData(21.9, Polarity.LowerIsBetter, Comparison.Better, "better")]
    [InlineData(21.9, Polarity.HigherIsBetter, Comparison.Worse, "worse")]
    [InlineData(21.9, Polarity.NoJudgement, Comparison.Lower, "lower")]
    [InlineData(18.0, Polarity.LowerIsBetter, Comparison.Worse, "worse")]
    [InlineData(18.0, Polarity.HigherIsBetter, Comparison.Better, "better")]
    [InlineData(18.0, Polarity.NoJudgement, Comparison.Higher, "higher")]
    [InlineData(20.0, Polarity.LowerIsBetter, Comparison.Similar, "similar")]
    [InlineData(19.3, Polarity.LowerIsBetter, Comparison.Similar, "similar")]
    [InlineData(21.1, Polarity.LowerIsBetter, Comparison.Similar, "similar")]
    public void Compare_SingleLevel_ByPolarity(double benchmark, Polarity polarity, Comparison outcome, string words)
    {
        var result = Single.Compare(Leicestershire, new Benchmark("England", benchmark), polarity);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(words, result.Words);
    }

    [Fact]
    public void Compare_BenchmarkOnLowerEdge_CountsAsInside()
    {
        var result = Single.Compare(Leicestershire, new Benchmark("England", 19.3), Polarity.LowerIsBetter);

        Assert.Equal(Comparison.Similar, result.Outcome);
        Assert.Null(result.SignificanceLevel);
        Assert.Equal("England (19.3) lies within the 95% confidence interval (19.3 to 21.1), so the difference is not significant", result.Reason);
    }

    [Fact]
    public void Compare_Outside_ReasonNamesSideAndMeaning()
    {
        var result = Single.Compare(Leicestershire, new Benchmark("England", 21.9), Polarity.LowerIsBetter);

        Assert.Equal("England (21.9) lies above the 95% confidence interval (19.3 to 21.1): significantly better", result.Reason);
        Assert.Equal(new Judgement<Comparison>(Comparison.Better, result.Reason, JudgementMethod.Significance), result.ToJudgement());
    }

    [Theory]
    [InlineData(null, 21.1, "only the upper bound of the 95% confidence interval is known, so the difference from England cannot be tested")]
    [InlineData(19.3, null, "only the lower bound of the 95% confidence interval is known, so the difference from England cannot be tested")]
    [InlineData(null, null, "no 95% confidence interval, so the difference from England cannot be tested")]
    public void Compare_PartialInterval_NotAvailableWithReason(double? lower, double? upper, string reason)
    {
        var result = Single.Compare(new AreaEstimate(20.2, Ci(lower, upper)), new Benchmark("England", 25), Polarity.LowerIsBetter);

        Assert.Equal(Comparison.NotAvailable, result.Outcome);
        Assert.Equal("not compared", result.Words);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Compare_NoInterval_NotAvailable()
    {
        var result = Single.Compare(new AreaEstimate(20.2, null), new Benchmark("England", 25), Polarity.LowerIsBetter);

        Assert.Equal(Comparison.NotAvailable, result.Outcome);
        Assert.Equal("no 95% confidence interval, so the difference from England cannot be tested", result.Reason);
    }

    [Fact]
    public void Compare_NoBenchmarkValue_NotAvailable()
    {
        var result = Single.Compare(Leicestershire, new Benchmark("statistical neighbours' average", null), Polarity.LowerIsBetter);

        Assert.Equal(Comparison.NotAvailable, result.Outcome);
        Assert.Equal("no value for statistical neighbours' average to compare with", result.Reason);
    }

    // 81/263: Wilson 95% 0.255289-0.366210, 99.8% 0.228036-0.401389 (independent/expected_values.py).
    [Theory]
    [InlineData(0.20, Polarity.HigherIsBetter, Comparison.Better, 0.998, "better (99.8%)")]
    [InlineData(0.24, Polarity.HigherIsBetter, Comparison.Better, 0.95, "better (95%)")]
    [InlineData(0.24, Polarity.LowerIsBetter, Comparison.Worse, 0.95, "worse (95%)")]
    [InlineData(0.30, Polarity.HigherIsBetter, Comparison.Similar, null, "similar")]
    [InlineData(0.38, Polarity.HigherIsBetter, Comparison.Worse, 0.95, "worse (95%)")]
    [InlineData(0.42, Polarity.HigherIsBetter, Comparison.Worse, 0.998, "worse (99.8%)")]
    [InlineData(0.42, Polarity.NoJudgement, Comparison.Lower, 0.998, "lower (99.8%)")]
    public void Compare_TwoLevels_NamesTheLevel(double benchmark, Polarity polarity, Comparison outcome, double? level, string words)
    {
        var area = AreaEstimate.ForProportion(81, 263);

        var result = Double.Compare(area, new Benchmark("England", benchmark), polarity);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(level, result.SignificanceLevel);
        Assert.Equal(words, result.Words);
    }

    [Fact]
    public void Compare_TwoLevelsWithout998Interval_NotAvailable()
    {
        var result = Double.Compare(Leicestershire, new Benchmark("England", 21.9), Polarity.LowerIsBetter);

        Assert.Equal(Comparison.NotAvailable, result.Outcome);
        Assert.Equal("no 99.8% confidence interval, so the difference from England cannot be tested", result.Reason);
    }

    [Fact]
    public void Create_EachMethod_ReturnsComparerForIt()
    {
        Assert.Equal(ComparisonMethod.ConfidenceInterval95, Single.Method);
        Assert.Equal(ComparisonMethod.ConfidenceIntervals95And998, Double.Method);
    }
}
