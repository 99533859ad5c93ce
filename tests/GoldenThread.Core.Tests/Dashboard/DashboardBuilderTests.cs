using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Core.Tests.Dashboard;

/// <summary>The builder on a five-council world small enough to work every figure by hand.</summary>
public class DashboardBuilderTests
{
    private static readonly Period Y2023 = Period.CalendarYear(2023);
    private static readonly Period Y2024 = Period.CalendarYear(2024);

    private static BenchmarkData World()
    {
        var info = new LaitMeasureInfo { Code = "M1", Title = "Measure one", Polarity = Polarity.HigherIsBetter };
        var series = new MeasureSeries(info,
        [
            new PeriodValues(Y2023, new Dictionary<int, double> { [101] = 12, [102] = 18, [103] = 30, [104] = 38, [105] = 52, [970] = 30, [980] = 24 }),
            new PeriodValues(Y2024, new Dictionary<int, double> { [101] = 10, [102] = 20, [103] = 30, [104] = 40, [105] = 50, [970] = 31, [980] = 25 }),
        ]);
        var areas = new Dictionary<int, Area>
        {
            [101] = new(101, "Avonshire", "North East"), [102] = new(102, "Bexshire", "North East"), [103] = new(103, "Cobshire", "North East"),
            [104] = new(104, "Dunshire", "North East"), [105] = new(105, "Eltshire", "North East"),
            [970] = new(970, "England", null), [980] = new(980, "North East", null),
        };
        var neighbours = new Dictionary<int, IReadOnlyList<int>> { [101] = [102, 103] };
        return new BenchmarkData(new Dictionary<string, MeasureSeries> { ["M1"] = series }, areas, neighbours);
    }

    private static Plan PlanWith(params Target[] targets) => new()
    {
        Name = "Test plan",
        LaNumber = 101,
        FirstYear = 2023,
        LastYear = 2025,
        Themes = [new Theme { Id = "T", Title = "Safe", Outcomes = [new Outcome { Id = "O", Title = "Children are safe", MeasureIds = ["m1"] }] }],
        Measures =
        [
            new Measure
            {
                Id = "m1", Title = "Measure one", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, LaitCode = "M1",
                Frequency = Frequency.CalendarYear, Targets = targets.Select(t => new ScheduledTarget(Y2024, t)).ToList(),
            },
        ],
    };

    [Fact]
    public void Build_FromLaitOnly_GivesEveryFigureAsWorkedByHand()
    {
        var row = DashboardBuilder.Build(new DashboardInputs { Plan = PlanWith(Target.Numeric(35)), Benchmarks = World() }).Rows.Single();

        Assert.Equal(Y2024, row.Period);
        Assert.Equal(10, row.Value);
        Assert.Equal(Direction.Declined, row.Direction.Outcome);         // 10 against 12: down 2, beyond 1% of 12
        Assert.Equal(5, row.Rank);                                       // lowest of 10, 20, 30, 40, 50; higher is better
        Assert.Equal(5, row.RankedCount);
        Assert.Equal(4, row.Quartile);                                   // Q1 = 20: 10 is in [min, Q1], the worst band when higher is better
        Assert.Equal(25, row.StatisticalNeighbourAverage!.Value.Value);  // (20 + 30) / 2
        Assert.Equal(2, row.NeighboursWithValues);
        Assert.Equal(Comparison.Worse, row.StatisticalNeighbourComparison.Outcome);
        Assert.Equal(31, row.England!.Value.Value);
        Assert.Equal(25, row.Region!.Value.Value);
        Assert.Equal(Rag.Red, row.Rag.Outcome);                          // 10 against 35, beyond 5% of 35
        Assert.Equal(new[] { 12.0, 10.0 }, row.Trend.Select(p => p.Value));
        Assert.True(row.Updated);
    }

    [Fact]
    public void Row_OfOneMeasure_IsBuildsRow_AndNullForAMeasureNotInThePlan()
    {
        var inputs = new DashboardInputs { Plan = PlanWith(Target.Numeric(35)), Benchmarks = World(), ReportingPeriod = Y2024 };

        var row = DashboardBuilder.Row(inputs, "M1")!;

        Assert.Equal((Y2024, 10.0, 5), (row.Period!.Value, row.Value!.Value, row.Rank!.Value));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(DashboardBuilder.Build(inputs).Rows.Single()), System.Text.Json.JsonSerializer.Serialize(row));
        Assert.Null(DashboardBuilder.Row(inputs, "m2"));
        Assert.Throws<NothingToReportException>(() => DashboardBuilder.Row(inputs with { ReportingPeriod = Period.CalendarYear(2031) }, "m1"));
    }

    [Fact]
    public void Build_OwnValueForAPeriodLaitHolds_IsRankedInsteadOfThePublishedOne()
    {
        var own = new Observation { MeasureId = "m1", Period = Y2024, Value = 45 };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = PlanWith(Target.Of(TargetKind.TopQuartile)), Values = [own], Benchmarks = World() }).Rows.Single();

        Assert.Equal(45, row.Value);
        Assert.Equal(2, row.Rank);     // only 50 is higher
        Assert.Equal(2, row.Quartile); // of 45, 20, 30, 40, 50: Q1 30, median 40, Q3 45; 45 is in (median, Q3], band B when higher is better
        Assert.Equal(Rag.Amber, row.Rag.Outcome);
        Assert.Equal(Direction.Improved, row.Direction.Outcome); // 45 against LAIT's 12 for 2023
    }

    [Fact]
    public void Build_ReportingPeriodBeforeTheLatestData_UsesOnlyWhatWasKnownThen()
    {
        var row = DashboardBuilder.Build(new DashboardInputs
        {
            Plan = PlanWith(),
            Benchmarks = World(),
            ReportingPeriod = Period.FinancialYear(2023),
        }).Rows.Single();

        Assert.Equal(Y2023, row.Period);
        Assert.Equal(12, row.Value);
        Assert.Equal(Direction.NoComparison, row.Direction.Outcome);
        Assert.Equal(Rag.None, row.Rag.Outcome);
    }

    [Fact]
    public void Build_MeasureWithNoData_AwaitsLocalDataWithoutJudgements()
    {
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { LaitCode = null }] };

        var dashboard = DashboardBuilder.Build(new DashboardInputs { Plan = plan, ReportingPeriod = Period.FinancialQuarter(2024, 3) });
        var row = dashboard.Rows.Single();

        Assert.Equal("Awaiting local data", row.ValueText);
        Assert.Null(row.Updated);
        Assert.Equal(Rag.None, row.Rag.Outcome);
        Assert.Equal(0, dashboard.Overview.WithNewData);
    }

    [Fact]
    public void Build_FigureTheReturnsCannotSupport_SaysNotComputableWithTheReason()
    {
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { LaitCode = null, Frequency = Frequency.FinancialYear }] };
        const string note = "Not computable for financial year 2024/25: long-term stability looks back 2½ years, to 30 September 2022, but the SSDA903 returns in the files begin on 1 April 2023";
        var notComputable = new Observation { MeasureId = "m1", Period = Period.FinancialYear(2024), Value = null, Note = note };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = [notComputable], ReportingPeriod = Period.FinancialYear(2024) }).Rows.Single();

        Assert.Equal("Not computable", row.ValueText);
        Assert.Equal(note, row.Note);
        Assert.Equal(note, row.Rag.Reason);
        Assert.Equal(Rag.None, row.Rag.Outcome);
    }

    [Fact]
    public void Build_CountsOnBothPeriods_JudgesChangeBySignificance()
    {
        // 30/100 then 45/100: pooled p = 0.375, SE = sqrt(0.375 × 0.625 × (1/100 + 1/100)) = 0.0685, z = 0.15 / 0.0685 = 2.19 > 1.96.
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { LaitCode = null, Frequency = Frequency.Quarterly }] };
        var values = new[]
        {
            new Observation { MeasureId = "m1", Period = Period.FinancialQuarter(2024, 2), Value = 30, Numerator = 30, Denominator = 100 },
            new Observation { MeasureId = "m1", Period = Period.FinancialQuarter(2024, 3), Value = 45, Numerator = 45, Denominator = 100 },
        };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values }).Rows.Single();

        Assert.Equal(Direction.Improved, row.Direction.Outcome);
        Assert.Equal(JudgementMethod.Significance, row.Direction.Method);
        Assert.Equal("45% (45)", row.ValueText.Replace(".0", ""));
        Assert.Equal(Period.FinancialQuarter(2024, 3), DashboardBuilder.DefaultReportingPeriod(values));
    }

    [Fact]
    public void Build_FiveAnnualPointsWithCounts_GivesTheRecentTrend()
    {
        // 10%, 20%, ... 50% of 100 in five consecutive years: a steep rise far beyond any interval, higher is better.
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { LaitCode = null }] };
        var values = Enumerable.Range(0, 5).Select(i => new Observation
        {
            MeasureId = "m1", Period = Period.CalendarYear(2019 + i), Value = 10 * (i + 1), Numerator = 10 * (i + 1), Denominator = 100,
        }).ToList();

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values }).Rows.Single();

        Assert.Equal("increasing and getting better", row.RecentTrend!.Value.Words);
    }

    [Fact]
    public void Build_AnnualPointsWithoutCounts_SaysTheTrendCannotBeCalculated()
    {
        var row = DashboardBuilder.Build(new DashboardInputs { Plan = PlanWith(), Benchmarks = World() }).Rows.Single();

        Assert.Equal(GoldenThread.Core.Statistics.TrendOutcome.CannotBeCalculated, row.RecentTrend!.Value.Outcome);
    }

    [Fact]
    public void Build_SuppliedJudgementsWithoutPreviousValueOrTarget_AreUsedAndMarkedSupplied()
    {
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { LaitCode = null }] };
        var values = new[]
        {
            new Observation
            {
                MeasureId = "m1", Period = Y2024, Value = 80,
                SuppliedDirection = new(Direction.Improved, "Appendix A: Better"),
                SuppliedRag = new(Rag.Green, "Appendix A: G"),
            },
        };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values }).Rows.Single();

        Assert.Equal((Direction.Improved, JudgementMethod.Supplied), (row.Direction.Outcome, row.Direction.Method));
        Assert.Equal((Rag.Green, JudgementMethod.Supplied), (row.Rag.Outcome, row.Rag.Method));
        Assert.Equal(1, DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values }).Overview.Improved);
    }

    [Fact]
    public void Build_SuppliedDirectionWithPreviousValue_ComputedDirectionStands()
    {
        // 80 then 70, higher is better: declined by computation; the supplied "Better" is named in the reason only.
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { LaitCode = null }] };
        var values = new[]
        {
            new Observation { MeasureId = "m1", Period = Y2023, Value = 80 },
            new Observation { MeasureId = "m1", Period = Y2024, Value = 70, SuppliedDirection = new(Direction.Improved, "Appendix A: Better") },
        };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values }).Rows.Single();

        Assert.Equal((Direction.Declined, JudgementMethod.Tolerance), (row.Direction.Outcome, row.Direction.Method));
        Assert.Contains("supplied with the judgement improved (Appendix A: Better); the computed judgement stands", row.Direction.Reason);
    }

    [Fact]
    public void Build_QualitativeEvidenceWithSuppliedRating_CountsAsNewDataWithNoComparison()
    {
        var measure = PlanWith().Measures[0] with { LaitCode = null, Qualitative = true, Unit = MeasureUnit.Score, Frequency = Frequency.Quarterly };
        var plan = PlanWith() with { Measures = [measure] };
        var q3 = Period.FinancialQuarter(2015, 3);
        var values = new[]
        {
            new Observation { MeasureId = "m1", Period = q3, Value = null, Note = "See Appendix B", Updated = true, SuppliedRag = new(Rag.Green, "Appendix A: G") },
        };

        var dashboard = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values, ReportingPeriod = q3 });
        var row = dashboard.Rows.Single();

        Assert.Equal(q3, row.Period);
        Assert.Equal("See Appendix B", row.ValueText);
        Assert.True(row.Updated);
        Assert.Equal((Rag.Green, JudgementMethod.Supplied), (row.Rag.Outcome, row.Rag.Method));
        Assert.Equal((1, 1), (dashboard.Overview.WithNewData, dashboard.Overview.NoComparison));
    }

    [Fact]
    public void Build_TargetWithNoYear_RatesEveryPeriod()
    {
        // 10 in 2024 against a standing "at least 35": 25 short, beyond 5% of 35 = 1.75: Red, with no target year.
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { StandingTarget = Target.Bound(BoundOperator.AtLeast, 35) }] };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Benchmarks = World() }).Rows.Single();

        Assert.Equal(Rag.Red, row.Rag.Outcome);
        Assert.Equal("at least 35%", row.TargetText);
        Assert.Null(row.TargetYear);
    }

    [Fact]
    public void Build_GapNarrowingOnAGroupsOwnValue_GivesNoRatingAndSaysWhy()
    {
        var plan = PlanWith() with { Measures = [PlanWith().Measures[0] with { StandingTarget = Target.Of(TargetKind.GapNarrowing) }] };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Benchmarks = World() }).Rows.Single();

        Assert.Equal(Rag.None, row.Rag.Outcome);
        Assert.Contains("names no comparison group", row.Rag.Reason);
        Assert.Equal("Gap narrowing", row.TargetText);
    }

    [Fact]
    public void Build_GapMeasureWithAStatedGap_UsesItOnlyWhereTheGroupsHaveNoValues()
    {
        // Groups in 2024 only (40 - 50 = -10); the document states -19.8 for 2023 and -12 for 2024, which the computed gap replaces.
        Measure Pct(string id) => new() { Id = id, Title = id, Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.CalendarYear };
        var gap = Pct("gap") with { Gap = new GapDefinition("fsm", "other") };
        var plan = PlanWith() with
        {
            Themes = [new Theme { Id = "T", Title = "Gaps", MeasureIds = ["gap"] }],
            Measures = [Pct("fsm"), Pct("other"), gap],
        };
        var values = new[]
        {
            new Observation { MeasureId = "fsm", Period = Y2024, Value = 40 },
            new Observation { MeasureId = "other", Period = Y2024, Value = 50 },
            new Observation { MeasureId = "gap", Period = Y2023, Value = -19.8 },
            new Observation { MeasureId = "gap", Period = Y2024, Value = -12 },
        };

        var row = DashboardBuilder.Build(new DashboardInputs { Plan = plan, Values = values }).Rows.Single();

        Assert.Equal(-10, row.Value);
        Assert.Equal(-19.8, row.PreviousValue);
        Assert.Equal("narrowing", row.Gap!.Trend);
    }
}
