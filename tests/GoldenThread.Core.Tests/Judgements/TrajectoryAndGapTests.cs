using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Judgements;

public class TrajectoryAndGapTests
{
    private static readonly IReadOnlyList<ScheduledTarget> Derbyshire =
    [
        new(Period.FinancialYear(2016), Target.Numeric(62)),
        new(Period.FinancialYear(2017), Target.Numeric(64)),
        new(Period.FinancialYear(2018), Target.Numeric(66)),
        new(Period.FinancialYear(2019), Target.Numeric(68)),
    ];

    [Fact]
    public void Assess_AheadOfTrajectory_OnTrackWithShareCovered()
    {
        // Baseline 60 in 2015/16; 64.5 in 2017/18 against an expected 64: share = 4.5 / 8 = 0.5625.
        var series = new List<(Period, double)> { (Period.FinancialYear(2015), 60), (Period.FinancialYear(2017), 64.5) };

        var result = TrajectoryJudgement.Assess(Derbyshire, series, Polarity.HigherIsBetter, v => v.ToString("0.0"));

        Assert.NotNull(result);
        Assert.Equal(64.0, result.ExpectedNow!.Value, 9);
        Assert.Equal(0.5625, result.ShareOfDistanceCovered, 9);
        Assert.True(result.OnTrack);
        Assert.Equal(Period.FinancialYear(2019), result.TargetYear);
    }

    [Fact]
    public void Assess_BetweenTrajectoryPoints_InterpolatesByDays()
    {
        // 31 Mar 2016 (60) to 31 Mar 2017 (62) is 365 days; 30 Sep 2016 is 183 days in: 60 + 2 × 183/365 = 61.00274.
        var series = new List<(Period, double)> { (Period.FinancialYear(2015), 60), (Period.Month(2016, 9), 60.5) };

        var result = TrajectoryJudgement.Assess(Derbyshire, series, Polarity.HigherIsBetter, v => v.ToString("0.0"));

        Assert.Equal(60 + (2.0 * 183 / 365), result!.ExpectedNow!.Value, 9);
        Assert.False(result.OnTrack);
    }

    [Fact]
    public void Assess_LowerIsBetterBehind_NotOnTrack()
    {
        var targets = new List<ScheduledTarget> { new(Period.FinancialYear(2017), Target.Numeric(10)) };
        var series = new List<(Period, double)> { (Period.FinancialYear(2015), 14), (Period.FinancialYear(2017), 11) };

        var result = TrajectoryJudgement.Assess(targets, series, Polarity.LowerIsBetter, v => v.ToString());

        Assert.False(result!.OnTrack);
        Assert.Equal(0.75, result.ShareOfDistanceCovered, 9); // (11 - 14) / (10 - 14)
    }

    [Fact]
    public void Assess_NoBaselineBeforeFirstTargetYear_GivesNoTrajectory()
    {
        var series = new List<(Period, double)> { (Period.FinancialYear(2017), 64.5) };

        Assert.Null(TrajectoryJudgement.Assess(Derbyshire, series, Polarity.HigherIsBetter, v => v.ToString()));
    }

    [Fact]
    public void Gaps_SubtractComparisonFromGroupInCommonPeriods()
    {
        var fsm = new List<(Period, double)> { (Period.AcademicYear(2015), 60), (Period.AcademicYear(2016), 62), (Period.AcademicYear(2017), 63) };
        var others = new List<(Period, double)> { (Period.AcademicYear(2015), 80), (Period.AcademicYear(2016), 81) };

        var gaps = GapJudgement.Gaps(fsm, others);

        Assert.Equal([(Period.AcademicYear(2015), -20.0), (Period.AcademicYear(2016), -19.0)], gaps);
    }

    [Theory]
    [InlineData(-20.0, -19.0, "narrowing")]
    [InlineData(-19.0, -20.0, "widening")]
    [InlineData(-20.0, -19.8, "no significant change")]
    [InlineData(-2.0, 1.0, "narrowing")] // the size fell from 2 to 1 although the sign changed
    public void Assess_GapTrend(double before, double now, string expected)
    {
        var gaps = new List<(Period, double)> { (Period.AcademicYear(2015), before), (Period.AcademicYear(2016), now) };

        var result = GapJudgement.Assess(gaps, Tolerance.InUnits(0.5), v => v.ToString());

        Assert.Equal(expected, result!.Trend);
    }

    [Theory]
    [InlineData(-24.3, "-24.3 pp")]
    [InlineData(2.0, "2.0 pp")]
    public void FormatValue_GapBetweenPercentages_IsInPercentagePoints(double gap, string expected)
    {
        var m = new Measure
        {
            Id = "gap", Title = "FSM gap", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter,
            Gap = new GapDefinition("fsm", "all"),
        };

        Assert.Equal(expected, m.FormatValue(gap));
    }
}
