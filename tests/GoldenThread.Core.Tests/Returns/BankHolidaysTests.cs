using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

public sealed class BankHolidaysTests
{
    // Years written out from the published lists (England and Wales), to compare with the computed rule.
    [Theory]
    [InlineData(2015, "2015-01-01 2015-04-03 2015-04-06 2015-05-04 2015-05-25 2015-08-31 2015-12-25 2015-12-28")]
    [InlineData(2016, "2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27")]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2012, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26")]
    public void InYear_PublishedYears_SameDays(int year, string expected) =>
        Assert.Equal(expected.Split(' ').Select(DateOnly.Parse), BankHolidays.InYear(year));

    [Theory]
    [InlineData(2015, 4, 5)]
    [InlineData(2016, 3, 27)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    public void EasterSunday_Year_KnownDate(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BankHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2015-06-01", "2015-06-01", 0)]
    [InlineData("2015-06-01", "2015-06-08", 5)]
    [InlineData("2015-06-05", "2015-06-08", 1)]
    [InlineData("2015-12-24", "2015-12-29", 1)]
    [InlineData("2015-06-01", "2015-08-03", 45)]
    public void WorkingDaysBetween_Dates_CountsDaysAfterStart(string from, string to, int expected) =>
        Assert.Equal(expected, BankHolidays.WorkingDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void IsBankHoliday_YearBeyondTable_Refuses() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidays.IsBankHoliday(new DateOnly(2041, 1, 1)));
}
