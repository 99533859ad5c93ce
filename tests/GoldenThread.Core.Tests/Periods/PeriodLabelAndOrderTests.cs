using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Periods;

public class PeriodLabelAndOrderTests
{
    [Theory]
    [InlineData("2015/16 Q3", null, "2015/16 Q3", "2015-10-01", "2015-12-31")]
    [InlineData("Q3 2015/16", null, "2015/16 Q3", "2015-10-01", "2015-12-31")]
    [InlineData("2015/16 Q4", null, "2015/16 Q4", "2016-01-01", "2016-03-31")]
    [InlineData("2015/16", null, "2015/16", "2015-04-01", "2016-03-31")]
    [InlineData("2014/15", YearBasis.Academic, "2014/15", "2014-09-01", "2015-08-31")]
    [InlineData("2016-17", YearBasis.Academic, "2016/17", "2016-09-01", "2017-08-31")]
    [InlineData("2015", null, "2015", "2015-01-01", "2015-12-31")]
    [InlineData("Dec-15", null, "Dec-15", "2015-12-01", "2015-12-31")]
    [InlineData("Nov 2015", null, "Nov-15", "2015-11-01", "2015-11-30")]
    [InlineData("2016-02", null, "Feb-16", "2016-02-01", "2016-02-29")]
    [InlineData("31/12/2015", null, "31 Dec 2015", "2015-12-31", "2015-12-31")]
    [InlineData("2014-16", null, "2014-16", "2014-01-01", "2016-12-31")]
    [InlineData("2013/14-15/16", null, "2013/14-15/16", "2013-04-01", "2016-03-31")]
    [InlineData("Year end 2014/15", null, "2014/15", "2014-04-01", "2015-03-31")]
    [InlineData("2022 (Rev)", null, "2022 (Rev)", "2022-01-01", "2022-12-31")]
    [InlineData("2016-17 (OT)", YearBasis.Financial, "2016/17 (OT)", "2016-04-01", "2017-03-31")]
    public void Parse_FormsPeopleAndDfeWrite_GivesSpanAndLabel(string text, YearBasis? basis, string label, string start, string end)
    {
        var result = Period.Parse(text, basis);

        Assert.True(result.Success, result.Error);
        Assert.Equal(label, result.Value.Label);
        Assert.Equal(DateOnly.Parse(start), result.Value.Start);
        Assert.Equal(DateOnly.Parse(end), result.Value.End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2015/17")]
    [InlineData("Q5 2015/16")]
    [InlineData("Smarch-15")]
    [InlineData("2015-13")]
    public void Parse_NotAPeriod_FailsNamingInputAndExpectedForms(string text)
    {
        var result = Period.Parse(text);

        Assert.False(result.Success);
        Assert.Contains("expected a period such as 2015/16 Q3", result.Error);
    }

    [Theory]
    [InlineData("2015/16 Q1", "2014/15 Q4")]
    [InlineData("2015/16 Q3", "2015/16 Q2")]
    [InlineData("2015/16", "2014/15")]
    [InlineData("2015", "2014")]
    [InlineData("Jan-16", "Dec-15")]
    [InlineData("2014-16", "2013-15")]
    public void Previous_GivesThePeriodOfTheSameKindBefore(string text, string expected)
    {
        Assert.Equal(Period.Parse(expected).Value, Period.Parse(text).Value.Previous());
    }

    [Fact]
    public void Previous_OfSnapshot_IsNull()
    {
        Assert.Null(Period.Snapshot(new DateOnly(2015, 11, 30)).Previous());
    }

    [Fact]
    public void Equality_IgnoresRevisionLabel()
    {
        Assert.Equal(Period.Parse("2022").Value, Period.Parse("2022 (Rev)").Value);
    }

    [Fact]
    public void IsComparableWith_DifferentKindsOrLengths_IsFalse()
    {
        var fy = Period.FinancialYear(2015);
        Assert.False(fy.IsComparableWith(Period.AcademicYear(2015)));
        Assert.False(Period.MultiYear(YearBasis.Calendar, 2014, 2016).IsComparableWith(Period.MultiYear(YearBasis.Calendar, 2014, 2015)));
        Assert.True(fy.IsComparableWith(Period.FinancialYear(2011)));
    }

    [Fact]
    public void ByEnd_OrdersByLastDayThenFirstDay()
    {
        var periods = new[] { Period.FinancialYear(2015), Period.FinancialQuarter(2015, 4), Period.CalendarYear(2015), Period.AcademicYear(2014) };

        var ordered = periods.OrderBy(p => p, Period.ByEnd).Select(p => p.Label).ToList();

        Assert.Equal(["2014/15", "2015", "2015/16", "2015/16 Q4"], ordered);
    }
}
