using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests.Disclosure;

public class DashboardDisclosureTests
{
    private static readonly Measure Percent = new() { Id = "p", Title = "CP plans 2 years+", Unit = MeasureUnit.Percentage, Polarity = Polarity.LowerIsBetter };
    private static readonly Measure Count = new() { Id = "c", Title = "Children in own homes", Unit = MeasureUnit.Count, Polarity = Polarity.NoJudgement };

    private static DashboardRow Row(Measure m, double value, double? numerator, double? previous = null, double? previousNumerator = null) => new()
    {
        Measure = m,
        OutcomeId = "o",
        OutcomeTitle = "Outcome",
        Period = Period.FinancialQuarter(2015, 3),
        Value = value,
        Numerator = numerator,
        Denominator = numerator is null ? null : 339,
        ValueText = $"{value} ({numerator})",
        PreviousValue = previous,
        PreviousNumerator = previousNumerator,
        Direction = new(Direction.Improved, $"{value} against {previous}", JudgementMethod.Tolerance),
        Rag = new(Rag.Green, $"{value} meets the target", JudgementMethod.Exact),
        QuartileReason = "quartile 1",
        Quartile = 1,
        StatisticalNeighbourComparison = new(Comparison.Better, $"{value} against 2.4", JudgementMethod.Tolerance),
        Trend = [new TrendPoint(Period.FinancialQuarter(2015, 2), 1.2) { Numerator = 4 }, new TrendPoint(Period.FinancialQuarter(2015, 3), value) { Numerator = numerator }],
    };

    private static DashboardRow Publish(DashboardRow row) => DashboardDisclosure.Apply(row, DisclosureRules.Default);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]   // "0.59% (2)" on the Q3 2015/16 dashboard
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(0, false)]  // zero identifies no child
    public void Apply_PercentageByItsNumerator_WithholdsCountsFromOneToFive(int numerator, bool withheld)
    {
        var published = Publish(Row(Percent, numerator / 339.0 * 100, numerator));

        Assert.Equal(withheld, published.Suppressed);
        Assert.Equal(withheld, published.Value is null);
        Assert.Equal(withheld, published.Numerator is null);
        Assert.Equal(withheld ? "*" : published.ValueText, published.ValueText);
    }

    [Fact]
    public void Apply_WithheldRow_KeepsOutcomesButNotTheReasonsThatQuoteTheFigure()
    {
        var published = Publish(Row(Percent, 0.59, 2, previous: 1.2, previousNumerator: 4));

        Assert.Equal((Direction.Improved, Rag.Green, Comparison.Better, 1), (published.Direction.Outcome, published.Rag.Outcome, published.StatisticalNeighbourComparison.Outcome, published.Quartile));
        Assert.DoesNotContain("0.59", published.Direction.Reason + published.Rag.Reason + published.StatisticalNeighbourComparison.Reason);
        Assert.Null(published.PreviousValue);
        Assert.Empty(published.Trend); // both points rest on 4 and 2 children
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(27, false)]
    [InlineData(0, false)]
    public void Apply_CountMeasure_WithholdsSmallValues(int value, bool withheld)
    {
        Assert.Equal(withheld, Publish(Row(Count, value, null)).Suppressed);
    }

    [Fact]
    public void Apply_SmallPreviousFigureOnly_WithholdsThePreviousValueAndItsReason()
    {
        var published = Publish(Row(Percent, 10.0, 34, previous: 1.2, previousNumerator: 4));

        Assert.False(published.Suppressed);
        Assert.Equal(10.0, published.Value);
        Assert.Null(published.PreviousValue);
        Assert.DoesNotContain("1.2", published.Direction.Reason);
        Assert.Single(published.Trend);
    }

    [Fact]
    public void Apply_Dashboard_AddsTheFootnoteOnlyWhenSomethingWasWithheld()
    {
        var shown = new GoldenThread.Core.Dashboard.Dashboard
        {
            PlanName = "p", CouncilName = "c", ReportingPeriod = Period.FinancialQuarter(2015, 3), Overview = new OverviewCounts(),
            Sections = [new DashboardSection("t", "Theme", [Row(Percent, 10.0, 34, previous: 9.0, previousNumerator: 30) with { Trend = [] }])],
        };
        var hidden = shown with { Sections = [new DashboardSection("t", "Theme", [Row(Percent, 0.59, 2)])] };

        Assert.Null(DashboardDisclosure.Apply(shown, DisclosureRules.Default).DisclosureNote);
        Assert.StartsWith("* Suppressed: counts from 1 to 5", DashboardDisclosure.Apply(hidden, DisclosureRules.Default).DisclosureNote);
    }

    [Fact]
    public void Apply_WithheldRow_LosesItsRankToo()
    {
        var published = Publish(Row(Percent, 0.59, 2) with { Rank = 3, RankedCount = 150 });

        Assert.Null(published.Rank);
        Assert.Null(published.RankedCount);
        Assert.Equal(1, published.Quartile);
    }

    [Theory]
    [InlineData(450 * 2, 2, true)]     // an average of 450 days over two adopted children
    [InlineData(450 * 67, 67, false)]
    public void Apply_AverageRestsOnItsDenominator(double sumOfDays, double children, bool withheld)
    {
        var days = new Measure { Id = "d", Title = "Days to adoption", Unit = MeasureUnit.Days, Polarity = Polarity.LowerIsBetter };

        Assert.Equal(withheld, Publish(Row(days, 450, sumOfDays) with { Denominator = children }).Suppressed);
    }

    [Fact]
    public void Apply_TrajectoryFromASmallBaseline_IsWithheld()
    {
        var trajectory = new TrajectoryProgress(Period.FinancialYear(2014), 1.2, Period.FinancialYear(2019), 0.5, 0.8, 0.5, true, "Baseline 1.2 (2014/15) …")
        {
            BaselineCount = 4,
        };

        var published = Publish(Row(Percent, 10.0, 34) with { Trajectory = trajectory });

        Assert.Null(published.Trajectory);
        Assert.Equal(10.0, published.Value);
    }
}
