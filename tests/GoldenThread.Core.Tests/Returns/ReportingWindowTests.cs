using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

public sealed class ReportingWindowTests
{
    [Theory]
    [InlineData(2015, 1, "2014-07-01", "2015-06-30", "2015/16 Q1")]
    [InlineData(2015, 2, "2014-10-01", "2015-09-30", "2015/16 Q2")]
    [InlineData(2015, 3, "2015-01-01", "2015-12-31", "2015/16 Q3")]
    [InlineData(2015, 4, "2015-04-01", "2016-03-31", "2015/16")]
    public void RollingYearTo_Quarter_TwelveMonthsEndingThen(int fy, int q, string first, string last, string label)
    {
        var w = ReportingWindow.RollingYearTo(fy, q);

        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last), label), (w.First, w.Last, w.Period.Label));
    }

    [Theory]
    [InlineData("2015-12-31", true)]
    [InlineData("2016-03-31", true)]
    [InlineData("2015-12-30", false)]
    [InlineData("2015-11-30", false)]
    public void EndingOn_Day_OnlyQuarterEnds(string day, bool ok) =>
        Assert.Equal(ok, ReportingWindow.EndingOn(DateOnly.Parse(day)).Success);
}
