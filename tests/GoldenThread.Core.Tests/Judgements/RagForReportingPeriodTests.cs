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

    // Out of date when a whole year lies between the figure's last day and the reporting period's first day (worked by
    // hand from the two dates: last day + 1 year < first day).
    [Theory]
    [InlineData("2013", null, "2015/16 Q3", true)]                              // 31 Dec 2013 + 1y = 31 Dec 2014 < 1 Oct 2015
    [InlineData("2014", null, "2015/16 Q3", false)]                             // 31 Dec 2015 is not before 1 Oct 2015
    [InlineData("2014/15", null, "2015/16 Q3", false)]                          // financial year to 31 Mar 2015
    [InlineData("2013/14", YearBasis.Academic, "2015/16 Q3", true)]             // 31 Aug 2015 < 1 Oct 2015
    [InlineData("2014/15", YearBasis.Academic, "2015/16 Q3", false)]            // 31 Aug 2016
    [InlineData("2014/15 Q2", null, "2015/16 Q3", true)]                        // 30 Sep 2015 < 1 Oct 2015: a year and a day
    [InlineData("2023/24", null, "2024/25", false)]                             // last year's figure in an annual report
    [InlineData("2022/23", null, "2024/25", true)]                              // 31 Mar 2024 < 1 Apr 2024
    [InlineData("2022/23", null, "2024/25", true, YearBasis.Academic)]          // a financial year in an academic report: 31 Mar 2024 < 1 Sep 2024
    [InlineData("2023/24", null, "2024/25", false, YearBasis.Academic)]
    [InlineData("2014-16", null, "2018/19", true)]                              // a range to 31 Dec 2016: 31 Dec 2017 < 1 Apr 2018
    [InlineData("2016-18", null, "2018/19", false)]
    public void IsOutOfDate_FigureAgainstReportingPeriod_AWholeYearBetween(
        string figure, YearBasis? figureBasis, string reporting, bool expected, YearBasis? reportingBasis = null)
    {
        Assert.Equal(expected, LatestAvailable.IsOutOfDate(P(figure, figureBasis), P(reporting, reportingBasis)));
    }

    [Fact]
    public void IsOutOfDate_SnapshotExactlyAYearBefore_IsCurrent()
    {
        // 1 Oct 2014 + 1 year = 1 Oct 2015, the reporting period's first day: not before it.
        Assert.False(LatestAvailable.IsOutOfDate(Period.Snapshot(new DateOnly(2014, 10, 1)), P("2015/16 Q3")));
        Assert.True(LatestAvailable.IsOutOfDate(Period.Snapshot(new DateOnly(2014, 9, 30)), P("2015/16 Q3")));
    }

    private static RagContext Lower(double value) => new()
    {
        Value = value,
        Polarity = Polarity.LowerIsBetter,
        Tolerance = Tolerance.DefaultAmber,
        Format = v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
    };

    // Value, its period, the target's year and value (lower is better), the reporting period, then the rating expected.
    [Theory]
    [InlineData(20.9, "2013", "2017/18", 20.0, "2015/16 Q3", Rag.None)]   // 2013, destination 2017/18: not rated
    [InlineData(20.9, "2013", "2013", 25.0, "2015/16 Q3", Rag.Green)]     // a target set for 2013 itself: rated, 20.9 < 25
    [InlineData(20.9, "2014/15", "2017/18", 20.0, "2015/16 Q3", Rag.Amber)] // current: 0.9 above 20, within 5% (1.0)
    [InlineData(20.9, "2014/15", "2017/18", 19.0, "2015/16 Q3", Rag.Red)]   // current: 1.9 above 19, beyond 0.95
    [InlineData(12.0, "2022/23", "2020/21", 10.0, "2024/25", Rag.None)]    // an earlier target still standing, figure two years old
    [InlineData(12.0, "2022/23", "2022/23", 12.0, "2024/25", Rag.Green)]   // its own year's target: met exactly
    public void Judge_ForReportingPeriod_RatesOnlyAgainstATargetForTheFiguresOwnYearWhenOutOfDate(
        double value, string valuePeriod, string targetYear, double target, string reporting, Rag expected)
    {
        var inForce = new ScheduledTarget(P(targetYear), Target.Numeric(target));

        var rag = RagRating.Judge(inForce.Target, inForce.Year, P(valuePeriod), P(reporting), Lower(value));

        Assert.Equal(expected, rag.Outcome);
    }

    [Fact]
    public void Judge_OutOfDateFigure_ReasonNamesItsPeriodAndTheTarget()
    {
        var inForce = new ScheduledTarget(P("2017/18"), Target.Numeric(20));

        var rag = RagRating.Judge(inForce.Target, inForce.Year, P("2013"), P("2015/16 Q3"), Lower(20.9));

        Assert.Equal(
            "Not rated: the latest figure available is for 2013, more than a year before the reporting period 2015/16 Q3, " +
            "and the target in force (2017/18) was not set for 2013.",
            rag.Reason);
        Assert.Equal(JudgementMethod.NotApplicable, rag.Method);
    }

    [Fact]
    public void Judge_OutOfDateFigureWithoutTarget_SaysNoTarget()
    {
        Assert.Equal("No target is set for this period.", RagRating.Judge(null, null, P("2013"), P("2015/16 Q3"), Lower(20.9)).Reason);
    }

    [Fact]
    public void Judge_OutOfDateFigureAgainstATargetWithNoYear_IsRated()
    {
        // A target with no year is in force for every period, the figure's own included: 20.9 < 25, Green.
        Assert.Equal(Rag.Green, RagRating.Judge(Target.Numeric(25), null, P("2013"), P("2015/16 Q3"), Lower(20.9)).Outcome);
    }

    [Fact]
    public void Build_FigureYearsOlderThanTheReport_IsShownLabelledAndNotRated()
    {
        // Under-18 conceptions lag two years: the Q3 2015/16 dashboard's latest is 2013, with targets for 2015/16 and 2017/18.
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
            new Observation { MeasureId = "u18", Period = P("2012"), Value = 23.5 },
            new Observation { MeasureId = "u18", Period = P("2013"), Value = 20.9 },
            new Observation { MeasureId = "q", Period = P("2015/16 Q3"), Value = 50 },
        };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values, ReportingPeriod = P("2015/16 Q3") }).Rows.Single();

        Assert.Equal((P("2013"), 20.9, true), (row.Period!.Value, row.Value!.Value, row.OutOfDate));
        Assert.Equal(Rag.None, row.Rag.Outcome);
        Assert.StartsWith("Not rated: the latest figure available is for 2013", row.Rag.Reason);
        Assert.Equal(Direction.Improved, row.Direction.Outcome); // 20.9 against 23.5 in 2012: the change is still shown

        // A year later in the same plan, the 2014 figure is current and is rated against the 2015/16 target.
        var later = DashboardBuilder.Build(new DashboardInputs
        {
            Plan = plan,
            Values = [.. values, new Observation { MeasureId = "u18", Period = P("2014"), Value = 21.5 }],
            ReportingPeriod = P("2015/16 Q3"),
        }).Rows.Single();
        Assert.False(later.OutOfDate);
        Assert.Equal(Rag.Green, later.Rag.Outcome); // 21.5 meets the 2015/16 target of 22
        Assert.Equal(P("2015/16"), later.TargetYear);
    }
}
