using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Tests.Dashboard;

public class OverviewTests
{
    [Fact]
    public void Sentences_CountsOfTheQ3Report_ReadAsTheReportWroteThem()
    {
        // Paragraphs 5–7 of Leicestershire's Q3 2015/16 report (seed 001).
        var counts = new OverviewCounts
        {
            WithNewData = 28, Improved = 16, NoSignificantChange = 6, Declined = 4, NoComparison = 2,
            WithNationalBenchmark = 31, Quartile1 = 8, Quartile2 = 6, Quartile3 = 9, Quartile4 = 8,
            WithNeighbourBenchmark = 39, BetterThanNeighbours = 19, WorseThanNeighbours = 15, SimilarToNeighbours = 5,
        };

        var sentences = Overview.Sentences(counts);

        Assert.Equal(
            [
                "From 28 measures that have new data available: 16 have improved, 6 show no significant change, 4 have declined and 2 have no comparison.",
                "From 31 measures that have a national benchmark: 8 are in the top quartile, 6 are in the second quartile, 9 are in the third quartile and 8 are in the fourth quartile.",
                "From 39 indicators that have a statistical neighbour benchmark, 19 are better than the statistical neighbour average, 15 are below and 5 are at a similar level.",
            ],
            sentences);
    }

    [Fact]
    public void Sentences_SingularCounts_UseSingularVerbs()
    {
        var counts = new OverviewCounts { WithNewData = 1, Improved = 1, WithNationalBenchmark = 1, Quartile1 = 1 };

        var sentences = Overview.Sentences(counts);

        Assert.Equal("From 1 measure that has new data available: 1 has improved, 0 show no significant change, 0 have declined and 0 have no comparison.", sentences[0]);
        Assert.StartsWith("From 1 measure that has a national benchmark: 1 is in the top quartile", sentences[1]);
        Assert.Equal("No indicators have a statistical neighbour benchmark.", sentences[2]);
    }

    private static DashboardRow Row(Comparison sn) => new()
    {
        Measure = new Measure { Id = "m", Title = "m", Unit = MeasureUnit.Percentage, Polarity = Polarity.NoJudgement },
        OutcomeId = "o",
        OutcomeTitle = "o",
        ValueText = "1%",
        Direction = new(Direction.NoComparison, "-"),
        Rag = new(Rag.None, "-"),
        QuartileReason = "-",
        StatisticalNeighbourComparison = new(sn, "-"),
    };

    // Every measure compared with the SN average is counted, so that the parts add up to the total: two better, one
    // worse, one similar, one higher and two lower with no polarity (three not judged) = 7; one with no average is left out.
    [Theory]
    [InlineData(new[] { Comparison.Better, Comparison.Better, Comparison.Worse, Comparison.Similar, Comparison.Higher, Comparison.Lower, Comparison.Lower, Comparison.NotAvailable },
        7, 2, 1, 1, 3,
        "From 7 indicators that have a statistical neighbour benchmark, 2 are better than the statistical neighbour average, 1 is below, 1 is at a similar level and 3 differ from it with no judgement of better or worse.")]
    [InlineData(new[] { Comparison.Higher },
        1, 0, 0, 0, 1,
        "From 1 indicator that has a statistical neighbour benchmark, 0 are better than the statistical neighbour average, 0 are below, 0 are at a similar level and 1 differs from it with no judgement of better or worse.")]
    [InlineData(new[] { Comparison.Better, Comparison.Worse, Comparison.NotAvailable },
        2, 1, 1, 0, 0,
        "From 2 indicators that have a statistical neighbour benchmark, 1 is better than the statistical neighbour average, 1 is below and 0 are at a similar level.")]
    public void Count_NeighbourComparisons_CountsEveryMeasureCompared(
        Comparison[] outcomes, int total, int better, int worse, int similar, int withoutPolarity, string sentence)
    {
        var counts = Overview.Count(outcomes.Select(Row));

        Assert.Equal((total, better, worse, similar, withoutPolarity),
            (counts.WithNeighbourBenchmark, counts.BetterThanNeighbours, counts.WorseThanNeighbours, counts.SimilarToNeighbours, counts.DifferentFromNeighboursWithoutPolarity));
        Assert.Equal(sentence, counts.Sentences[2]);
    }
}
