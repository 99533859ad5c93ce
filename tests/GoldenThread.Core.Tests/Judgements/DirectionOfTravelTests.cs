using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Judgements;

public class DirectionOfTravelTests
{
    private static readonly Period Q3 = Period.FinancialQuarter(2015, 3);
    private static readonly Period Q2 = Period.FinancialQuarter(2015, 2);

    // Expected outcomes worked by hand: width = tolerance around the previous value (5% relative: 0.05 × previous).
    [Theory]
    [InlineData(66.7, 53.9, Polarity.HigherIsBetter, "5%", Direction.Improved)]            // +12.8 > 2.695
    [InlineData(98.7, 97.4, Polarity.HigherIsBetter, "5%", Direction.NoSignificantChange)] // +1.3 <= 4.87
    [InlineData(98.7, 97.4, Polarity.HigherIsBetter, "1", Direction.Improved)]             // +1.3 > 1
    [InlineData(28.95, 30.0, Polarity.LowerIsBetter, "0.5", Direction.Improved)]           // -1.05, lower is better
    [InlineData(12.55, 12.0, Polarity.LowerIsBetter, "0.5", Direction.Declined)]           // +0.55 > 0.5
    [InlineData(10.0, 10.5, Polarity.LowerIsBetter, "5%", Direction.NoSignificantChange)]  // -0.5 <= 0.525
    [InlineData(11.0, 10.0, Polarity.HigherIsBetter, "1", Direction.NoSignificantChange)]  // exactly on the edge counts as within
    [InlineData(5.0, 3.0, Polarity.NoJudgement, "1", Direction.Higher)]
    [InlineData(3.0, 5.0, Polarity.NoJudgement, "1", Direction.Lower)]
    [InlineData(35.9, 34.0, Polarity.LowerIsBetter, "1", Direction.Declined)]              // NEET care leavers up 1.9
    public void Judge_TableOfChanges_GivesDirectionByPolarityAndTolerance(
        double current, double previous, Polarity polarity, string tolerance, Direction expected)
    {
        var result = DirectionOfTravel.Judge(current, Q3, previous, Q2, polarity, Tolerance.Parse(tolerance).Value, v => v.ToString("0.##"));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(JudgementMethod.Tolerance, result.Method);
        Assert.Contains("2015/16 Q2", result.Reason);
    }

    [Fact]
    public void Judge_NoPreviousValue_GivesNoComparison()
    {
        var result = DirectionOfTravel.Judge(5, Q3, null, null, Polarity.HigherIsBetter, Tolerance.DefaultSimilarity, v => v.ToString());

        Assert.Equal(Direction.NoComparison, result.Outcome);
        Assert.Equal("No previous comparable data point.", result.Reason);
    }

    [Fact]
    public void Judge_Improvement_ReasonStatesValuesPeriodsAndTolerance()
    {
        var result = DirectionOfTravel.Judge(66.7, Q3, 53.9, Q2, Polarity.HigherIsBetter, Tolerance.InUnits(1), v => v.ToString("0.0") + "%");

        Assert.Equal(
            "66.7% in 2015/16 Q3 against 53.9% in 2015/16 Q2: up 12.8, beyond the tolerance of ±1 (higher is better).",
            result.Reason);
    }

    [Fact]
    public void Judge_PercentageWithItsDifferenceFormat_WritesPercentagePoints()
    {
        // 53.7% against 71.2%: down 17.5 percentage points; the tolerance of 1% of 71.2 is 0.712, written at one place.
        var result = DirectionOfTravel.Judge(53.7, Q3, 71.2, Q2, Polarity.HigherIsBetter, Tolerance.DefaultSimilarity, v => v.ToString("0.0") + "%",
            d => MeasureUnit.Percentage.FormatDifference(d, 1));

        Assert.Equal(
            "53.7% in 2015/16 Q3 against 71.2% in 2015/16 Q2: down 17.5 percentage points, beyond the tolerance of ±0.7 percentage points (higher is better).",
            result.Reason);
    }
}
