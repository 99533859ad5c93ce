using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Core.Statistics;
using TrendPoint = GoldenThread.Core.Statistics.TrendPoint;

namespace GoldenThread.Core.Tests.Dashboard;

/// <summary>
/// The recent trend as the dashboard gives it: reasons that name periods as people write them, multi-year ranges that
/// say why they are not tested, and rolling twelve-month measures tested on their financial years alone.
/// </summary>
public class RecentTrendOnDashboardTests
{
    private static Plan PlanOf(Measure m) => new()
    {
        Name = "Test plan",
        LaNumber = 101,
        FirstYear = 2015,
        LastYear = 2025,
        Themes = [new Theme { Id = "T", Title = "Safe", Outcomes = [new Outcome { Id = "O", Title = "Children are safe", MeasureIds = [m.Id] }] }],
        Measures = [m],
    };

    private static Measure Percentage(Frequency frequency, string? returnId = null) => new()
    {
        Id = "m1", Title = "Measure one", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = frequency,
        ReturnMeasureId = returnId,
    };

    private static Observation Value(Period p, double numerator, double denominator = 100) => new()
    {
        MeasureId = "m1", Period = p, Value = numerator / denominator * 100, Numerator = numerator, Denominator = denominator,
    };

    private static RecentTrendResult TrendOf(Measure m, IEnumerable<Observation> values) =>
        DashboardBuilder.Build(new DashboardInputs { Plan = PlanOf(m), Values = values.ToList() }).Rows.Single().RecentTrend!.Value;

    // The points' own labels name them; without a label a point is a calendar year and its number is its name.
    [Theory]
    [InlineData(new[] { 2016, 2017, 2018, 2021, 2022 }, true,
        "cannot be calculated: a gap between 2018/19 and 2021/22; the last 5 points must be consecutive years")]
    [InlineData(new[] { 2016, 2017, 2018, 2021, 2022 }, false,
        "cannot be calculated: a gap between 2018 and 2021; the last 5 points must be consecutive years")]
    [InlineData(new[] { 2018, 2019, 2020, 2021 }, true,
        "cannot be calculated: only 4 annual points; the trend needs at least 5 consecutive years")]
    public void Calculate_LabelledPoints_ReasonNamesThePeriodsAsWritten(int[] years, bool labelled, string reason)
    {
        var points = years.Select(y => TrendPoint.ForProportion(y, 30, 100) with { Label = labelled ? Period.AcademicYear(y).Label : null });

        Assert.Equal(reason, RecentTrend.Calculate(points, Polarity.HigherIsBetter).Reason);
    }

    [Fact]
    public void Calculate_PointWithoutInterval_NamesItsPeriod()
    {
        var points = Enumerable.Range(2019, 5)
            .Select(y => new TrendPoint(y, 30, y == 2021 ? null : ConfidenceIntervals.WilsonPercent(30, 100)) { Label = Period.FinancialYear(y).Label });

        Assert.Equal("cannot be calculated: 2021/22 has no complete confidence interval, so its standard error is unknown",
            RecentTrend.Calculate(points, Polarity.HigherIsBetter).Reason);
    }

    [Fact]
    public void Build_AcademicYearsWithAGap_ReasonNamesTheAcademicYears()
    {
        // LAIT's early-years results have no 2019/20 or 2020/21 (not collected in the pandemic).
        var years = new[] { 2016, 2017, 2018, 2021, 2022 };

        var trend = TrendOf(Percentage(Frequency.AcademicYear), years.Select(y => Value(Period.AcademicYear(y), 60 + y - 2016)));

        Assert.Equal("cannot be calculated: a gap between 2018/19 and 2021/22; the last 5 points must be consecutive years", trend.Reason);
    }

    [Fact]
    public void Build_ConsecutiveFinancialYears_RangeNamedAsWritten()
    {
        // 10%, 20%, ... 50% of 100: a steep rise, far beyond the intervals.
        var trend = TrendOf(Percentage(Frequency.FinancialYear), Enumerable.Range(0, 5).Select(i => Value(Period.FinancialYear(2020 + i), 10 * (i + 1))));

        Assert.Equal(TrendOutcome.IncreasingAndGettingBetter, trend.Outcome);
        Assert.Contains(", 2020/21 to 2024/25;", trend.Reason);
    }

    // Consecutive ranges of three years share two: their figures are not independent, so no trend (Fingertips' condition).
    [Theory]
    [InlineData(YearBasis.Calendar, "2018-20", "2017-19")]
    [InlineData(YearBasis.Financial, "2018/19-20/21", "2017/18-19/20")]
    public void Build_OverlappingRangesOfYears_SaysWhyNoTrend(YearBasis basis, string latest, string before)
    {
        var values = Enumerable.Range(2014, 5).Select(y => Value(Period.MultiYear(basis, y, y + 2), 20 + y - 2014)).ToList();

        var trend = TrendOf(Percentage(Frequency.CalendarYear), values);

        Assert.Equal(TrendOutcome.CannotBeCalculated, trend.Outcome);
        Assert.Equal(
            $"cannot be calculated: {latest} is a range of 3 years and overlaps {before} (2 years in common), so the figures are not independent; " +
            "the test needs five independent annual figures, and overlapping ranges are not tested",
            trend.Reason);
    }

    [Fact]
    public void Build_RangesThatDoNotOverlap_SaysTheyAreNotAnnualFigures()
    {
        var values = new[] { 2011, 2014, 2017 }.Select(y => Value(Period.MultiYear(YearBasis.Calendar, y, y + 2), 20)).ToList();

        var trend = TrendOf(Percentage(Frequency.CalendarYear), values);

        Assert.Equal("cannot be calculated: 2017-19 is a range of 3 years pooled, not an annual figure; the test needs five consecutive annual figures", trend.Reason);
    }

    [Fact]
    public void Build_RollingTwelveMonthsWithQuartersAndYears_TestsTheFinancialYearsOnly()
    {
        // Figures from the returns: the twelve months to each quarter end, the one to 31 March being the financial year.
        // The quarters overlap the years, so they take no part in the trend (before, they gave "two points for 2023").
        var values = new List<Observation>();
        foreach (var fy in new[] { 2022, 2023, 2024 })
        {
            values.AddRange(Enumerable.Range(1, 3).Select(q => Value(Period.FinancialQuarter(fy, q), 30)));
            values.Add(Value(Period.FinancialYear(fy), 30));
        }

        var trend = TrendOf(Percentage(Frequency.RollingTwelveMonths, "cp-second"), values);

        Assert.Equal("cannot be calculated: only 3 annual points; the trend needs at least 5 consecutive years", trend.Reason);
    }
}
