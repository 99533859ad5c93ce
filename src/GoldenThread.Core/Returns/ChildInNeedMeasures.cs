using System.Globalization;
using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Returns;

/// <summary>The Children in Need census figures, derived as DfE defines them (docs/returns.md).</summary>
public static class ChildInNeedMeasures
{
    public const int AssessmentWorkingDays = 45;
    public const int ConferenceWorkingDays = 15;

    /// <summary>DfE: "more than 729 calendar days including days of cessation".</summary>
    public const int TwoYearsInDays = 729;

    /// <summary>The first review of a plan is due within this many months of its start.</summary>
    public const int FirstReviewMonths = 3;

    /// <summary>Each later review is due within this many months of the one before.</summary>
    public const int LaterReviewMonths = 6;

    public static IReadOnlyList<Observation> Derive(CinData data, ReportingWindow w, ReturnOptions options)
    {
        var sink = new ObservationSink(w);
        if (!data.Coverage.Reaches(w.First, w.Last))
        {
            sink.Block($"the CIN censuses in the files are for {data.Coverage.Describe()}, which do not cover the whole window");
        }

        var historyStart = data.Coverage.StartBefore(w.Last);
        int referrals = 0, reReferrals = 0;
        var refs = data.Referrals;
        for (var i = 0; i < refs.Length; i++)
        {
            var r = refs[i];
            if (!w.Contains(r.ReferralDate))
            {
                continue;
            }

            referrals++;
            if (i > 0 && refs[i - 1].Child == r.Child && refs[i - 1].ReferralDate >= r.ReferralDate.AddYears(-1))
            {
                reReferrals++;
            }
        }

        // A referral's previous one may be up to 12 months before the window: the files must reach back that far, because a
        // census holds only the referrals open in its year.
        var reReferralFrom = w.First.AddYears(-1);
        var reReferralWhyNot = historyStart is { } hs && hs > reReferralFrom
            ? $"re-referrals look back 12 months before the window, to {Day(reReferralFrom)}, but the CIN censuses in the files begin on {Day(hs)}"
            : null;
        sink.Count(ReturnMeasureIds.Referrals, referrals);
        sink.Rate(ReturnMeasureIds.ReferralRate, referrals, options.ChildPopulation);
        sink.Percent(ReturnMeasureIds.ReReferrals, reReferrals, referrals, reReferralWhyNot);

        int assessed = 0, assessedInTime = 0;
        foreach (var a in data.Assessments)
        {
            if (a.Authorised is { } done && w.Contains(done))
            {
                assessed++;
                assessedInTime += BankHolidays.WorkingDaysBetween(a.Start, done) <= AssessmentWorkingDays ? 1 : 0;
            }
        }

        sink.Percent(ReturnMeasureIds.AssessmentsIn45Days, assessedInTime, assessed);

        int s47 = 0, conferences = 0, conferencesInTime = 0;
        foreach (var s in data.Section47s)
        {
            s47 += w.Contains(s.Start) ? 1 : 0;
            if (s.InitialConference is { } icpc && w.Contains(icpc))
            {
                conferences++;
                conferencesInTime += BankHolidays.WorkingDaysBetween(s.Start, icpc) <= ConferenceWorkingDays ? 1 : 0;
            }
        }

        sink.Count(ReturnMeasureIds.Section47s, s47);
        sink.Percent(ReturnMeasureIds.ConferencesIn15Days, conferencesInTime, conferences);

        var plans = data.Plans;
        var childrenOnPlan = new HashSet<int>();
        int open = 0, openLong = 0, startedN = 0, repeat = 0, ceasedN = 0, ceasedLong = 0, reviewDue = 0, reviewedInTime = 0;
        var reviewsBeforeFiles = false;
        for (var i = 0; i < plans.Length; i++)
        {
            var p = plans[i];
            if (w.Contains(p.Start))
            {
                startedN++;
                var hadEarlier = i > 0 && plans[i - 1].Child == p.Child && plans[i - 1].Start < p.Start;
                repeat += hadEarlier || p.NumberOfPreviousPlans > 0 ? 1 : 0;
            }

            if (p.End is { } ended && w.Contains(ended))
            {
                ceasedN++;
                ceasedLong += ended.DayNumber - p.Start.DayNumber + 1 > TwoYearsInDays ? 1 : 0;
            }

            if (p.Start <= w.Last && (p.End is null || p.End.Value > w.Last))
            {
                childrenOnPlan.Add(p.Child);
                open++;
                openLong += w.Last.DayNumber - p.Start.DayNumber + 1 > TwoYearsInDays ? 1 : 0;
                if (IsDueForReview(p, w.Last))
                {
                    reviewDue++;
                    reviewedInTime += ReviewedInTime(p, w.Last) ? 1 : 0;
                    // Each census lists the reviews held in its year: a plan older than the files has reviews they lack.
                    reviewsBeforeFiles |= historyStart is { } start && p.Start < start;
                }
            }
        }

        sink.Count(ReturnMeasureIds.PlansAtEnd, childrenOnPlan.Count);
        sink.Rate(ReturnMeasureIds.PlanRate, childrenOnPlan.Count, options.ChildPopulation);
        sink.Count(ReturnMeasureIds.PlansStarted, startedN);
        sink.Percent(ReturnMeasureIds.SecondOrSubsequentPlans, repeat, startedN);
        sink.Percent(ReturnMeasureIds.PlansTwoYearsOpen, openLong, open);
        sink.Percent(ReturnMeasureIds.PlansTwoYearsCeased, ceasedLong, ceasedN);
        sink.Percent(ReturnMeasureIds.PlansReviewedInTime, reviewedInTime, reviewDue, reviewsBeforeFiles
            ? $"some plans open at the period end began before the CIN censuses in the files ({Day(historyStart!.Value)}), so their earlier reviews are not in the files"
            : null);
        return sink.Items;
    }

    /// <summary>The day <paramref name="months"/> calendar months after <paramref name="day"/>; the month's last day when it is shorter (31 March + 3 months = 30 June).</summary>
    public static DateOnly MonthsAfter(DateOnly day, int months) => day.AddMonths(months);

    /// <summary>
    /// Whether a plan open at <paramref name="asAt"/> counts in the review figure: it has been in place three months,
    /// that is its first review's due date (<see cref="MonthsAfter"/> its start) is on or before <paramref name="asAt"/>.
    /// </summary>
    public static bool IsDueForReview(ChildProtectionPlan plan, DateOnly asAt) => MonthsAfter(plan.Start, FirstReviewMonths) <= asAt;

    /// <summary>
    /// Working Together: a first review within 3 months of the plan starting, then each within 6 months of the one before.
    /// A review due on day D is in time when held on or before D. The figures are as at the end of
    /// <paramref name="asAt"/>, so a review due on or before it that has not been held is overdue; one due after it is not
    /// yet due. Reviews after <paramref name="asAt"/> are not looked at.
    /// </summary>
    public static bool ReviewedInTime(ChildProtectionPlan plan, DateOnly asAt)
    {
        var due = MonthsAfter(plan.Start, FirstReviewMonths);
        foreach (var review in plan.Reviews)
        {
            if (review > asAt)
            {
                break;
            }

            if (review > due)
            {
                return false;
            }

            due = MonthsAfter(review, LaterReviewMonths);
        }

        return due > asAt;
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
