using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Returns;

/// <summary>
/// The twelve months a figure is derived over: a financial year (1 April to 31 March, as the 903 and the CIN census
/// are collected) or any rolling twelve months ending at the end of a financial quarter.
/// </summary>
/// <remarks>
/// Invariants: <see cref="First"/> is the day after <see cref="Last"/> one year earlier; <see cref="Last"/> is the last
/// day of a quarter (30 June, 30 September, 31 December or 31 March). <see cref="Period"/> is what the observations carry:
/// the financial year when the window is one, otherwise the financial quarter the window ends in (the measure's
/// frequency, rolling 12 months, says what the figure covers; the observation's note says so too).
/// </remarks>
public readonly record struct ReportingWindow
{
    private ReportingWindow(DateOnly first, DateOnly last, Period period)
    {
        First = first;
        Last = last;
        Period = period;
    }

    /// <summary>First day in the window.</summary>
    public DateOnly First { get; }

    /// <summary>Last day in the window: the "as at" date of snapshot figures.</summary>
    public DateOnly Last { get; }

    public Period Period { get; }

    /// <summary>Whether the window is a financial year (ends on 31 March): the only windows for which OC2 and OC3 cohorts are defined.</summary>
    public bool IsFinancialYear => Last.Month == 3;

    /// <summary>The financial year starting in April of <paramref name="startYear"/> (2015 gives 2015/16, ending 31 March 2016).</summary>
    public static ReportingWindow FinancialYear(int startYear) =>
        new(new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31), Periods.Period.FinancialYear(startYear));

    /// <summary>The twelve months ending with quarter <paramref name="quarter"/> (1–4) of the financial year starting in <paramref name="financialStartYear"/>.</summary>
    public static ReportingWindow RollingYearTo(int financialStartYear, int quarter)
    {
        var q = Periods.Period.FinancialQuarter(financialStartYear, quarter);
        if (quarter == 4)
        {
            return FinancialYear(financialStartYear);
        }

        return new(q.End.AddDays(1).AddYears(-1), q.End, q);
    }

    /// <summary>The window ending on <paramref name="lastDay"/>, which must be a quarter end.</summary>
    public static ParseResult<ReportingWindow> EndingOn(DateOnly lastDay)
    {
        var isQuarterEnd = lastDay.Month % 3 == 0 && lastDay.AddDays(1).Day == 1;
        if (!isQuarterEnd)
        {
            return ParseResult<ReportingWindow>.Fail(
                $"'{lastDay:yyyy-MM-dd}' is not the end of a quarter: expected 30 June, 30 September, 31 December or 31 March");
        }

        var q = Periods.Period.FinancialQuarterContaining(lastDay);
        return ParseResult<ReportingWindow>.Ok(RollingYearTo(q.FinancialStartYear, q.QuarterNumber));
    }

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    public string Describe() => IsFinancialYear
        ? $"financial year {Period.Label}"
        : $"rolling 12 months {First:d MMM yyyy} to {Last:d MMM yyyy}";
}
