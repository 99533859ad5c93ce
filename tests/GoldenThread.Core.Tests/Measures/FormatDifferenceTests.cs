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
