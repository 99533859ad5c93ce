using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Periods;

/// <summary>
/// Every period read lies within 1900 to 2100 (docs/formats.md, "Limits"): text naming a year outside it is refused
/// with a message saying so, never an exception from a date beyond the calendar's ends.
/// </summary>
public class PeriodRangeTests
{
    [Theory]
    [InlineData("9999/00", null)]
    [InlineData("0000/01", null)]
    [InlineData("0000-01", null)]
    [InlineData("9999-12", null)]
    [InlineData("Dec-9999", null)]
    [InlineData("9999/00 Q4", null)]
    [InlineData("Q1 0000/01", null)]
    [InlineData("0001-01", null)]
    [InlineData("0001-01-01", null)]
    [InlineData("31/12/9999", null)]
    [InlineData("1899", null)]
    [InlineData("2101", null)]
    [InlineData("0000", null)]
    [InlineData("9999", YearBasis.Academic)]
    [InlineData("1900", YearBasis.Academic)] // the academic year ending in 1900 starts in 1899
    [InlineData("2100/01", null)] // ends in 2101
    [InlineData("2099-2101", null)]
    [InlineData("9998/99-99/00", null)]
    [InlineData("1899-12", null)]
    [InlineData("Jan-1899", null)]
    public void Parse_OutsideTheRange_FailsNamingTheRange(string text, YearBasis? basis)
    {
        var r = Period.Parse(text, basis);
        Assert.False(r.Success);
        Assert.Equal($"'{text}' is outside the periods GoldenThread reads; expected a period from 1900 to 2100", r.Error);
    }

    [Theory]
    [InlineData("1900", null, "1900-01-01", "2100-12-31", false)]
    [InlineData("1900", null, "1900-01-01", "1900-12-31", true)]
    [InlineData("2100", null, "2100-01-01", "2100-12-31", true)]
    [InlineData("2099/00", null, "2099-04-01", "2100-03-31", true)]
    [InlineData("Jan-1900", null, "1900-01-01", "1900-01-31", true)]
    [InlineData("2100-12", null, "2100-12-01", "2100-12-31", true)]
    [InlineData("31/12/2100", null, "2100-12-31", "2100-12-31", true)]
    [InlineData("1900-01-01", null, "1900-01-01", "1900-01-01", true)]
    [InlineData("2099/00 Q4", null, "2100-01-01", "2100-03-31", true)]
    public void Parse_AtTheEdgesOfTheRange_Reads(string text, YearBasis? basis, string start, string end, bool matches)
    {
        var p = Period.Parse(text, basis).Value;
        Assert.Equal(matches, (p.Start, p.End) == (DateOnly.Parse(start), DateOnly.Parse(end)));
    }

    [Fact]
    public void Previous_OfTheEarliestPeriods_IsStillADate()
    {
        // A report looks back a period from the one it is for; the earliest readable periods have one to look back to.
        var previous = new[] { "1900/01 Q1", "Jan-1900", "1900", "1900/01", "1900-02" /* the calendar years 1900 to 1902 */ }
            .Select(t => Period.Parse(t).Value.Previous()!.Value.Start).ToList();
        Assert.Equal(
            [new DateOnly(1900, 1, 1), new DateOnly(1899, 12, 1), new DateOnly(1899, 1, 1), new DateOnly(1899, 4, 1), new DateOnly(1899, 1, 1)],
            previous);
    }

    [Fact]
    public void Parse_TextLongerThanAnyPeriod_IsRefusedWithoutQuotingItWhole()
    {
        var text = new string('1', 5_000_000);
        var error = Period.Parse(text).Error!;
        Assert.StartsWith("'" + new string('1', 40) + "…' is 5000000 characters long, too long to be a period; expected at most 64 characters, ", error);
        Assert.True(error.Length < 400, $"the message is {error.Length} characters long");
    }
}
