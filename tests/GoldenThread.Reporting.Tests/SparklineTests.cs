namespace GoldenThread.Reporting.Tests;

public sealed class SparklineTests
{
    private static List<SparklinePoint> Points(params double[] values) =>
        values.Select((v, i) => new SparklinePoint($"{2016 + i}", v, $"{v}%")).ToList();

    // Expected coordinates worked by hand: 120 x 28 box, 3.5 padding, so x runs 3.5..116.5 and y runs 3.5 (max) .. 24.5 (min).
    [Theory]
    [InlineData(new[] { 10.0, 20.0, 15.0 }, "3.5,24.5 60,3.5 116.5,14", "116.5", "14")]
    [InlineData(new[] { 5.0, 5.0 }, "3.5,14 116.5,14", "116.5", "14")]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0 }, "3.5,24.5 31.75,19.25 60,14 88.25,8.75 116.5,3.5", "116.5", "3.5")]
    public void ToSvg_Points_PolylineScaledIntoTheViewBoxAndLastPointMarked(double[] values, string expectedPoints, string cx, string cy)
    {
        var svg = Sparkline.ToSvg(Points(values))!;
        Assert.Contains("viewBox=\"0 0 120 28\"", svg, StringComparison.Ordinal);
        Assert.Contains($"<polyline points=\"{expectedPoints}\"", svg, StringComparison.Ordinal);
        Assert.Contains($"<circle cx=\"{cx}\" cy=\"{cy}\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_OnePoint_MarkedInTheMiddleWithoutALine()
    {
        var svg = Sparkline.ToSvg(Points(7))!;
        Assert.DoesNotContain("<polyline", svg, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"60\" cy=\"14\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_NoPoints_Null()
    {
        Assert.Null(Sparkline.ToSvg([]));
        Assert.Null(Sparkline.ToSvg([new SparklinePoint("2016", double.NaN, "?")]));
    }

    [Fact]
    public void ToSvg_Points_ImageRoleWithTitleListingPoints()
    {
        var svg = Sparkline.ToSvg([new("2016", 12.1, "12.1%"), new("2017", 11.8, "11.8%")], "Trend of <A & B>: ")!;
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>Trend of &lt;A &amp; B&gt;: 2016: 12.1%, 2017: 11.8%</title>", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Trend of &lt;A &amp; B&gt;: 2016: 12.1%, 2017: 11.8%\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAlternative_NoPoints_SaysSo()
    {
        Assert.Equal("No trend data", Sparkline.TextAlternative([]));
    }

    [Fact]
    public void PointsOf_Row_LabelledByPeriodInTheMeasuresUnit()
    {
        Assert.Equal(
            [new("2015/16 Q1", 13.4, "13.40%"), new("2015/16 Q2", 13.1, "13.10%"), new("2015/16 Q3", 12.55, "12.55%")],
            Sparkline.PointsOf(DashboardFixture.PlacementsRow));
    }
}
