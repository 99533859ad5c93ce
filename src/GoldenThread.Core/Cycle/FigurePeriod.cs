using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Cycle;

/// <summary>Which of a measure's own periods a reporting period asks for (docs/cycle.md#periods). Pure.</summary>
public static class FigurePeriod
{
    /// <summary>
    /// The period of <paramref name="frequency"/> that a figure entered in <paramref name="reporting"/> is for, when no data
    /// says otherwise: the quarter itself for a quarterly measure; the last month of the reporting period for a monthly
    /// one; its last day for a snapshot ("as at 31 December"); the year (of the measure's basis) that the reporting period
    /// ends in, to date, for an annual measure; for a rolling twelve months, the month it ends with.
    /// </summary>
    public static Period For(Frequency frequency, Period reporting)
    {
        var end = reporting.End;
        return frequency switch
        {
            Frequency.Quarterly => reporting.Kind is PeriodKind.FinancialQuarter or PeriodKind.FinancialYear
                ? reporting.WithQualifier(null)
                : Period.FinancialQuarterContaining(end),
            Frequency.Monthly or Frequency.RollingTwelveMonths => Period.Month(end.Year, end.Month),
            Frequency.Snapshot => Period.Snapshot(end),
            Frequency.FinancialYear => Period.FinancialYear(end.Month >= 4 ? end.Year : end.Year - 1),
            Frequency.AcademicYear => Period.AcademicYear(end.Month >= 9 ? end.Year : end.Year - 1),
            Frequency.CalendarYear => Period.CalendarYear(end.Year),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        };
    }
}
