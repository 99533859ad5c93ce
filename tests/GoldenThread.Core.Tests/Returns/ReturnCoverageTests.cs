using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>Which days a set of collection years holds: each year's return holds 1 April to 31 March (years named by their 31 March).</summary>
public sealed class ReturnCoverageTests
{
    [Theory]
    [InlineData("2016 2017", "2017-03-31", "2015-04-01")]
    [InlineData("2016 2017", "2016-06-30", "2015-04-01")]
    [InlineData("2016 2018", "2018-03-31", "2017-04-01")] // 2017 missing: the unbroken run is 2018 alone
    [InlineData("2016 2018", "2017-03-31", null)]         // the year of the day is not held
    [InlineData("2016", "2016-04-01", null)]              // 1 April 2016 belongs to 2017
    public void StartBefore_Years_FirstDayOfTheUnbrokenRun(string years, string last, string? expected)
    {
        var coverage = ReturnCoverage.Of(years.Split(' ').Select(int.Parse));

        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), coverage.StartBefore(DateOnly.Parse(last)));
    }

    [Theory]
    [InlineData(2016, 3, 31, 2016)]
    [InlineData(2016, 4, 1, 2017)]
    [InlineData(2015, 12, 31, 2016)]
    public void CollectionYearOf_Day_YearOfItsThirtyFirstMarch(int y, int m, int d, int expected) =>
        Assert.Equal(expected, ReturnCoverage.CollectionYearOf(new DateOnly(y, m, d)));

    [Fact]
    public void Describe_YearsWithAGap_NamesEachRun() =>
        Assert.Equal("2015/16 to 2016/17, 2018/19", ReturnCoverage.Of([2016, 2017, 2019]).Describe());
}
