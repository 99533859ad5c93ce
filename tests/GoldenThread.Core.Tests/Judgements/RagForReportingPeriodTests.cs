using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Core.Tests.Judgements;

/// <summary>
/// RAG against the target in force for the value's own period, and figures years older than the reporting period: shown
/// as the latest available, labelled with their period, not rated against a target set for another year.
/// </summary>
public class RagForReportingPeriodTests
{
    private static Period P(string text, YearBasis? basis = null) => Period.Parse(text, basis).Value;

    // Out of date when more than two whole years lie between the figure's last day and the reporting period's first day
    // (worked by hand from the two dates: last day + 2 years < first day).
    [Theory]
    [InlineData("2012", null, "2015/16 Q3", true)]                              // 31 Dec 2012 + 2y = 31 Dec 2014 < 1 Oct 2015
    [InlineData("2013", null, "2015/16 Q3", false)]                             // 31 Dec 2015 is not before 1 Oct 2015: conceptions' usual lag
    [InlineData("2014/15", null, "2015/16 Q3", false)]                          // financial year to 31 Mar 2015
    [InlineData("2012/13", YearBasis.Academic, "2015/16 Q3", true)]             // 31 Aug 2015 < 1 Oct 2015
    [InlineData("2013/14", YearBasis.Academic, "2015/16 Q3", false)]            // 31 Aug 2016
    [InlineData("2013/14 Q2", null, "2015/16 Q3", true)]                        // 30 Sep 2015 < 1 Oct 2015: two years and a day
    [InlineData("2022/23", null, "2024/25", false)]                             // 31 Mar 2025 is not before 1 Apr 2024
    [InlineData("2021/22", null, "2024/25", true)]                              // 31 Mar 2024 < 1 Apr 2024
    [InlineData("2021/22", null, "2024/25", true, YearBasis.Academic)]          // a financial year in an academic report: 31 Mar 2024 < 1 Sep 2024
    [InlineData("2022/23", null, "2024/25", false, YearBasis.Academic)]
    [InlineData("2013-15", null, "2018/19", true)]                              // a range to 31 Dec 2015: 31 Dec 2017 < 1 Apr 2018
    [InlineData("2014-16", null, "2018/19", false)]
    public void IsOutOfDate_FigureAgainstReportingPeriod_MoreThanTwoWholeYearsBetween(
        string figure, YearBasis? figureBasis, string reporting, bool expected, YearBasis? reportingBasis = null)
    {
        Assert.Equal(expected, LatestAvailable.IsOutOfDate(P(figure, figureBasis), P(reporting, reportingBasis)));
    }

    [Fact]
    public void IsOutOfDate_SnapshotExactlyTwoYearsBefore_IsCurrent()
    {
        // 1 Oct 2013 + 2 years = 1 Oct 2015, the reporting period's first day: not before it.
        Assert.False(LatestAvailable.IsOutOfDate(Period.Snapshot(new DateOnly(2013, 10, 1)), P("2015/16 Q3")));
        Assert.True(LatestAvailable.IsOutOfDate(Period.Snapshot(new DateOnly(2013, 9, 30)), P("2015/16 Q3")));
    }

    private static RagContext Lower(double value) => new()
    {
        Value = value,
        Polarity = Polarity.LowerIsBetter,
        Tolerance = Tolerance.DefaultAmber,
        Format = v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
    };

    // Value (lower is better), its period, the year of the target in force for it and that target, the year of the target
    // in force for the reporting period ("-": a target with no year), the reporting period, then the rating expected.
    [Theory]
    [InlineData(20.9, "2011", "2015/16", 22.0, "2015/16", "2015/16 Q3", Rag.None)]  // out of date, and this year's target: not rated
    [InlineData(20.9, "2011", "-", 22.0, "-", "2015/16 Q3", Rag.None)]              // a target with no year is this year's too
    [InlineData(20.9, "2011", "2011", 25.0, "2015/16", "2015/16 Q3", Rag.Green)]    // a target set for 2011 itself: 20.9 < 25
    [InlineData(50.8, "2015/16", "2016/17", 40.0, "2019/20", "2024/25", Rag.Red)]   // its own period's target, not this year's: 10.8 over 40, beyond 2
    [InlineData(20.9, "2013", "2017/18", 20.0, "2017/18", "2015/16 Q3", Rag.Amber)] // current: 0.9 above 20, within 5% (1.0)
    [InlineData(20.9, "2013", "-", 19.0, "-", "2015/16 Q3", Rag.Red)]               // current, a target with no year: 1.9 above 19, beyond 0.95
    [InlineData(12.0, "2021/22", "2020/21", 10.0, "2020/21", "2024/25", Rag.None)]  // an earlier target still standing today
    public void Judge_ForReportingPeriod_OutOfDateFigureNotRatedAgainstThisYearsTarget(
        double value, string valuePeriod, string targetYear, double target, string reportingTargetYear, string reporting, Rag expected)
    {
        Period? Year(string y) => y == "-" ? null : P(y);

        var rag = RagRating.Judge(Target.Numeric(target), Year(targetYear), Year(reportingTargetYear), P(valuePeriod), P(reporting), Lower(value));

        Assert.Equal(expected, rag.Outcome);
    }

    [Fact]
    public void Judge_OutOfDateFigure_ReasonNamesItsPeriodAndTheTarget()
    {
        var rag = RagRating.Judge(Target.Numeric(22), P("2015/16"), P("2015/16"), P("2011"), P("2015/16 Q3"), Lower(20.9));

        Assert.Equal(
            "Not rated: the latest figure available is for 2011, more than two years before the reporting period 2015/16 Q3, " +
            "and the target for 2015/16 is the one in force for 2015/16 Q3, not a target for 2011.",
            rag.Reason);
        Assert.Equal(JudgementMethod.NotApplicable, rag.Method);
    }

    [Fact]
    public void Judge_OutOfDateFigureWithoutTarget_SaysNoTarget()
    {
        Assert.Equal("No target is set for this period.", RagRating.Judge(null, null, null, P("2011"), P("2015/16 Q3"), Lower(20.9)).Reason);
    }

    [Fact]
    public void Build_FigureYearsOlderThanTheReport_IsShownLabelledAndNotRated()
    {
        // In the 2015/16 Q3 report the latest under-18 conceptions figure is 2011, with targets for 2015/16 and 2017/18: the
        // target in force for 2011 (the earliest later one, 2015/16) is this year's too, so the figure is not rated.
        var measure = new Measure
        {
            Id = "u18", Title = "Under 18 conceptions per 1,000", Unit = MeasureUnit.RatePer(1000),
            Polarity = Polarity.LowerIsBetter, Frequency = Frequency.CalendarYear,
            Targets = [new ScheduledTarget(P("2015/16"), Target.Numeric(22)), new ScheduledTarget(P("2017/18"), Target.Numeric(20))],
        };
        // Another measure has a Q3 figure, so the report has current data (a period beyond all the data is refused).
        var current = new Measure { Id = "q", Title = "q", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter };
        var plan = new Plan
        {
            Name = "p", LaNumber = 855, FirstYear = 2015, LastYear = 2018, Measures = [measure, current],
            Themes = [new Theme { Id = "T", Title = "T", MeasureIds = ["u18"] }],
        };
        var values = new[]
        {
            new Observation { MeasureId = "u18", Period = P("2010"), Value = 23.5 },
            new Observation { MeasureId = "u18", Period = P("2011"), Value = 20.9 },
            new Observation { MeasureId = "q", Period = P("2015/16 Q3"), Value = 50 },
        };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values, ReportingPeriod = P("2015/16 Q3") }).Rows.Single();

        Assert.Equal((P("2011"), 20.9, true), (row.Period!.Value, row.Value!.Value, row.OutOfDate));
        Assert.Equal(Rag.None, row.Rag.Outcome);
        Assert.StartsWith("Not rated: the latest figure available is for 2011", row.Rag.Reason);
        Assert.Equal((Direction.Improved, P("2015/16")), (row.Direction.Outcome, row.TargetYear!.Value)); // 20.9 against 23.5: the change is still shown

        // With the 2013 figure (the usual two-year lag) the figure is current and rated against the 2015/16 target.
        var later = DashboardBuilder.Build(new DashboardInputs
        {
            Plan = plan,
            Values = [.. values, new Observation { MeasureId = "u18", Period = P("2013"), Value = 21.5 }],
            ReportingPeriod = P("2015/16 Q3"),
        }).Rows.Single();
        Assert.False(later.OutOfDate);
        Assert.Equal(Rag.Green, later.Rag.Outcome); // 21.5 meets the target of 22
    }
}
