using GoldenThread.Core.Returns;

namespace GoldenThread.Data.Returns;

/// <summary>
/// The CIN census's date-order rules, shared by the XML and CSV readers: each returns the problem in words (never the
/// dates, which are personal), or null when the dates are in order. A date in the wrong order would otherwise be counted,
/// for example an assessment "authorised before it started" as done within 45 working days.
/// </summary>
internal static class DateRules
{
    /// <summary>CIN rule 8630: a CIN episode cannot close before its referral.</summary>
    public static string? ClosedBeforeReferral(DateOnly referral, DateOnly? closure) =>
        closure is { } c && c < referral ? "is before CINreferralDate: a case cannot close before it was referred (DfE CIN rule 8630)" : null;

    /// <summary>CIN rule 8925: a child protection plan cannot end before it starts.</summary>
    public static string? PlanEndedBeforeStart(DateOnly start, DateOnly? end) =>
        end is { } e && e < start ? "is before CPPstartDate: a child protection plan cannot end before it starts (DfE CIN rule 8925)" : null;

    /// <summary>CIN rule 8841: a review is held after the plan starts, not on or before that day.</summary>
    public static string? ReviewNotAfterStart(DateOnly planStart, DateOnly review) =>
        review <= planStart ? "is on or before CPPstartDate: a plan's review comes after the plan starts (DfE CIN rule 8841)" : null;

    /// <summary>CIN rule 8608 (authorised before starting), and both dates within the years whose bank holidays are known, for the 45 working days.</summary>
    public static IEnumerable<(string Field, string Problem)> Assessment(DateOnly start, DateOnly? authorised)
    {
        if (authorised is { } done && done < start)
        {
            yield return ("AssessmentAuthorisationDate", "is before AssessmentActualStartDate: an assessment cannot be authorised before it starts (DfE CIN rule 8608)");
        }

        foreach (var problem in WorkingDayDates(("AssessmentActualStartDate", start), ("AssessmentAuthorisationDate", authorised)))
        {
            yield return problem;
        }
    }

    /// <summary>The initial conference cannot precede the enquiry, and both dates must have known bank holidays, for the 15 working days.</summary>
    public static IEnumerable<(string Field, string Problem)> Section47(DateOnly start, DateOnly? conference)
    {
        if (conference is { } icpc && icpc < start)
        {
            yield return ("DateOfInitialCPC", "is before S47ActualStartDate: the initial conference cannot come before the enquiry starts");
        }

        foreach (var problem in WorkingDayDates(("S47ActualStartDate", start), ("DateOfInitialCPC", conference)))
        {
            yield return problem;
        }
    }

    /// <summary>Working days can be counted only between dates whose year's bank holidays are known.</summary>
    private static IEnumerable<(string Field, string Problem)> WorkingDayDates(params (string Field, DateOnly? Day)[] dates)
    {
        foreach (var (field, day) in dates)
        {
            if (day is { Year: < BankHolidays.FirstYear or > BankHolidays.LastYear })
            {
                yield return (field, $"falls in a year whose bank holidays are not known (GoldenThread knows {BankHolidays.FirstYear} to {BankHolidays.LastYear}), so working days cannot be counted");
            }
        }
    }
}
