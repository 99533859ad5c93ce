using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using RecentTrendResult = GoldenThread.Core.Statistics.RecentTrendResult;
using TrendOutcome = GoldenThread.Core.Statistics.TrendOutcome;

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

    // Issue 12: the Q3 2015/16 sample's value cell showed * while its note said "0.59% (2)".
    [Fact]
    public void Apply_WithheldRow_WithholdsTheNoteThatQuotesTheFigure()
    {
        var published = Publish(Row(Percent, 0.59, 2) with { Note = "Appendix A, Q3 2015/16 dashboard: 0.59% (2); para 9 gives 0.58% (2 cases)" });

        Assert.DoesNotContain("0.59", published.Note);
        Assert.DoesNotContain("(2", published.Note);
        Assert.StartsWith("Not shown: the note may quote a figure", published.Note);
    }

    [Fact]
    public void Apply_WithheldPreviousFigure_WithholdsTheNoteToo()
    {
        var published = Publish(Row(Percent, 10.0, 34, previous: 1.2, previousNumerator: 4) with { Note = "up from 1.2% (4) last quarter" });

        Assert.DoesNotContain("1.2", published.Note);
    }

    [Fact]
    public void Apply_NothingWithheld_KeepsTheNote()
    {
        var row = Row(Percent, 10.0, 34, previous: 9.0, previousNumerator: 30) with { Trend = [], Note = "up from 9.0% (30)" };

        Assert.Equal("up from 9.0% (30)", Publish(row).Note);
    }

    [Theory]
    [InlineData(Counted.Staff, false)]
    [InlineData(Counted.Organisations, false)]
    [InlineData(Counted.Money, false)]
    [InlineData(Counted.Other, false)]
    [InlineData(Counted.Children, true)]
    [InlineData(Counted.Families, true)]
    public void Apply_ByWhatTheMeasureCounts_OnlyPeopleAreWithheld(Counted counted, bool withheld)
    {
        var vacancies = new Measure { Id = "v", Title = "Social worker vacancies", Unit = MeasureUnit.Count, Polarity = Polarity.LowerIsBetter, CountsGiven = counted };

        var published = Publish(Row(vacancies, 3, null) with { Note = "3 posts" });

        Assert.Equal(withheld, published.Suppressed);
        Assert.Equal(withheld, published.Note != "3 posts");
    }

    [Fact]
    public void Apply_CurrencyByDefault_NotWithheld()
    {
        var cost = new Measure { Id = "cost", Title = "Average cost per place", Unit = MeasureUnit.Currency, Polarity = Polarity.LowerIsBetter };

        Assert.False(Publish(Row(cost, 4, 4, 4, 4) with { Denominator = 2 }).Suppressed);
    }

    [Fact]
    public void Apply_SmallPointAmongTheLastFive_WithholdsTheRecentTrendsNumbers()
    {
        var years = Enumerable.Range(2015, 5).Select(y => new TrendPoint(Period.FinancialYear(y), 20 + y - 2015) { Numerator = y == 2016 ? 3 : 40 }).ToList();
        var trend = new RecentTrendResult(TrendOutcome.IncreasingAndGettingWorse, 1.0, 12.3, "significant increase: slope 1 a year, χ² = 12.3 …");

        var published = Publish(Row(Percent, 24, 40) with { Period = Period.FinancialYear(2019), Trend = years, RecentTrend = trend, PreviousValue = null, PreviousNumerator = null });

        Assert.Equal(TrendOutcome.IncreasingAndGettingWorse, published.RecentTrend!.Value.Outcome);
        Assert.Null(published.RecentTrend.Value.SlopePerYear);
        Assert.Null(published.RecentTrend.Value.ChiSquared);
        Assert.DoesNotContain("12.3", published.RecentTrend.Value.Reason);
        Assert.Equal(4, published.Trend.Count);
    }

    /// <summary>
    /// A gap and one group's figure give the other group's, so a gap rests on its groups' counts: here the looked-after
    /// group's 2 of 10 (20%) against all pupils' 600 of 1,000 (60%) gives a gap of -40 points, from which 20% = 60% - 40
    /// and so the 2 could be worked out. The gap row is withheld with the group's row.
    /// </summary>
    [Fact]
    public void Apply_GapRestingOnASmallGroup_IsWithheldLikeTheGroup()
    {
        var year = Period.AcademicYear(2023);
        var plan = new Plan
        {
            Name = "p", FirstYear = 2023, LastYear = 2024,
            Themes = [new Theme { Id = "T", Title = "t", MeasureIds = ["cla", "all", "gap"] }],
            Measures =
            [
                new Measure { Id = "cla", Title = "CLA attainment", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.AcademicYear },
                new Measure { Id = "all", Title = "All pupils", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.AcademicYear },
                new Measure
                {
                    Id = "gap", Title = "Gap", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.AcademicYear,
                    Gap = new GapDefinition("cla", "all"),
                },
            ],
        };
        var values = new[]
        {
            new Observation { MeasureId = "cla", Period = year, Value = 20, Numerator = 2, Denominator = 10 },
            new Observation { MeasureId = "all", Period = year, Value = 60, Numerator = 600, Denominator = 1000 },
        };

        var built = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values });
        var rows = DashboardDisclosure.Apply(built, DisclosureRules.Default).Rows.ToDictionary(r => r.Measure.Id);

        var gapBefore = built.Rows.Single(r => r.Measure.Id == "gap");
        Assert.Equal(-40, gapBefore.Value!.Value, 1e-9);
        Assert.Equal(2, gapBefore.CountBehind);

        Assert.True(rows["cla"].Suppressed);
        Assert.False(rows["all"].Suppressed);
        Assert.True(rows["gap"].Suppressed);
        Assert.Null(rows["gap"].Value);
        Assert.Null(rows["gap"].Gap);
        Assert.Empty(rows["gap"].Trend);
    }
}
