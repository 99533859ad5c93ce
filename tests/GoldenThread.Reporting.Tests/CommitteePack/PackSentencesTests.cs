using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Reporting.CommitteePack;
using static GoldenThread.Reporting.Tests.DashboardFixture;

namespace GoldenThread.Reporting.Tests.CommitteePack;

/// <summary>The pack's sentences: movement from the figures, judgement from the judgements, never confused.</summary>
public sealed class PackSentencesTests
{
    private const string Council = "Leicestershire";

    private static DashboardRow Bare(DashboardRow row) => row with
    {
        Quartile = null,
        StatisticalNeighbourAverage = null,
        StatisticalNeighbourComparison = new(Comparison.NotAvailable, "none"),
        Rag = new(Rag.None, "none"),
        Numerator = null,
        Denominator = null,
    };

    public static TheoryData<string, DashboardRow, string> Movements => new()
    {
        {
            "lower is better, went up: rose (worsened)",
            Bare(PlacementsRow) with { Value = 1.2, PreviousValue = 0.7, Direction = new(Direction.Declined, "r") },
            "The percentage of children with 3 or more placements during the year rose (worsened) to 1.20% in 2015/16 Q3 from 0.70% in 2015/16 Q2."
        },
        {
            "lower is better, went down: fell (improved)",
            Bare(PlacementsRow),
            "The percentage of children with 3 or more placements during the year fell (improved) to 12.55% in 2015/16 Q3 from 13.10% in 2015/16 Q2."
        },
        {
            "higher is better, went up: rose (improved)",
            Bare(FsmGapRow),
            "The percentage of pupils eligible for FSM achieving L4 in Reading, Writing and Maths rose (improved) to 60.0% in 2014/15 from 57.3% in 2013/14."
        },
        {
            "not significant",
            Bare(LongPlansRow),
            "Child Protection plans lasting 2 years or more open at end of quarter fell (not a significant change) to 0.59% in 2015/16 Q3 from 0.61% in 2015/16 Q2."
        },
        {
            "no polarity: no judgement in brackets, count with no unit",
            Bare(FamiliesRow),
            "Numbers of families supported through SLF service (no. of assessments) rose to 2,476 in 2015/16 Q3 from 2,301 in 2015/16 Q2."
        },
        {
            "same figure as written",
            Bare(PlacementsRow) with { Value = 12.551, PreviousValue = 12.549, Direction = new(Direction.NoSignificantChange, "r") },
            "The percentage of children with 3 or more placements during the year was 12.55% in 2015/16 Q3, unchanged from 2015/16 Q2 (not a significant change)."
        },
        {
            "supplied judgement, no previous figure",
            Bare(PlacementsRow) with { PreviousValue = null, PreviousPeriod = null, Direction = new(Direction.Improved, "supplied", JudgementMethod.Supplied) },
            "The percentage of children with 3 or more placements during the year was 12.55% in 2015/16 Q3, better than the previous figure."
        },
    };

    [Theory]
    [MemberData(nameof(Movements))]
    public void Describe_Movement_VerbFromFiguresJudgementFromDirection(string name, DashboardRow row, string expected)
    {
        Assert.True(expected == PackSentences.Describe(row, null, Council), name + ": " + PackSentences.Describe(row, null, Council));
    }

    [Fact]
    public void Describe_WholeRow_QuartileNeighboursAndRating()
    {
        Assert.Equal(
            "The percentage of children with 3 or more placements during the year fell (improved) to 12.55% (67 of 534) in 2015/16 Q3 from 13.10% in 2015/16 Q2. " +
            "This places Leicestershire in the third quartile of local authorities, down from the second at the previous report. " +
            "It is above the statistical-neighbour average of 11.80%, which is worse. " +
            "It is rated Amber against the 2017/18 target of below 9.00%.",
            PackSentences.Describe(PlacementsRow, 2, Council));
    }

    [Fact]
    public void Describe_SmallNumerator_SaysSmallNumbers()
    {
        var text = PackSentences.Describe(Bare(LongPlansRow) with { Numerator = 2, Denominator = 339 }, null, Council);
        Assert.Contains("0.59% (2 of 339)", text);
        Assert.Contains("This does involve small numbers.", text);
    }

    [Fact]
    public void Describe_Withheld_QuotesNoFigureOfTheCouncil()
    {
        var row = LongPlansRow with { Value = null, Numerator = null, Denominator = null, PreviousValue = null, Suppressed = true, ValueText = "[c]" };
        Assert.Equal(
            "Child Protection plans lasting 2 years or more open at end of quarter: the 2015/16 Q3 figure is withheld because it rests on fewer than six children. " +
            "It shows no significant change since the previous figure. This places Leicestershire in the top quartile of local authorities. " +
            "It is better than the statistical-neighbour average of 2.40%. It is rated Green against the target of top quartile.",
            PackSentences.Describe(row, null, Council));
    }

    [Fact]
    public void Describe_LevelWithNeighbours_SaysLevelWith()
    {
        var row = FsmGapRow with { StatisticalNeighbourAverage = new Sourced(60.0, Provenance.Computed), StatisticalNeighbourComparison = new(Comparison.Better, "r") };
        Assert.Contains("It is level with the statistical-neighbour average of 60.0%, which is better.", PackSentences.Describe(row, 4, Council));
    }

    [Fact]
    public void Describe_CountMeasure_NoSmallNumbersForTheValueItself()
    {
        var row = Bare(FamiliesRow) with { Value = 3, PreviousValue = 4, Numerator = 3, Direction = new(Direction.Lower, "r"), Measure = Families with { Unit = MeasureUnit.Count } };
        Assert.DoesNotContain("small numbers", PackSentences.Describe(row, null, Council));
    }
}
