using GoldenThread.Core.Cycle;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Cycle;

/// <summary>
/// Which period of its own frequency a measure's figure is for in a reporting quarter, worked out by hand from the
/// calendar: 2015/16 Q3 is October to December 2015; 2015/16 Q4 is January to March 2016.
/// </summary>
public sealed class FigurePeriodTests
{
    public static TheoryData<Frequency, int, string, string, string> Cases() => new()
    {
        // frequency, quarter of 2015/16, expected kind, first day, last day
        { Frequency.Quarterly, 3, "FinancialQuarter", "2015-10-01", "2015-12-31" },
        { Frequency.Monthly, 3, "Month", "2015-12-01", "2015-12-31" },
        { Frequency.RollingTwelveMonths, 3, "Month", "2015-12-01", "2015-12-31" },
        { Frequency.Snapshot, 3, "Snapshot", "2015-12-31", "2015-12-31" },
        { Frequency.FinancialYear, 3, "FinancialYear", "2015-04-01", "2016-03-31" },
        { Frequency.AcademicYear, 3, "AcademicYear", "2015-09-01", "2016-08-31" },
        { Frequency.CalendarYear, 3, "CalendarYear", "2015-01-01", "2015-12-31" },

        // Q4 ends in the next calendar year, but in the same financial and academic years.
        { Frequency.Quarterly, 4, "FinancialQuarter", "2016-01-01", "2016-03-31" },
        { Frequency.Monthly, 4, "Month", "2016-03-01", "2016-03-31" },
        { Frequency.RollingTwelveMonths, 4, "Month", "2016-03-01", "2016-03-31" },
        { Frequency.Snapshot, 4, "Snapshot", "2016-03-31", "2016-03-31" },
        { Frequency.FinancialYear, 4, "FinancialYear", "2015-04-01", "2016-03-31" },
        { Frequency.AcademicYear, 4, "AcademicYear", "2015-09-01", "2016-08-31" },
        { Frequency.CalendarYear, 4, "CalendarYear", "2016-01-01", "2016-12-31" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_201516Quarter_ThePeriodOfTheMeasuresFrequency(Frequency frequency, int quarter, string kind, string start, string end)
    {
        var p = FigurePeriod.For(frequency, Period.FinancialQuarter(2015, quarter));

        Assert.Equal(Enum.Parse<PeriodKind>(kind), p.Kind);
        Assert.Equal(DateOnly.Parse(start), p.Start);
        Assert.Equal(DateOnly.Parse(end), p.End);
    }

    [Fact]
    public void For_Quarterly_LabelIsTheReportingQuarter() =>
        Assert.Equal("2015/16 Q3", FigurePeriod.For(Frequency.Quarterly, Period.FinancialQuarter(2015, 3)).Label);
}
