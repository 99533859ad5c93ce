using System.Xml.Linq;
using AngleSharp.Html.Parser;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Reporting.Tests;
using GoldenThread.Reporting.Tests.AreaComparisons;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Views.Tests.AreaComparisons;

/// <summary>comparison.html and the charts' SVG files, read back as HTML and as XML.</summary>
public sealed class AreaComparisonFileTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string ChartSvg(ComparisonTable table)
    {
        var writer = new StringWriter();
        PublishedHtml.WriteComparisonChart(table, writer);
        return writer.ToString();
    }

    private static string Page(string heading)
    {
        var writer = new StringWriter();
        PublishedHtml.WriteAreaComparison(AreaComparisonFixture.Result(), heading, writer);
        return writer.ToString();
    }

    [Fact]
    public void ComparisonChart_Table_IsWellFormedAccessibleXml()
    {
        var svg = XDocument.Parse(ChartSvg(AreaComparisonFixture.Result().Tables[0])).Root!;

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
        var svg = XDocument.Parse(ChartSvg(AreaComparisonFixture.Result().Tables[0]));
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
}
