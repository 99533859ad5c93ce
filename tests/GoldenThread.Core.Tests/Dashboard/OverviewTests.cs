using GoldenThread.Core.Dashboard;

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
}
