using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Core.Tests.Judgements;

/// <summary>"Updated" judged per report: from the periods, or from a council's flag in the one report it belongs to.</summary>
public class UpdatedJudgementTests
{
    private static Period P(string text, YearBasis? basis = null) => Period.Parse(text, basis).Value;

    private static Period P(string text, string? basis) => P(text, basis switch
    {
        "academic" => YearBasis.Academic,
        "calendar" => YearBasis.Calendar,
        _ => (YearBasis?)null,
    });

    // The report (of the reporting period's kind) a figure is first carried in, worked from the calendar by hand.
    [Theory]
    [InlineData("2015/16 Q3", null, "2015/16 Q4", null, "2015/16 Q3")]     // a quarter: its own report
    [InlineData("Dec-15", null, "2015/16 Q4", null, "2015/16 Q3")]         // a month: the quarter it is in
    [InlineData("2014/15", "academic", "2015/16 Q4", null, "2015/16 Q3")]  // ends 31 Aug, part-way through Q2: reported in Q3
    [InlineData("2014/15", null, "2016/17 Q2", null, "2014/15 Q4")]        // a financial year ends with Q4: reported with it
    [InlineData("2015", null, "2016/17 Q1", null, "2015/16 Q3")]           // a calendar year ends with Q3
    [InlineData("2014/15", "academic", "2016/17", null, "2015/16")]        // a year in an annual report: the year containing its end
    [InlineData("2024/25", null, "2025/26", "academic", "2024/25")]        // financial 2024/25 in academic reports: AY 2024/25
    [InlineData("2015/16 Q2", null, "2016/17", null, "2015/16")]           // a quarter in an annual report
    [InlineData("2014-16", null, "2018/19", null, "2017/18")]              // three years to 31 Dec 2016, part-way through 2016/17
    public void ReportOf_Figure_IsTheFirstReportToCarryIt(string figure, string? figureBasis, string reporting, string? reportingBasis, string expected)
    {
        var r = P(reporting, reportingBasis);

        Assert.Equal(P(expected, reportingBasis), UpdatedJudgement.ReportOf(P(figure, figureBasis), r));
    }

    // Latest figure, its flag (null: none), the reporting period, then updated or not. The previous report is the
    // reporting period's Previous(); without a flag, new when the figure ends after the previous report ended.
    [Theory]
    [InlineData("2015/16 Q3", null, true, "2015/16 Q3", null, true)]       // the flag in its own report stands
    [InlineData("2015/16 Q3", null, false, "2015/16 Q3", null, false)]
    [InlineData("2015/16 Q3", null, true, "2015/16 Q4", null, false)]      // ... and is not copied into the next
    [InlineData("2014/15", "academic", true, "2015/16 Q3", null, true)]    // the Q3 report's Y for the 2015 results
    [InlineData("2014/15", "academic", true, "2015/16 Q4", null, false)]
    [InlineData("2014/15", "academic", true, "2015/16 Q2", null, false)]   // the flag is the Q3 report's, not Q2's
    [InlineData("2015/16 Q4", null, null, "2015/16 Q4", null, true)]       // 31 Mar 2016 > 31 Dec 2015
    [InlineData("2015/16 Q3", null, null, "2015/16 Q4", null, false)]      // 31 Dec 2015 is not after 31 Dec 2015
    [InlineData("2024/25", null, null, "2024/25 Q4", null, true)]          // a financial year is new when it first appears...
    [InlineData("2024/25", null, null, "2025/26 Q1", null, false)]         // ... and not after
    [InlineData("2024/25", null, null, "2024/25", null, true)]             // annual reports: new in its own year's report
    [InlineData("2024/25", null, null, "2025/26", null, false)]            // 31 Mar 2025 is not after 31 Mar 2025
    [InlineData("2024/25", null, null, "2024/25", "academic", true)]       // academic reports: 31 Mar 2025 > 31 Aug 2024
    [InlineData("2023/24", null, null, "2024/25", "academic", false)]      // 31 Mar 2024 < 31 Aug 2024
    [InlineData("2024/25", null, null, "2025", "calendar", true)]          // calendar reports: 31 Mar 2025 > 31 Dec 2024
    public void Judge_LatestFigureAndFlag_UpdatedOnlyInTheReportThatFirstCarriesIt(
        string latest, string? latestBasis, bool? flag, string reporting, string? reportingBasis, bool expected)
    {
        var r = P(reporting, reportingBasis);

        Assert.Equal(expected, UpdatedJudgement.Judge(P(latest, latestBasis), flag, r, r.Previous()));
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(29, false)]
    public void Judge_SnapshotReportingPeriod_NewWhenTheFigureEndsOnThatDay(int day, bool expected)
    {
        // A snapshot date has no previous report of its kind: a figure is new when it ends within the reporting period.
        var r = Period.Snapshot(new DateOnly(2015, 11, 30));

        Assert.Equal(expected, UpdatedJudgement.Judge(Period.Snapshot(new DateOnly(2015, 11, day)), null, r, r.Previous()));
    }

    [Fact]
    public void Build_Q3FlagsWithQ4RowsAdded_Q4ReportCountsOnlyTheNewQuarter()
    {
        // Three measures flagged Y in the Q3 report (a quarter, an academic year published in Q3, a month); in Q4 only the
        // first has a new figure. Before, every Q3 flag was copied into the Q4 report: 3 updated instead of 1.
        var plan = new Plan
        {
            Name = "p", LaNumber = 855, FirstYear = 2015, LastYear = 2018,
            Themes = [new Theme { Id = "T", Title = "T", MeasureIds = ["q", "ay", "m"] }],
            Measures =
            [
                new Measure { Id = "q", Title = "q", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter },
                new Measure { Id = "ay", Title = "ay", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.AcademicYear },
                new Measure { Id = "m", Title = "m", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.Monthly },
            ],
        };
        var q3 = new List<Observation>
        {
            new() { MeasureId = "q", Period = P("2015/16 Q3"), Value = 50, Updated = true },
            new() { MeasureId = "ay", Period = P("2014/15", YearBasis.Academic), Value = 56.8, Updated = true },
            new() { MeasureId = "m", Period = P("Dec-15"), Value = 3, Updated = true },
        };
        var q4 = q3.Append(new Observation { MeasureId = "q", Period = P("2015/16 Q4"), Value = 52 }).ToList();

        int UpdatedIn(IReadOnlyList<Observation> values, string period) =>
            DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values, ReportingPeriod = P(period) }).Overview.WithNewData;

        Assert.Equal(3, UpdatedIn(q3, "2015/16 Q3"));
        Assert.Equal(3, UpdatedIn(q4, "2015/16 Q3")); // the Q4 row is not known in Q3
        Assert.Equal(1, UpdatedIn(q4, "2015/16 Q4"));
    }

    [Theory]
    [InlineData(4, true)]   // the quarterly data reaches 2024/25 Q4: the financial year 2024/25 first appears in this report
    [InlineData(1, false)]  // it reaches 2025/26 Q1: the year appeared in the Q4 report, so it is not new now
    public void Build_DefaultReportingPeriod_FinancialYearUpdatedWhenItFirstAppears(int lastQuarter, bool expected)
    {
        var plan = new Plan
        {
            Name = "p", LaNumber = 855, FirstYear = 2023, LastYear = 2026,
            Themes = [new Theme { Id = "T", Title = "T", MeasureIds = ["fy", "q"] }],
            Measures =
            [
                new Measure { Id = "fy", Title = "fy", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.FinancialYear },
                new Measure { Id = "q", Title = "q", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter },
            ],
        };
        var quarters = lastQuarter == 4 ? new[] { P("2024/25 Q3"), P("2024/25 Q4") } : [P("2024/25 Q4"), P("2025/26 Q1")];
        var values = new List<Observation>
        {
            new() { MeasureId = "fy", Period = P("2023/24"), Value = 60 },
            new() { MeasureId = "fy", Period = P("2024/25"), Value = 62 },
        };
        values.AddRange(quarters.Select(q => new Observation { MeasureId = "q", Period = q, Value = 40 }));

        var dashboard = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values });

        Assert.Equal(quarters[^1], dashboard.ReportingPeriod);
        Assert.Equal(expected, dashboard.Rows.Single(r => r.Measure.Id == "fy").Updated);
    }
}
