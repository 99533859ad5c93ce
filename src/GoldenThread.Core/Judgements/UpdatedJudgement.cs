using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>Whether a measure has new data in one report: the dashboard's "Updated" column, judged per report.</summary>
/// <remarks>
/// Rule (docs/methods.md#updated):
/// <list type="bullet">
/// <item>Worked out from the periods: the latest figure is new when its period ends after the previous report's period
/// ended, i.e. when no earlier report could have shown it (a report shows the figures for periods ending on or before
/// its own last day). For a reporting period with no previous one of its kind (a snapshot date), when it ends within
/// the reporting period.</item>
/// <item>A council's own <c>updated</c> flag is what its report said of that figure, so it belongs to one report: the
/// report that first carried the figure (<see cref="ReportOf"/>). In that report the flag stands; in any other the
/// figure is not new: a flag is never copied into a later report because the figure is still the latest.</item>
/// </list>
/// </remarks>
public static class UpdatedJudgement
{
    /// <summary>Whether the measure, whose latest figure at <paramref name="reporting"/> is for <paramref name="latest"/>, is updated.</summary>
    /// <param name="latest">The period of the latest figure at the reporting period.</param>
    /// <param name="suppliedFlag">The <c>updated</c> flag given with that figure, if any.</param>
    /// <param name="reporting">The reporting period.</param>
    /// <param name="previousReport">The previous report's period (<see cref="Period.Previous"/>); null when there is none.</param>
    public static bool Judge(Period latest, bool? suppliedFlag, Period reporting, Period? previousReport)
    {
        if (suppliedFlag is { } flag)
        {
            return flag && ReportOf(latest, reporting) == reporting;
        }

        return previousReport is { } previous ? latest.End > previous.End : latest.End >= reporting.Start;
    }

    /// <summary>
    /// The report, of the same kind as <paramref name="reporting"/>, that first carries a figure for <paramref name="figure"/>:
    /// the one whose period contains the figure's last day; but for a figure longer than a reporting period whose last
    /// day falls part-way through one (an academic year, to 31 August, in quarterly reports), the next one.
    /// </summary>
    /// <remarks>
    /// A quarter's, a month's or a snapshot's figure, and a year's in an annual report, is reported for the period it ends
    /// in. A longer figure is compiled and published after its period ends: one that ends with a reporting period (the
    /// financial year with its fourth quarter, the calendar year with the third) is reported with it, as the year-end
    /// figure; one that ends part-way through a reporting period is reported in the next: the academic year's results in
    /// October to December, as Leicestershire's Q3 2015/16 dashboard marks its 2015 results updated.
    /// </remarks>
    public static Period ReportOf(Period figure, Period reporting)
    {
        var report = Containing(reporting, figure.End);
        return MonthsSpanned(figure) > MonthsSpanned(reporting) && figure.End < report.End
            ? Containing(reporting, report.End.AddDays(1))
            : report;
    }

    /// <summary>The period of <paramref name="kind"/>'s kind, basis and length that contains <paramref name="day"/>.</summary>
    private static Period Containing(Period kind, DateOnly day)
    {
        int StartYear(int firstMonth) => day.Month >= firstMonth ? day.Year : day.Year - 1;
        return kind.Kind switch
        {
            PeriodKind.FinancialQuarter => Period.FinancialQuarterContaining(day),
            PeriodKind.FinancialYear => Period.FinancialYear(StartYear(4)),
            PeriodKind.AcademicYear => Period.AcademicYear(StartYear(9)),
            PeriodKind.CalendarYear => Period.CalendarYear(day.Year),
            PeriodKind.Month => Period.Month(day.Year, day.Month),
            PeriodKind.MultiYear => MultiYearEndingIn(kind, day),
            _ => Period.Snapshot(day),
        };
    }

    private static Period MultiYearEndingIn(Period range, DateOnly day)
    {
        var lastYear = range.Basis switch
        {
            YearBasis.Financial => day.Month >= 4 ? day.Year : day.Year - 1,
            YearBasis.Academic => day.Month >= 9 ? day.Year : day.Year - 1,
            _ => day.Year,
        };
        return Period.MultiYear(range.Basis, lastYear - range.YearCount + 1, lastYear);
    }

    /// <summary>0 for a snapshot, 1 for a month, 3 for a quarter, 12 for a year, 12n for n years.</summary>
    private static int MonthsSpanned(Period p) => p.Kind == PeriodKind.Snapshot
        ? 0
        : ((p.End.Year - p.Start.Year) * 12) + p.End.Month - p.Start.Month + 1;
}
