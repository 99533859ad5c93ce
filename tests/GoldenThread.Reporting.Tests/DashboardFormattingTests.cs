using GoldenThread.Core.Judgements;

namespace GoldenThread.Reporting.Tests;

public sealed class DashboardFormattingTests
{
    [Theory]
    [InlineData(Direction.Improved, "Improved", "improved")]
    [InlineData(Direction.NoSignificantChange, "No significant change", "no significant change")]
    [InlineData(Direction.Declined, "Declined", "declined")]
    [InlineData(Direction.NoComparison, "No comparison", "no comparison")]
    [InlineData(Direction.Higher, "Higher", "higher")]
    [InlineData(Direction.Lower, "Lower", "lower")]
    public void DirectionWordsAndKey_EachDirection_Expected(Direction direction, string words, string key)
    {
        Assert.Equal(words, DashboardFormatting.DirectionWords(direction));
        Assert.Equal(key, DashboardFormatting.DirectionKey(direction));
    }

    [Theory]
    [InlineData(Rag.Red, "Red", "red")]
    [InlineData(Rag.Amber, "Amber", "amber")]
    [InlineData(Rag.Green, "Green", "green")]
    [InlineData(Rag.None, "No rating", null)]
    public void RagWordsAndKey_EachRag_Expected(Rag rag, string words, string? key)
    {
        Assert.Equal(words, DashboardFormatting.RagWords(rag));
        Assert.Equal(key, DashboardFormatting.RagKey(rag));
    }

    [Theory]
    [InlineData(Comparison.Better, "Better", "better")]
    [InlineData(Comparison.Similar, "Similar", "similar")]
    [InlineData(Comparison.Worse, "Worse", "worse")]
    [InlineData(Comparison.Higher, "Higher", "higher")]
    [InlineData(Comparison.Lower, "Lower", "lower")]
    [InlineData(Comparison.NotAvailable, "Not available", null)]
    public void ComparisonWordsAndKey_EachComparison_Expected(Comparison comparison, string words, string? key)
    {
        Assert.Equal(words, DashboardFormatting.ComparisonWords(comparison));
        Assert.Equal(key, DashboardFormatting.ComparisonKey(comparison));
    }

    [Theory]
    [InlineData(true, "Y")]
    [InlineData(false, "N")]
    [InlineData(null, "\u2013")]
    public void UpdatedFlag_Value_AsTheCommitteeDashboardWritesIt(bool? updated, string expected)
    {
        Assert.Equal(expected, DashboardFormatting.UpdatedFlag(updated));
    }

    [Fact]
    public void Figure_Missing_Dash()
    {
        Assert.Equal("\u2013", DashboardFormatting.Figure(DashboardFixture.Placements, null));
        Assert.Equal("12.55%", DashboardFormatting.Figure(DashboardFixture.Placements, 12.55));
    }

    [Fact]
    public void TargetText_WithYear_YearInBrackets()
    {
        Assert.Equal("Below 9.00% (2017/18)", DashboardFormatting.TargetText(DashboardFixture.PlacementsRow));
        Assert.Equal("Top quartile", DashboardFormatting.TargetText(DashboardFixture.LongPlansRow));
        Assert.Equal("\u2013", DashboardFormatting.TargetText(DashboardFixture.AwaitingRow));
    }
}

public sealed class CleanFigureTests
{
    [Theory]
    [InlineData(70.24999999999999, 70.25)]
    [InlineData(24.300000000000004, 24.3)]
    [InlineData(0.1 + 0.2, 0.3)]
    [InlineData(12.55, 12.55)]
    [InlineData(1.23456789012345e-12, 1.23456789012345e-12)] // small figures keep their digits
    [InlineData(-3.0691, -3.0691)]
    public void Clean_NoisyDouble_WrittenAsPeopleRecordIt(double noisy, double expected)
    {
        Assert.Equal(expected, GoldenThread.Core.Measures.MeasureUnit.Clean(noisy));
    }
}
