using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Returns;

/// <summary>The Children in Need census figures, derived as DfE defines them (docs/returns.md).</summary>
public static class ChildInNeedMeasures
{
    public const int AssessmentWorkingDays = 45;
    public const int ConferenceWorkingDays = 15;

    /// <summary>DfE: "more than 729 calendar days including days of cessation".</summary>
    public const int TwoYearsInDays = 729;

    public static IReadOnlyList<Observation> Derive(CinData data, ReportingWindow w, ReturnOptions options)
    {
        var sink = new ObservationSink(w);
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

        sink.Count(ReturnMeasureIds.Referrals, referrals);
        sink.Rate(ReturnMeasureIds.ReferralRate, referrals, options.ChildPopulation);
        sink.Percent(ReturnMeasureIds.ReReferrals, reReferrals, referrals);

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
                if (p.Start <= w.Last.AddMonths(-3))
                {
                    reviewDue++;
                    reviewedInTime += ReviewedInTime(p, w.Last) ? 1 : 0;
                }
            }
        }

        sink.Count(ReturnMeasureIds.PlansAtEnd, childrenOnPlan.Count);
        sink.Rate(ReturnMeasureIds.PlanRate, childrenOnPlan.Count, options.ChildPopulation);
        sink.Count(ReturnMeasureIds.PlansStarted, startedN);
        sink.Percent(ReturnMeasureIds.SecondOrSubsequentPlans, repeat, startedN);
        sink.Percent(ReturnMeasureIds.PlansTwoYearsOpen, openLong, open);
        sink.Percent(ReturnMeasureIds.PlansTwoYearsCeased, ceasedLong, ceasedN);
        sink.Percent(ReturnMeasureIds.PlansReviewedInTime, reviewedInTime, reviewDue);
        return sink.Items;
    }

    /// <summary>
    /// Working Together: a first review within 3 months of the plan starting, then at most 6 months apart; a review
    /// overdue at <paramref name="asAt"/> makes the plan late as well.
    /// </summary>
    public static bool ReviewedInTime(ChildProtectionPlan plan, DateOnly asAt)
    {
        var due = plan.Start.AddMonths(3);
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

            due = review.AddMonths(6);
        }

        return due >= asAt;
    }
}
