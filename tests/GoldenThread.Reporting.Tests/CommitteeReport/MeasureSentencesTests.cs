using GoldenThread.Core;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Reporting.CommitteeReport;

namespace GoldenThread.Reporting.Tests.CommitteeReport;

public sealed class MeasureSentencesTests
{
    private static readonly Measure CareLeavers = new()
    {
        Id = "CLACC",
        Title = "Care leavers in suitable accommodation",
        Unit = MeasureUnit.Percentage,
        Polarity = Polarity.HigherIsBetter,
        DecimalPlaces = 1,
    };

    private static DashboardRow Row(string direction, int quartile, string rag)
    {
        var (outcome, previous) = direction switch
        {
            "improved" => (Direction.Improved, (double?)53.9),
            "declined" => (Direction.Declined, (double?)72.0),
            _ => (Direction.NoComparison, null),
        };
        return new DashboardRow
        {
            Measure = CareLeavers,
            OutcomeId = "G",
            OutcomeTitle = "Care leavers",
            Period = DashboardFixture.Q3,
            Value = 66.7,
            ValueText = "66.7%",
            PreviousPeriod = previous is null ? null : DashboardFixture.Q2,
            PreviousValue = previous,
            // The reasons say something else on purpose: the sentence must come from the outcomes alone.
            Direction = new(outcome, "reason text not to be quoted"),
            Rag = new(Enum.Parse<Rag>(rag), "reason text not to be quoted"),
            TargetText = "70%",
            Quartile = quartile == 0 ? null : quartile,
            QuartileProvenance = quartile == 0 ? null : Provenance.Computed,
            QuartileReason = "reason text not to be quoted",
            StatisticalNeighbourComparison = new(Comparison.NotAvailable, "reason text not to be quoted"),
        };
    }

    // Expected sentences written out by a separate python3 script from the wording rules (clauses of one leaning
    // joined by "and", a change of leaning by ", but"), not by this code; "which is" added by hand where no change on
    // the previous figure opens the comparison.
    [Theory]
    [InlineData("improved", 1, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2 and in the top quartile nationally. It is rated Red against the target of 70%.")]
    [InlineData("improved", 1, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2 and in the top quartile nationally. It is rated Green against the target of 70%.")]
    [InlineData("improved", 1, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2 and in the top quartile nationally.")]
    [InlineData("improved", 4, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2, but in the fourth quartile nationally. It is rated Red against the target of 70%.")]
    [InlineData("improved", 4, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2, but in the fourth quartile nationally. It is rated Green against the target of 70%.")]
    [InlineData("improved", 4, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2, but in the fourth quartile nationally.")]
    [InlineData("improved", 0, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2. It is rated Red against the target of 70%.")]
    [InlineData("improved", 0, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2. It is rated Green against the target of 70%.")]
    [InlineData("improved", 0, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2.")]
    [InlineData("declined", 1, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2, but in the top quartile nationally. It is rated Red against the target of 70%.")]
    [InlineData("declined", 1, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2, but in the top quartile nationally. It is rated Green against the target of 70%.")]
    [InlineData("declined", 1, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2, but in the top quartile nationally.")]
    [InlineData("declined", 4, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2 and in the fourth quartile nationally. It is rated Red against the target of 70%.")]
    [InlineData("declined", 4, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2 and in the fourth quartile nationally. It is rated Green against the target of 70%.")]
    [InlineData("declined", 4, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2 and in the fourth quartile nationally.")]
    [InlineData("declined", 0, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2. It is rated Red against the target of 70%.")]
    [InlineData("declined", 0, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2. It is rated Green against the target of 70%.")]
    [InlineData("declined", 0, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, a decline from 72.0% in 2015/16 Q2.")]
    [InlineData("none", 1, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, which is in the top quartile nationally. It is rated Red against the target of 70%.")]
    [InlineData("none", 1, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, which is in the top quartile nationally. It is rated Green against the target of 70%.")]
    [InlineData("none", 1, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, which is in the top quartile nationally.")]
    [InlineData("none", 4, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, which is in the fourth quartile nationally. It is rated Red against the target of 70%.")]
    [InlineData("none", 4, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, which is in the fourth quartile nationally. It is rated Green against the target of 70%.")]
    [InlineData("none", 4, "None", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, which is in the fourth quartile nationally.")]
    [InlineData("none", 0, "Red", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3. It is rated Red against the target of 70%.")]
    [InlineData("none", 0, "Green", "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3. It is rated Green against the target of 70%.")]
    [InlineData("none", 0, "None", null)]
    public void Describe_DirectionQuartileRag_ExpectedSentence(string direction, int quartile, string rag, string? expected)
    {
        Assert.Equal(expected, MeasureSentences.Describe(Row(direction, quartile, rag)));
    }

    [Fact]
    public void Describe_CareLeaversQ3_ReadsAsInTheBrief()
    {
        var row = Row("improved", 4, "Red") with
        {
            TargetText = "Top quartile",
            StatisticalNeighbourAverage = new Sourced(74.1, Provenance.Computed),
            StatisticalNeighbourComparison = new(Comparison.Worse, "x"),
        };

        Assert.Equal(
            "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2, but in the " +
            "fourth quartile nationally and below the statistical neighbour average of 74.1%. It is rated Red against the target of top quartile.",
            MeasureSentences.Describe(row));
    }

    [Fact]
    public void Describe_ThreeChangesOfLeaning_SecondTurnSaysAlthough()
    {
        var row = Row("improved", 4, "None") with
        {
            StatisticalNeighbourAverage = new Sourced(60.0, Provenance.Computed),
            StatisticalNeighbourComparison = new(Comparison.Better, "x"),
        };

        Assert.Equal(
            "Care leavers in suitable accommodation was 66.7% in 2015/16 Q3, an improvement on 53.9% in 2015/16 Q2, but in the " +
            "fourth quartile nationally, although above the statistical neighbour average of 60.0%.",
            MeasureSentences.Describe(row));
    }

    [Fact]
    public void Describe_PercentTitleWithCountsAndTargetYear_ReadsAsProse()
    {
        Assert.Equal(
            "The percentage of children with 3 or more placements during the year was 12.55% (67 of 534) in 2015/16 Q3, an improvement " +
            "on 13.10% in 2015/16 Q2, but in the third quartile nationally and above the statistical neighbour average of 11.80%. " +
            "It is rated Amber against the 2017/18 target of below 9.00%.",
            MeasureSentences.Describe(DashboardFixture.PlacementsRow));
    }

    [Fact]
    public void Describe_SuppressedRow_WithholdsFigureAndGivesJudgementsOnly()
    {
        var published = DashboardDisclosure.Apply(DashboardFixture.LongPlansRow, DisclosureRules.Default);

        Assert.Equal(
            "Child Protection plans lasting 2 years or more open at end of quarter: the 2015/16 Q3 figure is withheld because it rests " +
            "on fewer than six children. It shows no significant change since the previous figure, is in the top quartile nationally " +
            "and is better than the statistical neighbour average of 2.40%. It is rated Green against the target of top quartile.",
            MeasureSentences.Describe(published));
    }

    [Theory]
    [InlineData(2, "three")]
    [InlineData(9, "ten")]
    [InlineData(10, "11")]
    public void Describe_SuppressedRowOtherThreshold_SaysThresholdPlusOne(int threshold, string words)
    {
        var published = DashboardDisclosure.Apply(DashboardFixture.LongPlansRow, new DisclosureRules(threshold));

        Assert.Contains($"rests on fewer than {words} children.", MeasureSentences.Describe(published, threshold));
    }

    [Fact]
    public void Describe_SuppressedRowCountingFamilies_SaysFamilies()
    {
        var row = DashboardFixture.LongPlansRow with { Measure = DashboardFixture.LongPlansRow.Measure with { CountsGiven = Core.Measures.Counted.Families } };

        var published = DashboardDisclosure.Apply(row, DisclosureRules.Default);

        Assert.Contains("rests on fewer than six families.", MeasureSentences.Describe(published));
    }

    [Fact]
    public void Describe_NoPolarityAndNoRating_NotNotable()
    {
        Assert.False(MeasureSentences.IsNotable(DashboardFixture.FamiliesRow));
        Assert.Null(MeasureSentences.Describe(DashboardFixture.FamiliesRow));
    }

    [Fact]
    public void Describe_AwaitingData_Null()
    {
        Assert.Null(MeasureSentences.Describe(DashboardFixture.AwaitingRow with { Rag = new(Rag.Red, "x") }));
    }

    [Fact]
    public void AwaitingData_OneAndTwoMeasures_CountsAndNames()
    {
        var other = DashboardFixture.AwaitingRow with { Measure = DashboardFixture.Families with { Title = "Families supported" } };

        Assert.Equal(
            "One measure is awaiting data and is not reported on: \u2018Families supported\u2019.",
            MeasureSentences.AwaitingData([DashboardFixture.PlacementsRow, other]));
        Assert.Equal(
            "Two measures are awaiting data and are not reported on: \u2018Families supported\u2019 and \u2018Families supported\u2019.",
            MeasureSentences.AwaitingData([other, other]));
        Assert.Null(MeasureSentences.AwaitingData([DashboardFixture.PlacementsRow]));
    }

    [Theory]
    [InlineData("% children in care", "The percentage of children in care")]
    [InlineData("% of pupils achieving", "The percentage of pupils achieving")]
    [InlineData("number of referrals", "Number of referrals")]
    [InlineData("EHC plans issued in 20 weeks", "EHC plans issued in 20 weeks")]
    public void Subject_Title_ReadsAsSubject(string title, string expected)
    {
        Assert.Equal(expected, MeasureSentences.Subject(title));
    }
}
