using GoldenThread.Core.Statistics;

namespace GoldenThread.Core.Tests.Statistics;

// Slopes and chi-squared: independent/expected_values.py (WLS with weights 1/SE², SE = width / 3.92).
public class RecentTrendTests
{
    private static IEnumerable<TrendPoint> Points(int firstYear, double[] values, double[] lowers, double[] uppers) =>
        values.Select((v, i) => new TrendPoint(firstYear + i, v, ConfidenceInterval.Given(lowers[i], uppers[i]).Value));

    private static readonly double[] RisingValues = [20.0, 21.0, 22.5, 23.0, 24.5];
    private static readonly double[] RisingLowers = [19.0, 20.0, 21.5, 22.0, 23.5];
    private static readonly double[] RisingUppers = [21.0, 22.0, 23.5, 24.0, 25.5];
    private static readonly double[] FallingValues = [30.0, 28.0, 27.0, 25.0, 24.0];
    private static readonly double[] FallingLowers = [29.0, 27.0, 26.0, 24.0, 23.0];
    private static readonly double[] FallingUppers = [31.0, 29.0, 28.0, 26.0, 25.0];

    [Theory]
    [InlineData(Polarity.HigherIsBetter, TrendOutcome.IncreasingAndGettingBetter, "increasing and getting better")]
    [InlineData(Polarity.LowerIsBetter, TrendOutcome.IncreasingAndGettingWorse, "increasing and getting worse")]
    [InlineData(Polarity.NoJudgement, TrendOutcome.Increasing, "increasing")]
    public void Calculate_Rising_ByPolarity(Polarity polarity, TrendOutcome outcome, string words)
    {
        var result = RecentTrend.Calculate(Points(2015, RisingValues, RisingLowers, RisingUppers), polarity);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(words, result.Words);
        Assert.Equal(1.1, result.SlopePerYear!.Value, 1e-9);
        Assert.Equal(46.48336, result.ChiSquared!.Value, 1e-6);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, TrendOutcome.DecreasingAndGettingWorse, "decreasing and getting worse")]
    [InlineData(Polarity.LowerIsBetter, TrendOutcome.DecreasingAndGettingBetter, "decreasing and getting better")]
    [InlineData(Polarity.NoJudgement, TrendOutcome.Decreasing, "decreasing")]
    public void Calculate_Falling_ByPolarity(Polarity polarity, TrendOutcome outcome, string words)
    {
        var result = RecentTrend.Calculate(Points(2015, FallingValues, FallingLowers, FallingUppers), polarity);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(words, result.Words);
        Assert.Equal(-1.5, result.SlopePerYear!.Value, 1e-9);
        Assert.Equal(86.435999999999, result.ChiSquared!.Value, 1e-6);
    }

    [Fact]
    public void Calculate_Flat_NoSignificantChange()
    {
        var result = RecentTrend.Calculate(
            Points(2015, [20.0, 20.4, 19.8, 20.2, 20.1], [18.0, 18.4, 17.8, 18.2, 18.1], [22.0, 22.4, 21.8, 22.2, 22.1]),
            Polarity.HigherIsBetter);

        Assert.Equal(TrendOutcome.NoSignificantChange, result.Outcome);
        Assert.Equal("no significant change", result.Words);
        Assert.Equal(0.0, result.ChiSquared!.Value, 1e-9);
    }

    [Fact]
    public void Calculate_SignificantOnlyBecauseOfLastPoint_FailsLeaveOneOut()
    {
        // χ² = 1991.49, but without 2019 the slope is -0.13: the direction does not hold.
        var result = RecentTrend.Calculate(
            Points(2015, [10.3, 10.1, 10.0, 9.9, 14.0], [10.2, 10.0, 9.9, 9.8, 13.9], [10.4, 10.2, 10.1, 10.0, 14.1]),
            Polarity.HigherIsBetter);

        Assert.Equal(TrendOutcome.NoSignificantChange, result.Outcome);
        Assert.Equal(1991.48544, result.ChiSquared!.Value, 1e-4);
        Assert.Contains("leaving out 2019", result.Reason);
    }

    [Fact]
    public void Calculate_UsesOnlyTheLastFive()
    {
        // An earlier, wildly different point and a gap before the last five change nothing.
        var points = Points(2015, RisingValues, RisingLowers, RisingUppers)
            .Prepend(new TrendPoint(2010, 90, ConfidenceInterval.Given(89, 91).Value));

        var result = RecentTrend.Calculate(points, Polarity.HigherIsBetter);

        Assert.Equal(1.1, result.SlopePerYear!.Value, 1e-9);
    }

    public static TheoryData<TrendPoint[], string> Unusable => new()
    {
        { [new(2015, 1, null), new(2016, 1, null), new(2017, 1, null), new(2018, 1, null)],
          "cannot be calculated: only 4 annual points; the trend needs at least 5 consecutive years" },
        { Points(2015, RisingValues, RisingLowers, RisingUppers).Select(p => p.Year == 2017 ? p with { Year = 2014 } : p).ToArray(),
          "cannot be calculated: a gap between 2016 and 2018; the last 5 points must be consecutive years" },
        { Points(2015, RisingValues, RisingLowers, RisingUppers).Select(p => p.Year == 2016 ? p with { Interval = null } : p).ToArray(),
          "cannot be calculated: 2016 has no complete confidence interval, so its standard error is unknown" },
        { Points(2015, RisingValues, RisingLowers, RisingUppers).Select(p => p.Year == 2016 ? p with { Interval = ConfidenceInterval.Given(21.0, null).Value } : p).ToArray(),
          "cannot be calculated: 2016 has no complete confidence interval, so its standard error is unknown" },
        { Points(2015, RisingValues, RisingLowers, RisingUppers).Select(p => p.Year == 2018 ? p with { Interval = ConfidenceInterval.Given(23.0, 23.0).Value } : p).ToArray(),
          "cannot be calculated: 2018 has a confidence interval of zero width, so it cannot be weighted" },
        { Points(2015, RisingValues, RisingLowers, RisingUppers).Append(new TrendPoint(2019, 1, null)).ToArray(),
          "cannot be calculated: two points are given for 2019" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Calculate_Unusable_CannotBeCalculatedWithReason(TrendPoint[] points, string reason)
    {
        var result = RecentTrend.Calculate(points, Polarity.HigherIsBetter);

        Assert.Equal(TrendOutcome.CannotBeCalculated, result.Outcome);
        Assert.Equal("cannot be calculated", result.Words);
        Assert.Equal(reason, result.Reason);
    }

    // Fingertips' TrendMarkerCalculator.ChiSquareConfidence (ukhsa-collaboration/fingertips-open) and
    // NormalDist().inv_cdf(0.999) ** 2 in independent/expected_values.py: 9.54953570608324.
    [Fact]
    public void CriticalChiSquared_IsExactSquareOfThe99Point8Quantile() =>
        Assert.Equal(9.54953570608324, RecentTrend.CriticalChiSquared, 1e-12);

    /// <summary>
    /// Five equally weighted points 10, 11, …, 14 (slope 1) whose 95% intervals have half-width h: SE = 2h / 3.92 and,
    /// for x = -2…2, Var(b) = SE² / Σx² = SE² / 10, so χ² = 10 / SE². h is chosen to give the wanted χ²
    /// (independent/expected_values.py prints the same h).
    /// </summary>
    private static IEnumerable<TrendPoint> LineWithChiSquared(double chiSquared)
    {
        var halfWidth = 3.92 * Math.Sqrt(10 / chiSquared) / 2;
        return Enumerable.Range(0, 5).Select(i => new TrendPoint(2015 + i, 10 + i, ConfidenceInterval.Given(10 + i - halfWidth, 10 + i + halfWidth).Value));
    }

    [Theory]
    // 9.5494 is above 3.0902² = 9.549336 but below Φ⁻¹(0.999)² = 9.549536: not significant.
    [InlineData(9.5494, TrendOutcome.NoSignificantChange)]
    [InlineData(9.5496, TrendOutcome.IncreasingAndGettingBetter)]
    public void Calculate_ChiSquaredEitherSideOfThreshold_ExactQuantileDecides(double chiSquared, TrendOutcome outcome)
    {
        var result = RecentTrend.Calculate(LineWithChiSquared(chiSquared), Polarity.HigherIsBetter);

        Assert.Equal(chiSquared, result.ChiSquared!.Value, 1e-9);
        Assert.Equal(outcome, result.Outcome);
    }

    [Fact]
    public void Calculate_PointWithNoValue_SaysSoNotZeroWidth()
    {
        var points = Points(2015, RisingValues, RisingLowers, RisingUppers).Select(p => p.Year == 2017 ? p with { Value = double.NaN } : p);

        var result = RecentTrend.Calculate(points, Polarity.HigherIsBetter);

        Assert.Equal(TrendOutcome.CannotBeCalculated, result.Outcome);
        Assert.Equal("cannot be calculated: 2017 has no value", result.Reason);
    }

    [Fact]
    public void Calculate_PointWithNoValueAndNoInterval_SaysNoValue()
    {
        var points = Points(2015, RisingValues, RisingLowers, RisingUppers).Select(p => p.Year == 2016 ? new TrendPoint(2016, double.NaN, null) : p);

        Assert.Equal("cannot be calculated: 2016 has no value", RecentTrend.Calculate(points, Polarity.HigherIsBetter).Reason);
    }

    [Fact]
    public void ForProportion_ComputesWilsonInterval()
    {
        var point = TrendPoint.ForProportion(2020, 81, 263);

        Assert.Equal(0.255288519878, point.Interval!.Value.Lower!.Value, 1e-9);
    }
}
