using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GoldenThread.Reporting;
using GoldenThread.Views.Dashboard;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Views.Tests.Dashboard;

/// <summary>The sparkline component: an image named by every point, drawn where <see cref="Sparkline.Shape"/> puts it.</summary>
public sealed class SparklineChartTests
{
    private static IElement Render(IReadOnlyList<SparklinePoint> points, string prefix = "Trend: ")
    {
        var html = StaticHtml.RenderAsync<SparklineChart>(new Dictionary<string, object?>
        {
            [nameof(SparklineChart.Points)] = points,
            [nameof(SparklineChart.Prefix)] = prefix,
        }).GetAwaiter().GetResult();
        return new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
    }

    [Fact]
    public void SparklineChart_Points_ImageNamedByEveryPointWithTheShapesLine()
    {
        var body = Render([new("2016", 10, "10%"), new("2017", 20, "20%"), new("2018", 15, "15%")], "Trend of <A & B>: ");

        var svg = body.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Trend of <A & B>: 2016: 10%, 2017: 20%, 2018: 15%", svg.GetAttribute("aria-label"));
        Assert.Equal("Trend of <A & B>: 2016: 10%, 2017: 20%, 2018: 15%", svg.QuerySelector("title")!.TextContent);
        Assert.Equal("3.5,24.5 60,3.5 116.5,14", svg.QuerySelector("polyline")!.GetAttribute("points"));
        var end = svg.QuerySelector("circle")!;
        Assert.Equal(("116.5", "14"), (end.GetAttribute("cx"), end.GetAttribute("cy")));
        Assert.Equal(("0 0 120 28", "120", "28"), (svg.GetAttribute("viewBox"), svg.GetAttribute("width"), svg.GetAttribute("height")));
    }

    [Fact]
    public void SparklineChart_OnePoint_EndMarkWithoutALine()
    {
        var svg = Render([new("2016", 7, "7%")]).QuerySelector("svg")!;

        Assert.Null(svg.QuerySelector("polyline"));
        Assert.Equal("60", svg.QuerySelector("circle")!.GetAttribute("cx"));
    }

    [Fact]
    public void SparklineChart_NoPoints_MissingMarkAndWordsNoImage()
    {
        var body = Render([]);

        Assert.Null(body.QuerySelector("svg"));
        Assert.Equal("no trend data", body.QuerySelector(".govuk-visually-hidden")!.TextContent);
        Assert.Equal(DashboardFormatting.MissingMark, body.QuerySelector("[aria-hidden=true]")!.TextContent);
    }
}
