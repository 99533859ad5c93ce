using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Tests.Measures;

/// <summary>Differences written as council officers write them; expected strings worked by hand.</summary>
public sealed class FormatDifferenceTests
{
    [Theory]
    [InlineData("percentage", 1, 0.7025, "0.7 percentage points")]
    [InlineData("percentage", 1, 17.5, "17.5 percentage points")]
    [InlineData("percentage", 1, -3.0691, "-3.1 percentage points")]
    [InlineData("percentage", 1, 0.04, "0.04 percentage points")] // 0.0 at one place: a second place shows it
    [InlineData("percentage", 0, 1.0, "1 percentage point")]
    [InlineData("percentage", 2, 70.24999999999999, "70.25 percentage points")] // no float noise
    [InlineData("count", 0, 1234.4, "1,234")]
    [InlineData("rate per 10000", 1, 12.345, "12.3 per 10,000")]
    [InlineData("days", 0, 1, "1 day")]
    [InlineData("days", 0, 3.4, "3 days")]
    [InlineData("currency", 0, 1250, "£1,250")]
    [InlineData("percentage", 1, 0, "0.0 percentage points")]
    public void FormatDifference_Unit_WrittenInItsOwnTerms(string unit, int decimals, double difference, string expected)
    {
        Assert.Equal(expected, MeasureUnit.Parse(unit).Value.FormatDifference(difference, decimals));
    }
}

/// <summary>Targets written as plans and committee reports write them; expected strings by hand.</summary>
public sealed class TargetDescribeTests
{
    [Theory]
    [InlineData("100%", "percentage", 1, "100%")]
    [InlineData("below 9%", "percentage", 1, "below 9%")]
    [InlineData("<9", "percentage", 1, "below 9%")]
    [InlineData("70.5%", "percentage", 1, "70.5%")]
    [InlineData("12.55", "percentage", 2, "12.55%")]
    [InlineData("12.5", "percentage", 2, "12.5%")]
    [InlineData(">= 1250", "count", 0, "at least 1,250")]
    [InlineData("top quartile", "percentage", 1, "Top quartile")]
    public void Describe_Target_AsPeopleWriteIt(string written, string unit, int decimals, string expected)
    {
        Assert.Equal(expected, Target.Parse(written).Value.Describe(MeasureUnit.Parse(unit).Value, decimals));
    }
}

public sealed class FormatValueTests
{
    [Theory]
    [InlineData(70.24999999999999, 1, "70.3%")] // the mean of 70.2 and 70.3, computed with binary noise: 70.25 by hand
    [InlineData(90.64999999999999, 1, "90.7%")]
    [InlineData(12.55, 2, "12.55%")]
    [InlineData(1234.5, 0, "1,235%")]
    public void Format_NoisyFigure_RoundedAsByHand(double value, int decimals, string expected)
    {
        Assert.Equal(expected, MeasureUnit.Percentage.Format(value, decimals));
    }
}
