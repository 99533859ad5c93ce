using GoldenThread.Core;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Reporting.Tests;

/// <summary>
/// A dashboard built by hand, shaped like the Q3 2015/16 committee dashboard: two themes; measures with and without
/// values; computed and supplied benchmarks; a measure with no polarity; a title full of HTML-special characters.
/// </summary>
public static class DashboardFixture
{
    public const string SpecialTitle = "Children \"in need\" <5 & 'others' </td><script>alert(1)</script>";

    public static readonly Period Q1 = Period.FinancialQuarter(2015, 1);
    public static readonly Period Q2 = Period.FinancialQuarter(2015, 2);
    public static readonly Period Q3 = Period.FinancialQuarter(2015, 3);

    public static Measure Placements { get; } = new()
    {
        Id = "PLAC3",
        Title = "% children with 3 or more placements during the year",
        Unit = MeasureUnit.Percentage,
        Polarity = Polarity.LowerIsBetter,
        DecimalPlaces = 2,
        LaitCode = "CLA_3PLAC",
    };

    public static Measure LongPlans { get; } = new()
    {
        Id = "CPP2Y",
        Title = "Child Protection plans lasting 2 years or more open at end of quarter",
        Unit = MeasureUnit.Percentage,
        Polarity = Polarity.LowerIsBetter,
        DecimalPlaces = 2,
    };

    public static Measure Awaiting { get; } = new()
    {
        Id = "CIN<1>",
        Title = SpecialTitle,
        Unit = MeasureUnit.RatePer(10000),
        Polarity = Polarity.HigherIsBetter,
        DecimalPlaces = 1,
    };

    public static Measure Families { get; } = new()
    {
        Id = "SLF1",
        Title = "Numbers of families supported through SLF service (no. of assessments)",
        Unit = MeasureUnit.Count,
        Polarity = Polarity.NoJudgement,
        DecimalPlaces = 0,
    };

    public static Measure FsmGap { get; } = new()
    {
        Id = "KS2FSM",
        Title = "% pupils eligible for FSM achieving L4 in Reading, Writing and Maths",
        Unit = MeasureUnit.Percentage,
        Polarity = Polarity.HigherIsBetter,
        DecimalPlaces = 1,
        Frequency = Frequency.AcademicYear,
    };

    public static DashboardRow PlacementsRow { get; } = new()
    {
        Measure = Placements,
        OutcomeId = "S1",
        OutcomeTitle = "Children in care have stable placements",
        Period = Q3,
        Value = 12.55,
        Numerator = 67,
        Denominator = 534,
        Status = ValueStatus.Final,
        ValueText = "12.55%",
        PreviousPeriod = Q2,
        PreviousValue = 13.1,
        Direction = new(Direction.Improved, "Down from 13.10% in 2015/16 Q2, beyond the tolerance of 0.5 points", JudgementMethod.Tolerance),
        Trend = [new(Q1, 13.4), new(Q2, 13.1), new(Q3, 12.55)],
        Rag = new(Rag.Amber, "12.55% misses the target of below 9.00% by less than the tolerance", JudgementMethod.Tolerance),
        TargetText = "Below 9.00%",
        TargetYear = Period.FinancialYear(2017),
        Rank = 110,
        RankedCount = 152,
        Quartile = 3,
        QuartileProvenance = Provenance.Computed,
        QuartileReason = "Ranked 110 of 152 councils (lower is better)",
        StatisticalNeighbourAverage = new Sourced(11.8, Provenance.Computed),
        NeighboursWithValues = 10,
        StatisticalNeighbourComparison = new(Comparison.Worse, "12.55% is above the neighbour average of 11.80%", JudgementMethod.Tolerance),
        England = new Sourced(10.0, Provenance.Computed),
        Region = new Sourced(10.7, Provenance.Computed),
        RegionName = "East Midlands",
        Updated = true,
    };

    public static DashboardRow LongPlansRow { get; } = new()
    {
        Measure = LongPlans,
        OutcomeId = "S2",
        OutcomeTitle = "Children are protected from harm",
        Period = Q3,
        Value = 0.59,
        Numerator = 2,
        Denominator = 339,
        Status = ValueStatus.Provisional,
        ValueText = "0.59% (2)",
        PreviousPeriod = Q2,
        PreviousValue = 0.61,
        Direction = new(Direction.NoSignificantChange, "2 of 339 against 2 of 328: the difference is not significant", JudgementMethod.Significance),
        Trend = [new(Q2, 0.61), new(Q3, 0.59)],
        Rag = new(Rag.Green, "Top quartile target met (quartile 1, supplied)", JudgementMethod.Exact),
        TargetText = "Top quartile",
        Quartile = 1,
        QuartileProvenance = Provenance.Supplied,
        QuartileReason = "Quartile 1 as supplied in the council's file",
        StatisticalNeighbourAverage = new Sourced(2.4, Provenance.Supplied),
        StatisticalNeighbourComparison = new(Comparison.Better, "0.59% is below the supplied neighbour average of 2.40%", JudgementMethod.Tolerance),
        England = new Sourced(2.1, Provenance.Supplied),
        Updated = true,
        Note = "Small numbers: 2 children",
    };

    public static DashboardRow AwaitingRow { get; } = new()
    {
        Measure = Awaiting,
        OutcomeId = "S2",
        OutcomeTitle = "Children are protected from harm",
        ValueText = "awaiting local data",
        Direction = new(Direction.NoComparison, "No value for this period"),
        Rag = new(Rag.None, "No value to rate"),
        QuartileReason = "No value to rank",
        StatisticalNeighbourComparison = new(Comparison.NotAvailable, "No value to compare"),
    };

    public static DashboardRow FamiliesRow { get; } = new()
    {
        Measure = Families,
        OutcomeId = "T1",
        OutcomeTitle = "Families are supported early",
        Period = Q3,
        Value = 2476,
        ValueText = "2,476",
        Status = ValueStatus.Final,
        PreviousPeriod = Q2,
        PreviousValue = 2301,
        Direction = new(Direction.Higher, "Up from 2,301 in 2015/16 Q2 (no polarity: not judged)", JudgementMethod.Tolerance),
        Trend = [new(Q1, 2150), new(Q2, 2301), new(Q3, 2476)],
        Rag = new(Rag.None, "Monitoring only"),
        TargetText = "Monitoring only",
        QuartileReason = "No national data",
        StatisticalNeighbourComparison = new(Comparison.NotAvailable, "No neighbour data"),
        Updated = false,
    };

    public static DashboardRow FsmGapRow { get; } = new()
    {
        Measure = FsmGap,
        OutcomeId = "A3",
        OutcomeTitle = "Disadvantaged pupils close the gap",
        Period = Period.AcademicYear(2014),
        Value = 60.0,
        Numerator = 450,
        Denominator = 750,
        Status = ValueStatus.Final,
        ValueText = "60.0% (450)",
        PreviousPeriod = Period.AcademicYear(2013),
        PreviousValue = 57.3,
        Direction = new(Direction.Improved, "Up from 57.3% in 2013/14: significant", JudgementMethod.Significance),
        Trend = [new(Period.AcademicYear(2012), 55.1), new(Period.AcademicYear(2013), 57.3), new(Period.AcademicYear(2014), 60.0)],
        Rag = new(Rag.Red, "60.0% is below the England average of 66.2%", JudgementMethod.Exact),
        TargetText = "Above national average",
        Rank = 140,
        RankedCount = 150,
        Quartile = 4,
        QuartileProvenance = Provenance.Computed,
        QuartileReason = "Ranked 140 of 150 councils",
        StatisticalNeighbourAverage = new Sourced(60.4, Provenance.Computed),
        NeighboursWithValues = 9,
        StatisticalNeighbourComparison = new(Comparison.Similar, "Within tolerance of the neighbour average of 60.4%", JudgementMethod.Tolerance),
        England = new Sourced(66.2, Provenance.Computed),
        Region = new Sourced(61.2, Provenance.Supplied),
        RegionName = "East Midlands",
        Updated = false,
        Trajectory = new(Period.AcademicYear(2013), 57.3, Period.AcademicYear(2016), 66.0, 60.2, 0.31, false, "60.0% is short of the 60.2% expected by 2014/15"),
        Gap = new(Period.AcademicYear(2014), -18.5, Period.AcademicYear(2013), -20.1, "narrowing", "The gap to all pupils narrowed from 20.1 to 18.5 points"),
    };

    public static Dashboard Build() => new()
    {
        PlanName = "Children & Families Outcomes Framework",
        CouncilName = "Leicestershire County Council",
        LaNumber = 855,
        RegionName = "East Midlands",
        ReportingPeriod = Q3,
        PreviousReportingPeriod = Q2,
        Overview = new OverviewCounts
        {
            WithNewData = 3,
            Improved = 1,
            NoSignificantChange = 1,
            ChangedWithoutPolarity = 1,
            WithNationalBenchmark = 3,
            Quartile1 = 1,
            Quartile3 = 1,
            Quartile4 = 1,
            WithNeighbourBenchmark = 3,
            BetterThanNeighbours = 1,
            WorseThanNeighbours = 1,
            SimilarToNeighbours = 1,
            Sentences =
            [
                "From 3 measures that have new data available: 1 has improved, 1 shows no significant change, 0 have declined and 0 have no comparison.",
                "From 3 measures that have a national benchmark: 1 is in the top quartile, 0 are in the second quartile, 1 is in the third quartile and 1 is in the fourth quartile.",
            ],
        },
        Sections =
        [
            new("safe", "Children and Young People are Safe", [PlacementsRow, LongPlansRow, AwaitingRow]),
            new("achieve", "Children and Young People Achieve their Potential", [FamiliesRow, FsmGapRow]),
        ],
    };

    /// <summary>
    /// The fixture with the placements row's direction and RAG supplied with the value (Leicestershire's own
    /// judgements, as the Q3 2015/16 sample carries them) instead of computed.
    /// </summary>
    public static Dashboard BuildWithSuppliedJudgements()
    {
        var d = Build();
        DashboardRow Supply(DashboardRow r) => r.Measure.Id != "PLAC3" ? r : r with
        {
            Direction = new(Direction.Improved, "Supplied with the value: improved (Appendix A: Better). Not computed: No previous comparable data point.", JudgementMethod.Supplied),
            Rag = new(Rag.Amber, "Supplied with the value: Amber (Appendix A: A). Not computed: No target is set for this period.", JudgementMethod.Supplied),
        };
        return d with { Sections = d.Sections.Select(s => s with { Rows = s.Rows.Select(Supply).ToList() }).ToList() };
    }
}
