using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Core.Tests.Dashboard;

/// <summary>A reporting period asked for beyond the data, or before any, is refused, naming the periods with data.</summary>
public class ReportingPeriodCheckTests
{
    private static Period P(string text) => Period.Parse(text).Value;

    // The Q3 2015/16 sample's periods: 2013 (calendar), 2014/15, 2015/16 Q2, Nov-15 (snapshot), 2015/16 Q3, Dec-15.
    private static readonly Period[] Sample =
    [
        P("2013"), P("2014/15"), P("2015/16 Q2"), Period.Snapshot(new DateOnly(2015, 11, 30)), P("2015/16 Q3"), P("Dec-15"),
    ];

    // Reportable when it begins on or before the latest figure's last day (31 Dec 2015) and ends on or after the earliest
    // figure's last day (31 Dec 2013): worked from the dates by hand.
    [Theory]
    [InlineData("2015/16 Q3", true)]
    [InlineData("2015/16", true)]      // 1 Apr 2015 to 31 Mar 2016: includes the Q3 figures
    [InlineData("2015", true)]
    [InlineData("2013/14 Q3", true)]   // ends 31 Dec 2013, the day the earliest figure ends
    [InlineData("2013", true)]
    [InlineData("2015/16 Q4", false)]  // begins 1 Jan 2016, after 31 Dec 2015
    [InlineData("2016/17", false)]
    [InlineData("2013/14 Q2", false)]  // ends 30 Sep 2013, before 31 Dec 2013
    [InlineData("2012", false)]
    public void Problem_PeriodAgainstTheSamplesData_RefusedOnlyOutsideIt(string asked, bool reportable)
    {
        Assert.Equal(reportable, ReportingPeriodCheck.Problem(P(asked), Sample) is null);
    }

    [Fact]
    public void Problem_BeyondTheData_NamesTheLatestAndThePeriodsWithData()
    {
        Assert.Equal(
            "2016/17 Q1 (1 Apr 2016 to 30 Jun 2016) begins after the latest data (2015/16 Q3, which ends on 31 Dec 2015), " +
            "so there is nothing to report for it. Periods with data: 2013, 2014/15, 2015/16 Q2, 30 Nov 2015, 2015/16 Q3, Dec-15. " +
            "Ask for one of these or a period that includes one, or for none to report the latest.",
            ReportingPeriodCheck.Problem(P("2016/17 Q1"), Sample));
    }

    [Fact]
    public void Problem_BeforeAnyData_NamesTheEarliest()
    {
        Assert.StartsWith(
            "2005/06 (1 Apr 2005 to 31 Mar 2006) ends before any data is complete (the earliest, 2013, ends on 31 Dec 2013), so there is nothing to report for it.",
            ReportingPeriodCheck.Problem(P("2005/06"), Sample));
    }

    [Fact]
    public void Problem_ManyPeriods_ListsTheFirstThreeAndTheLastTwelve()
    {
        var years = Enumerable.Range(2000, 20).Select(Period.FinancialYear).ToList();

        var problem = ReportingPeriodCheck.Problem(P("2030/31"), years)!;

        Assert.Contains("Periods with data: 2000/01, 2001/02, 2002/03, … (5 more) …, 2008/09, 2009/10,", problem);
        Assert.Contains(", 2019/20. Ask for", problem);
    }

    [Fact]
    public void Problem_NoDataAtAll_IsNoProblem() => Assert.Null(ReportingPeriodCheck.Problem(P("2015/16 Q3"), []));

    private static Plan PlanOf(params string[] ids) => new()
    {
        Name = "p", LaNumber = 855, FirstYear = 2015, LastYear = 2018,
        Themes = [new Theme { Id = "T", Title = "T", MeasureIds = ids }],
        Measures = ids.Select(id => new Measure { Id = id, Title = id, Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter }).ToList(),
    };

    [Fact]
    public void Build_PeriodBeyondTheData_Throws()
    {
        var values = new[] { new Observation { MeasureId = "a", Period = P("2015/16 Q3"), Value = 5 } };

        var e = Assert.Throws<NothingToReportException>(() =>
            DashboardBuilder.Build(new DashboardInputs { Plan = PlanOf("a"), Values = values, ReportingPeriod = P("2015/16 Q4") }));

        Assert.Contains("Periods with data: 2015/16 Q3.", e.Message);
    }

    [Fact]
    public void Build_PeriodOnlyAnotherCouncilsValuesReach_IsOpenToEveryCouncil()
    {
        // Every council's dashboard (--la all): the home council's Q4 values make Q4 reportable for the others too.
        var inputs = new DashboardInputs
        {
            Plan = PlanOf("a"),
            Values = [new Observation { MeasureId = "a", Period = P("2015/16 Q3"), Value = 5 }],
            ReportingPeriod = P("2015/16 Q4"),
            OtherPeriodsWithData = [P("2015/16 Q4")],
        };

        var row = DashboardBuilder.Build(inputs).Rows.Single();

        Assert.Equal((P("2015/16 Q3"), false), (row.Period!.Value, row.Updated!.Value));
    }
}
