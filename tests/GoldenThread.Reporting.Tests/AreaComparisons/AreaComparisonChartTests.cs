using GoldenThread.Core.AreaComparisons;
using GoldenThread.Reporting.AreaComparisons;

namespace GoldenThread.Reporting.Tests.AreaComparisons;

/// <summary>The chart's layout: where the marks go and what they say, before any SVG is drawn.</summary>
public sealed class AreaComparisonChartTests
{
    private static readonly ComparisonTable Table = AreaComparisonFixture.Result().Tables[0];

    [Fact]
    public void Layout_Rows_ABarPerShownAreaAndTheWordForSuppressedOnes()
    {
        var layout = AreaComparisonChart.Layout(Table);

        Assert.Equal("chart-obese-reception", layout.Id);
        Assert.Equal(["England", "East Midlands", "Leicestershire & <Rutland>", "Charnwood", "Harborough", "Tiny"], layout.Rows.Select(r => r.Area));
        Assert.Equal(4, layout.Rows.Count(r => r.Bar is not null));
        Assert.Equal(["suppressed", "suppressed (small count)"], layout.Rows.Select(r => r.SuppressedWord).OfType<string>());
        Assert.Equal("significantly lower than England and East Midlands (better)", layout.Rows[2].Label);
        Assert.True(layout.Rows[0].IsBenchmark);
        Assert.Equal("benchmark", layout.Rows[0].Label);
    }

    [Fact]
    public void Layout_Benchmarks_SolidThenDashedLineLabelledWithTheValue()
    {
        var lines = AreaComparisonChart.Layout(Table).BenchmarkLines;

        Assert.Equal([null, "6 4"], lines.Select(l => l.DashArray));
        Assert.Equal(["England 9.1%", "East Midlands 8.6%"], lines.Select(l => l.Label));
    }

    [Fact]
    public void Layout_Axis_TicksInRoundStepsToTheLargestFigure()
    {
        var axis = AreaComparisonChart.Layout(Table).Axis;

        // The largest figure is Charnwood's upper limit, 10.4: a step of 2.5 up to 12.5.
        Assert.Equal(["0", "2.5", "5", "7.5", "10", "12.5"], axis.Ticks.Select(t => t.Label));
        Assert.Equal("220", axis.Ticks[0].X);
        Assert.Equal("600", axis.Ticks[^1].X);
    }
}
