using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Dashboard;

/// <summary>
/// The reporting period when none is asked for: the latest period the measures have data for
/// (docs/methods.md#reporting-period). Expected periods worked out by hand from the calendar.
/// </summary>
public class DefaultReportingPeriodTests
{
    private static Observation At(Period p, double? value = 1) => new() { MeasureId = "m", Period = p, Value = value };

    public static TheoryData<string, Period[], Period> Cases => new()
    {
        {
            // Leicestershire 2020-23 on LAIT: the 2024/25 academic year (ends 31 Aug 2025) is the latest; reported as
            // that academic year, not as the financial year 2025/26 in which 31 August 2025 falls.
            "academic year latest", [Period.FinancialYear(2024), Period.AcademicYear(2024), Period.AcademicYear(2023)], Period.AcademicYear(2024)
        },
        { "financial year latest", [Period.AcademicYear(2023), Period.FinancialYear(2024)], Period.FinancialYear(2024) },
        { "calendar year latest", [Period.FinancialYear(2024), Period.CalendarYear(2025)], Period.CalendarYear(2025) },
        {
            // The Q3 2015/16 sample: Q3 and Dec-15 both end 31 Dec 2015; the 2014/15 academic year ends earlier.
            "quarter and month end together", [Period.AcademicYear(2014), Period.Month(2015, 12), Period.FinancialQuarter(2015, 3)], Period.FinancialQuarter(2015, 3)
        },
        { "a quarter before the year it closes", [Period.FinancialYear(2024), Period.FinancialQuarter(2024, 4)], Period.FinancialQuarter(2024, 4) },
        {
            // Rolling twelve-month figures from the returns: the quarters to Q3, then the year to 31 March: its Q4.
            "a year reported with its own quarters", [Period.FinancialQuarter(2024, 2), Period.FinancialQuarter(2024, 3), Period.FinancialYear(2024)], Period.FinancialQuarter(2024, 4)
        },
        { "a year with last year's quarters only", [Period.FinancialQuarter(2023, 3), Period.FinancialYear(2024)], Period.FinancialYear(2024) },
        { "a month: its financial quarter", [Period.FinancialYear(2024), Period.Month(2025, 5)], Period.FinancialQuarter(2025, 1) },
        { "a snapshot: its financial quarter", [Period.Snapshot(new DateOnly(2016, 3, 31))], Period.FinancialQuarter(2015, 4) },
        { "a calendar range: its last year", [Period.MultiYear(YearBasis.Calendar, 2020, 2022)], Period.CalendarYear(2022) },
        { "a financial range: its last year", [Period.MultiYear(YearBasis.Financial, 2021, 2023)], Period.FinancialYear(2023) },
        { "a revision label is dropped", [Period.CalendarYear(2022).WithQualifier("Rev")], Period.CalendarYear(2022) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DefaultReportingPeriod_LatestData_IsTheLatestPeriodWithData(string scenario, Period[] periods, Period expected)
    {
        var actual = DashboardBuilder.DefaultReportingPeriod(periods.Select(p => At(p)));

        Assert.True(expected == actual && expected.Label == actual.Label, $"{scenario}: {actual.Label} ({actual.Kind})");
    }

    [Fact]
    public void DefaultReportingPeriod_LaterPeriodWithoutValue_IsIgnored()
    {
        var actual = DashboardBuilder.DefaultReportingPeriod([At(Period.FinancialYear(2023)), At(Period.FinancialYear(2024), value: null)]);

        Assert.Equal(Period.FinancialYear(2023), actual);
    }

    [Fact]
    public void DefaultReportingPeriod_NoValues_SaysWhatToGive()
    {
        var ex = Assert.Throws<NothingToReportException>(() => DashboardBuilder.DefaultReportingPeriod([]));

        Assert.Contains("--period", ex.Message);
    }
}
