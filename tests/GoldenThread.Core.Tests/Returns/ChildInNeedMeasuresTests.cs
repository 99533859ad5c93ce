using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>Three children's CIN histories; every expected figure is worked by hand below. Window: 2015/16.</summary>
public sealed class ChildInNeedMeasuresTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly CinData Census = new()
    {
        Children = [new("X", null), new("Y", null), new("Z", null)],
        Referrals =
        [
            new(0, D(2014, 9, 1), D(2015, 1, 1), "6", "N1", "RC7", false),
            new(0, D(2015, 6, 1), D(2015, 12, 1), "2A", "N1", "RC7", false),
            new(0, D(2016, 3, 1), null, "6", "N1", null, false),
            new(1, D(2015, 4, 1), null, "3A", "N5", null, false),
            new(2, D(2014, 12, 1), D(2015, 1, 5), "8", "N0", "RC8", true),
            new(2, D(2016, 1, 15), null, "6", "N1", null, false),
        ],
        Assessments =
        [
            new(0, D(2015, 6, 1), D(2015, 8, 3)),   // 45 working days: in time
            new(1, D(2015, 4, 1), D(2015, 6, 5)),   // 43 (Good Friday, Easter Monday, 4 and 25 May out): in time
            new(0, D(2015, 12, 1), D(2016, 2, 8)),  // 46 (25 and 28 December, 1 January out): late
            new(2, D(2016, 1, 15), D(2016, 4, 10)), // authorised after the year: not counted
            new(2, D(2015, 1, 10), D(2015, 3, 20)), // authorised before the year: not counted
        ],
        Section47s =
        [
            new(0, D(2015, 6, 10), D(2015, 7, 1)),  // 15 working days: in time
            new(1, D(2015, 4, 20), D(2015, 5, 13)), // 16 (4 May out): late
        ],
        Plans =
        [
            new(0, D(2013, 6, 1), null, "NEG", "NEG", 0,
                [D(2013, 8, 20), D(2014, 2, 15), D(2014, 8, 10), D(2015, 2, 1), D(2015, 7, 30), D(2016, 1, 25)]),
            new(1, D(2015, 7, 1), null, "EMO", "EMO", 0, [D(2015, 10, 5)]),
            new(2, D(2014, 1, 10), D(2016, 2, 1), "PHY", "PHY", 0, [D(2014, 4, 1), D(2014, 10, 1)]),
            new(2, D(2016, 2, 15), null, "NEG", "NEG", 0, []),
        ],
    };

    public static TheoryData<string, double, double?, double?> Figures => new()
    {
        // Referrals in the year: X 1/6/15, X 1/3/16, Y 1/4/15, Z 15/1/16 = 4.
        { ReturnMeasureIds.Referrals, 4, null, null },
        { ReturnMeasureIds.ReferralRate, 4, 4, 10_000 },
        // Within 12 months of the child's previous referral: X 1/6/15 (1/9/14), X 1/3/16 (1/6/15). Z's previous,
        // 1/12/14, is more than 12 months before 15/1/16. 2 of 4.
        { ReturnMeasureIds.ReReferrals, 50, 2, 4 },
        { ReturnMeasureIds.AssessmentsIn45Days, 200.0 / 3, 2, 3 },
        { ReturnMeasureIds.Section47s, 2, null, null },
        { ReturnMeasureIds.ConferencesIn15Days, 50, 1, 2 },
        // On a plan at 31/3/16: X, Y, Z (second plan). = 3
        { ReturnMeasureIds.PlansAtEnd, 3, null, null },
        // Started in the year: Y 1/7/15, Z 15/2/16.
        { ReturnMeasureIds.PlansStarted, 2, null, null },
        // Z's plan follows an earlier plan; Y's is her first. 1 of 2.
        { ReturnMeasureIds.SecondOrSubsequentPlans, 50, 1, 2 },
        // Open at 31/3/16: X (1/6/13: 1,035 days counting both ends, > 729), Y, Z. 1 of 3.
        { ReturnMeasureIds.PlansTwoYearsOpen, 100.0 / 3, 1, 3 },
        // Ceased in the year: Z's first, 10/1/14 to 1/2/16 = 753 days counting both ends. 1 of 1.
        { ReturnMeasureIds.PlansTwoYearsCeased, 100, 1, 1 },
        // On a plan 3 months or more at 31/3/16: X and Y. X: first review 20/8/13 before 1/9/13, then each within six
        // months, next due 25/7/16. Y: first review 5/10/15, after 1/10/15: late. 1 of 2.
        { ReturnMeasureIds.PlansReviewedInTime, 50, 1, 2 },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Derive_FinancialYear_MatchesHandWorkedFigures(string measureId, double value, double? numerator, double? denominator)
    {
        var o = ChildInNeedMeasures.Derive(Census, ReportingWindow.FinancialYear(2015), new ReturnOptions { ChildPopulation = 10_000 })
            .Single(x => x.MeasureId == measureId);

        Assert.Equal(value, o.Value!.Value, 6);
        Assert.Equal(numerator, o.Numerator);
        Assert.Equal(denominator, o.Denominator);
    }

    [Theory]
    // Start 1/1/16; first review due 1/4/16.
    [InlineData("2016-01-01", "", "2016-03-31", true)]
    [InlineData("2015-12-01", "", "2016-03-31", false)]
    [InlineData("2015-12-01", "2016-03-01", "2016-03-31", true)]
    [InlineData("2015-01-01", "2015-03-01 2015-09-01", "2016-03-31", false)]
    [InlineData("2015-01-01", "2015-03-01 2015-09-01 2016-02-29", "2016-03-31", true)]
    [InlineData("2015-01-01", "2015-04-02", "2015-06-30", false)]
    public void ReviewedInTime_Reviews_ThreeThenSixMonths(string start, string reviews, string asAt, bool expected)
    {
        var plan = new ChildProtectionPlan(0, DateOnly.Parse(start), null, "NEG", null, 0,
            [.. reviews.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(DateOnly.Parse)]);

        Assert.Equal(expected, ChildInNeedMeasures.ReviewedInTime(plan, DateOnly.Parse(asAt)));
    }

    /// <summary>
    /// The boundary at each quarter end (Working Together: first review within 3 months of the start, then within 6 months
    /// of the previous). Due dates are calendar months on (31 March + 3 months = 30 June, the month being shorter; 31
    /// August + 6 months = 28 February); a review on its due date is in time; the figures are as at the end of the
    /// window's last day, so a plan whose first review falls due that day is in the denominator, and late if no review was
    /// held by then. Columns: window end, plan start, reviews, in the denominator, reviewed in time.
    /// </summary>
    public static TheoryData<string, string, string, bool, bool> QuarterEnds => new()
    {
        // 31 March: started 31/12 → due 31/3 (the last day). Held that day: in time; not held: overdue. 1/1 → due 1/4: not yet.
        { "2017-03-31", "2016-12-31", "2017-03-31", true, true },
        { "2017-03-31", "2016-12-31", "", true, false },
        { "2017-03-31", "2017-01-01", "", false, true },
        // 30 June: started 31/3 → due 30/6 (June has 30 days), and 30/3 → 30/6 too; 1/4 → due 1/7: not yet.
        { "2016-06-30", "2016-03-31", "2016-06-30", true, true },
        { "2016-06-30", "2016-03-31", "", true, false },
        { "2016-06-30", "2016-03-30", "2016-07-01", true, false },
        { "2016-06-30", "2016-04-01", "", false, true },
        // 30 September: started 30/6 → due 30/9; 1/7 → 1/10: not yet.
        { "2016-09-30", "2016-06-30", "2016-09-30", true, true },
        { "2016-09-30", "2016-06-30", "", true, false },
        { "2016-09-30", "2016-07-01", "", false, true },
        // 31 December: started 30/9 → due 30/12 (a review on 31/12 is a day late); 1/10 → 1/1: not yet.
        { "2016-12-31", "2016-09-30", "2016-12-30", true, true },
        { "2016-12-31", "2016-09-30", "2016-12-31", true, false },
        { "2016-12-31", "2016-10-01", "", false, true },
        // Later reviews: 31/8/16 → next due 28/2/17; held 28/2: in time, held 1/3: late. At 31/3/17 a review on 29/9/16 → due 29/3/17: overdue.
        { "2017-03-31", "2016-06-01", "2016-08-31 2017-02-28", true, true },
        { "2017-03-31", "2016-06-01", "2016-08-31 2017-03-01", true, false },
        { "2017-03-31", "2016-07-01", "2016-09-29", true, false },
        // Leap year: review 29/2/16 → next due 29/8/16.
        { "2016-09-30", "2015-12-01", "2016-02-29 2016-08-29", true, true },
        { "2016-09-30", "2015-12-01", "2016-02-29 2016-08-30", true, false },
    };

    [Theory]
    [MemberData(nameof(QuarterEnds))]
    public void ReviewedInTime_AtEachQuarterEnd_BoundaryDayCountsAsStated(string asAt, string start, string reviews, bool due, bool inTime)
    {
        var plan = new ChildProtectionPlan(0, DateOnly.Parse(start), null, "NEG", null, 0,
            [.. reviews.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(DateOnly.Parse)]);
        var end = DateOnly.Parse(asAt);

        Assert.Equal(due, ChildInNeedMeasures.IsDueForReview(plan, end));
        Assert.Equal(inTime, ChildInNeedMeasures.ReviewedInTime(plan, end));
    }

    [Theory]
    [InlineData(2016, 4)] // 31 March 2017
    [InlineData(2016, 1)] // 30 June 2016
    [InlineData(2016, 2)] // 30 September 2016
    [InlineData(2016, 3)] // 31 December 2016
    public void Derive_PlanReachingThreeMonthsByTheWindowsLastDay_CountedAndJudged(int financialYear, int quarter)
    {
        // The latest start whose first review is due by the window's last day (31/12 for March, 31/3 for June, 30/6 for
        // September, 30/9 for December, due 30/12). Two plans start that day: one reviewed on the due day (in time), one
        // never (overdue); a third starts the day after, not yet due. 1 of 2.
        var w = ReportingWindow.RollingYearTo(financialYear, quarter);
        var start = w.Last.AddMonths(-4);
        while (start.AddDays(1).AddMonths(3) <= w.Last)
        {
            start = start.AddDays(1);
        }

        var census = new CinData
        {
            Children = [new("A", null), new("B", null), new("C", null)],
            Referrals = [],
            Plans =
            [
                new(0, start, null, "NEG", null, 0, [start.AddMonths(3)]),
                new(1, start, null, "NEG", null, 0, []),
                new(2, start.AddDays(1), null, "NEG", null, 0, []),
            ],
        };

        var o = ChildInNeedMeasures.Derive(census, w, new ReturnOptions()).Single(x => x.MeasureId == ReturnMeasureIds.PlansReviewedInTime);

        Assert.Equal(ExpectedStart(quarter, financialYear), start);
        Assert.Equal((1.0, 2.0), (o.Numerator!.Value, o.Denominator!.Value));
    }

    private static DateOnly ExpectedStart(int quarter, int financialYear) => quarter switch
    {
        4 => new DateOnly(financialYear, 12, 31),
        1 => new DateOnly(financialYear, 3, 31),
        2 => new DateOnly(financialYear, 6, 30),
        _ => new DateOnly(financialYear, 9, 30),
    };
}
