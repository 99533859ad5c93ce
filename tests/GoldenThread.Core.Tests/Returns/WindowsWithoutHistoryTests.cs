using GoldenThread.Core.Measures;
using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>
/// A figure needing history the files do not hold is "not computable", with the reason in its note, never a number built
/// on children whose history is missing. A collection year's return holds what was open in its year (1 April to 31
/// March), so the files reach back to 1 April before their earliest year of an unbroken run. Expected outcomes are worked
/// out by hand from the look-backs: the whole window for every figure; 2½ years for long-term stability (LAIT
/// LAC_LongStable%); each adopted child's entry to care for adoption timeliness; 12 months before the window for
/// re-referrals; each plan's start for review timeliness (each census lists the reviews held in its year).
/// </summary>
public sealed class WindowsWithoutHistoryTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static LookedAfterData Settled(params int[] years) => new()
    {
        Coverage = ReturnCoverage.Of(years),
        HealthCoverage = ReturnCoverage.Of(years),
        CareLeaverCoverage = ReturnCoverage.Of(years),
        Children = [new("A", 1, D(2008, 1, 1))],
        Episodes = [new(0, D(2012, 1, 1), null, "S", "C2", "U4", "PR1", null)],
    };

    private static Observation Figure(LookedAfterData data, ReportingWindow w, string id) =>
        LookedAfterMeasures.Derive(data, w, new ReturnOptions()).Single(o => o.MeasureId == id);

    public static TheoryData<string, int, int, bool> Stability => new()
    {
        // Years held, window's financial year and quarter (4 = the financial year), computable?
        // 2015/16: looks back to 30/9/13; files from 1/4/15 (2016 only) or 1/4/14: not enough; from 1/4/13: enough.
        { "2016", 2015, 4, false },
        { "2015 2016", 2015, 4, false },
        { "2014 2015 2016", 2015, 4, true },
        // Twelve months to 30/9/17 look back to 31/3/15, a day before the files (from 1/4/15) begin; to 31/12/17, to 30/6/15: enough.
        { "2016 2017 2018", 2017, 2, false },
        { "2016 2017 2018", 2017, 3, true },
        // A missing year breaks the run: 2014, 2016 reach back only to 1/4/15.
        { "2014 2016", 2015, 4, false },
    };

    [Theory]
    [MemberData(nameof(Stability))]
    public void Derive_LongTermStability_NeedsTwoAndAHalfYearsOfFiles(string years, int financialYear, int quarter, bool computable)
    {
        var data = Settled([.. years.Split(' ').Select(int.Parse)]);

        var o = Figure(data, ReportingWindow.RollingYearTo(financialYear, quarter), ReturnMeasureIds.LongTermStability);

        if (computable)
        {
            Assert.Equal(100, o.Value); // in care since 1/1/12, same placement: stable
        }
        else
        {
            Assert.Null(o.Value);
            Assert.StartsWith("Not computable for", o.Note);
            Assert.Contains("looks back 2½ years", o.Note);
        }
    }

    [Fact]
    public void Derive_WindowBeforeTheFiles_EveryFigureNotComputable()
    {
        var all = LookedAfterMeasures.Derive(Settled(2016, 2017), ReportingWindow.FinancialYear(2013), new ReturnOptions { ChildPopulation = 1000 });

        Assert.NotEmpty(all);
        Assert.All(all, o => Assert.Null(o.Value));
        Assert.All(all, o => Assert.Equal(
            "Not computable for financial year 2013/14: the SSDA903 returns in the files are for 2015/16 to 2016/17, which do not cover the whole window", o.Note));
    }

    [Fact]
    public void Derive_AdoptedChildWhoseEntryToCareIsOlderThanTheFiles_TimelinessNotComputable()
    {
        // The files hold 2015/16 only. B's earliest episode in them began with RNE P (a move): the period of care began
        // earlier, so the days from entering care are unknown. C entered care in the year (RNE S): known, but one unknown
        // child is enough to make the average meaningless.
        var data = new LookedAfterData
        {
            Coverage = ReturnCoverage.Of([2016]),
            Children = [new("B", 2, D(2013, 1, 1)), new("C", 1, D(2014, 1, 1))],
            Episodes =
            [
                new(0, D(2014, 9, 1), D(2015, 6, 1), "P", "C2", "U4", "PR1", "X1"),
                new(0, D(2015, 6, 1), D(2016, 1, 10), "U", "E1", "A5", "PR1", "E11"),
                new(1, D(2015, 4, 20), D(2016, 2, 1), "S", "E1", "A6", "PR1", "E11"),
            ],
        };
        var all = LookedAfterMeasures.Derive(data, ReportingWindow.FinancialYear(2015), new ReturnOptions()).ToDictionary(o => o.MeasureId);

        Assert.Equal(2, all[ReturnMeasureIds.Adopted].Value);
        foreach (var id in new[] { ReturnMeasureIds.AdoptionDaysEntryToMoveIn, ReturnMeasureIds.AdoptionWithinThreshold })
        {
            Assert.Null(all[id].Value);
            Assert.Contains("entered care before the first episode the SSDA903 files hold for them", all[id].Note);
        }
    }

    [Fact]
    public void Derive_YearWithoutOc2Table_HealthNotComputableRatherThanZero()
    {
        var data = Settled(2016);
        var noOc2 = new LookedAfterData { Coverage = data.Coverage, HealthCoverage = ReturnCoverage.Of([]), Children = data.Children, Episodes = data.Episodes };

        var o = Figure(noOc2, ReportingWindow.FinancialYear(2015), ReturnMeasureIds.HealthChecks);

        Assert.Null(o.Value);
        Assert.Equal("Not computable for financial year 2015/16: the 2015/16 SSDA903 return in the files has no OC2 table", o.Note);
    }

    private static CinData Census(int[] years, DateOnly planStart, params DateOnly[] reviews) => new()
    {
        Coverage = ReturnCoverage.Of(years),
        Children = [new("X", null)],
        Referrals = [new(0, D(2015, 6, 1), null, "6", "N1", null, false)],
        Plans = [new(0, planStart, null, "NEG", null, 0, reviews)],
    };

    private static Observation Figure(CinData data, string id) =>
        ChildInNeedMeasures.Derive(data, ReportingWindow.FinancialYear(2015), new ReturnOptions()).Single(o => o.MeasureId == id);

    [Theory]
    [InlineData(new[] { 2016 }, false)]       // re-referrals look back to 1/4/14; the files begin 1/4/15
    [InlineData(new[] { 2015, 2016 }, true)]  // the files begin 1/4/14
    public void Derive_ReReferrals_NeedTwelveMonthsBeforeTheWindow(int[] years, bool computable)
    {
        var o = Figure(Census(years, D(2015, 7, 1), D(2015, 9, 1), D(2016, 2, 1)), ReturnMeasureIds.ReReferrals);

        Assert.Equal(computable, o.Value is not null);
    }

    [Theory]
    [InlineData(new[] { 2016 }, false)]       // the plan began 1/6/14, before the files (1/4/15): its 2014/15 reviews are not in them
    [InlineData(new[] { 2015, 2016 }, true)]  // files from 1/4/14: every review since the start is there
    public void Derive_ReviewsOfAPlanOlderThanTheFiles_NotComputable(int[] years, bool computable)
    {
        var o = Figure(Census(years, D(2014, 6, 1), D(2014, 8, 20), D(2015, 2, 1), D(2015, 7, 30), D(2016, 1, 20)), ReturnMeasureIds.PlansReviewedInTime);

        Assert.Equal(computable ? 100 : null, o.Value);
        if (!computable)
        {
            Assert.Contains("began before the CIN censuses in the files (1 April 2015)", o.Note);
        }
    }
}
