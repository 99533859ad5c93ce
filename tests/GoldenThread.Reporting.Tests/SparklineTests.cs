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
    public void Shape_Points_PolylineScaledIntoTheViewBoxAndLastPointMarked(double[] values, string expectedPoints, string cx, string cy)
    {
        var shape = Sparkline.Shape(Points(values))!;
        Assert.Equal((120, 28), (shape.WidthPx, shape.HeightPx));
        Assert.Equal(expectedPoints, shape.Polyline);
        Assert.Equal((cx, cy), (shape.EndX, shape.EndY));
    }

    [Fact]
    public void Shape_OnePoint_MarkedInTheMiddleWithoutALine()
    {
        var shape = Sparkline.Shape(Points(7))!;
        Assert.Null(shape.Polyline);
        Assert.Equal(("60", "14"), (shape.EndX, shape.EndY));
    }

    [Fact]
    public void Shape_NoPoints_Null()
    {
        Assert.Null(Sparkline.Shape([]));
        Assert.Null(Sparkline.Shape([new SparklinePoint("2016", double.NaN, "?")]));
    }

    [Fact]
    public void Shape_Points_ImageRoleWithTitleListingPoints()
    {
        var shape = Sparkline.Shape([new("2016", 12.1, "12.1%"), new("2017", 11.8, "11.8%")], "Trend of <A & B>: ")!;
        Assert.Equal("Trend of <A & B>: 2016: 12.1%, 2017: 11.8%", shape.AccessibleName);
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
