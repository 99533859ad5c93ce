using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using GoldenThread.Core;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Reporting.AreaComparisons;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Reporting.Tests.AreaComparisons;

public sealed class AreaComparisonRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Appendix C, reception obese, four of its rows, plus a suppressed area and one with a small count.
    private static AreaComparisonResult Result()
    {
        var indicator = ComparisonIndicator.Create("obese", "Obese", Polarity.LowerIsBetter, 1, "{value} of {group} children in {area} are obese").Value;
        AreaFigure F(string area, double v, double l, double u) => AreaFigure.Published("obese", "Reception", area, v, l, u).Value;
        var figures = new[]
        {
            F("England", 9.1, 9.0, 9.2),
            F("East Midlands", 8.6, 8.3, 8.8),
            F("Leicestershire & <Rutland>", 7.5, 6.9, 8.2),
            F("Charnwood", 9.0, 7.8, 10.4),
            AreaFigure.NotPublished("obese", "Reception", "Harborough", "suppressed in source (X)"),
            AreaFigure.FromCounts("obese", "Reception", "Tiny", 3, 40).Value,
        };
        return AreaComparisonEvaluator.Evaluate([indicator], figures, new AreaComparisonOptions(["England", "East Midlands"], "Leicestershire & <Rutland>")).Value;
    }

    private static string ChartSvg(ComparisonTable table)
    {
        var writer = new StringWriter();
        PublishedHtml.WriteComparisonChart(table, writer);
        return writer.ToString();
    }

    private static string Page(string heading)
    {
        var writer = new StringWriter();
        PublishedHtml.WriteAreaComparison(Result(), heading, writer);
        return writer.ToString();
    }

    [Fact]
    public void ComparisonChart_Table_IsWellFormedAccessibleXml()
    {
        var svg = XDocument.Parse(ChartSvg(Result().Tables[0])).Root!;

        Assert.Equal("img", (string?)svg.Attribute("role"));
        var title = svg.Element(Svg + "title")!;
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Obese, Reception: per cent by area with 95% confidence intervals", title.Value);
        Assert.Contains("Compared with England, significantly lower (better): East Midlands (8.6%), Leicestershire & <Rutland> (7.5%); similar: Charnwood (9.0%)", desc.Value, StringComparison.Ordinal);
        Assert.Contains("not published: Harborough", desc.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonChart_SuppressedAreas_ShowTheWordNotABar()
    {
        var svg = XDocument.Parse(ChartSvg(Result().Tables[0]));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("suppressed", texts);
        Assert.Contains("suppressed (small count)", texts);
        // A bar per shown area (4), each labelled in words, never by colour alone.
        Assert.Equal(4, svg.Descendants(Svg + "rect").Count(r => r.Parent!.Name == Svg + "svg"));
        Assert.Contains("significantly lower than England and East Midlands (better)", texts);
        Assert.Contains("similar to England and East Midlands", texts);
    }

    [Fact]
    public void WriteAreaComparison_Page_HasChartTableSentencesAndFootnote()
    {
        var html = Page("NCMP 2014/15");

        var doc = new HtmlParser().ParseDocument(html);
        Assert.Single(doc.QuerySelectorAll("svg[role=img]"));
        var table = Assert.Single(doc.QuerySelectorAll("table"));
        var header = table.QuerySelectorAll("thead th").Select(h => h.TextContent).ToList();
        Assert.Equal(["Area", "Per cent", "Lower 95% limit", "Upper 95% limit", "Interval", "Children counted", "Compared with England", "Compared with East Midlands"], header);
        var tiny = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Tiny");
        Assert.Equal("*", tiny.QuerySelectorAll("td")[0].TextContent);
        Assert.DoesNotContain("3 of 40", html, StringComparison.Ordinal);
        Assert.StartsWith("* Suppressed", doc.QuerySelector(".app-footnote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll("li"), li => li.TextContent == "7.5% of Reception children in Leicestershire & <Rutland> are obese, significantly lower than the England and East Midlands averages (9.1% and 8.6% respectively).");
    }

    [Fact]
    public void WriteAreaComparison_SharesTheDashboardStylesheet()
    {
        var dashboard = new StringWriter();
        PublishedHtml.WriteDashboard(DashboardFixture.Build(), dashboard);
        var parser = new HtmlParser();
        var dashboardStyles = parser.ParseDocument(dashboard.ToString()).QuerySelector("style")!.TextContent;

        var comparisonStyles = parser.ParseDocument(Page("NCMP")).QuerySelector("style")!.TextContent;

        Assert.Contains(".app-header", dashboardStyles, StringComparison.Ordinal);
        Assert.StartsWith(dashboardStyles, comparisonStyles, StringComparison.Ordinal);
        Assert.Contains(".app-chart", comparisonStyles, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderJson_Rows_CarryProvenanceJudgementReasonAndNoSuppressedCounts()
    {
        using var stream = new MemoryStream();
        AreaComparisonJsonRenderer.Render(Result(), stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var rows = json.RootElement.GetProperty("tables")[0].GetProperty("rows");
        var leics = rows[2];
        Assert.Equal("given", leics.GetProperty("interval").GetString());
        Assert.Equal(6.9, leics.GetProperty("lower").GetDouble());
        var vsEngland = leics.GetProperty("comparisons")[0];
        Assert.Equal("Better", vsEngland.GetProperty("outcome").GetString());
        Assert.Equal("England (9.1) lies above the 95% confidence interval (6.9 to 8.2): significantly better", vsEngland.GetProperty("reason").GetString());
        var tiny = rows[5];
        Assert.Equal("suppressed-small-count", tiny.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, tiny.GetProperty("value").ValueKind);
        Assert.False(tiny.TryGetProperty("numerator", out _));
    }
}
