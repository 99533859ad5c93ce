using GoldenThread.Views.Rendering;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GoldenThread.Reporting.Tests;

namespace GoldenThread.Views.Tests.Dashboard;

public sealed class DashboardFileTests
{
    private static readonly (string Html, IHtmlDocument Document, List<string> ParseErrors) Rendered = Render();

    private static (string, IHtmlDocument, List<string>) Render()
    {
        var writer = new StringWriter();
        PublishedHtml.WriteDashboard(DashboardFixture.Build(), writer);
        var html = writer.ToString();
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message);
        return (html, parser.ParseDocument(html), errors);
    }

    private static IHtmlDocument Doc => Rendered.Document;

    private static IElement RowOf(string measureId) =>
        Doc.QuerySelectorAll("tbody tr").Single(r => r.GetAttribute("data-measure") == measureId);

    private static string CellText(string measureId, int columnIndex) =>
        RowOf(measureId).Children[columnIndex].TextContent.Trim();

    [Fact]
    public void Render_Fixture_ParsesWithoutHtmlErrors()
    {
        Assert.Empty(Rendered.ParseErrors);
        Assert.StartsWith("<!DOCTYPE html>", Rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyTheme_SaysSoInsideTheTable()
    {
        var dashboard = DashboardFixture.Build() with { Sections = [new("empty", "Thriving Communities", [])] };
        var writer = new StringWriter();
        PublishedHtml.WriteDashboard(dashboard, writer);
        var doc = new HtmlParser().ParseDocument(writer.ToString());
        Assert.Equal("No measures in this theme.", doc.QuerySelector("tbody td[colspan='11']")!.TextContent);
    }

    [Fact]
    public void Render_Fixture_DeclaresBritishEnglish()
    {
        Assert.Equal("en-GB", Doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Render_Fixture_HasOneCaptionedTablePerTheme()
    {
        var captions = Doc.QuerySelectorAll("table > caption").ToList();
        Assert.Equal(
            ["Children and Young People are Safe", "Children and Young People Achieve their Potential"],
            captions.Select(c => c.QuerySelector("h2")!.TextContent));
        Assert.Equal(["3 measures", "2 measures"], captions.Select(c => c.QuerySelector(".app-hint")!.TextContent));
    }

    [Fact]
    public void Render_Fixture_EveryHeaderCellHasScope()
    {
        var columnHeaders = Doc.QuerySelectorAll("thead th");
        Assert.Equal(22, columnHeaders.Length); // 11 columns in each of 2 tables
        Assert.All(columnHeaders, th => Assert.Equal("col", th.GetAttribute("scope")));
        var bodyRows = Doc.QuerySelectorAll("tbody tr");
        Assert.Equal(5, bodyRows.Length);
        Assert.All(bodyRows, tr => Assert.Equal("row", tr.Children[0].GetAttribute("scope")));
    }

    [Theory]
    [InlineData("PLAC3", "Amber")]
    [InlineData("CPP2Y", "Green")]
    [InlineData("CIN<1>", "No rating")]
    [InlineData("SLF1", "No rating")]
    [InlineData("KS2FSM", "Red")]
    public void Render_Rag_WrittenAsAWordInATag(string measureId, string expectedWord)
    {
        var tag = RowOf(measureId).QuerySelector("strong.govuk-tag")!;
        Assert.Equal(expectedWord, tag.TextContent);
    }

    [Theory]
    [InlineData("PLAC3", "Improved")]
    [InlineData("CPP2Y", "No significant change")]
    [InlineData("CIN<1>", "No comparison")]
    [InlineData("SLF1", "Higher")]
    public void Render_Direction_WrittenAsWords(string measureId, string expected)
    {
        Assert.Equal(expected, RowOf(measureId).Children[4].QuerySelector(".app-direction")!.TextContent);
    }

    [Fact]
    public void Render_Sparkline_IsAnImageWithTheTrendPointsAsText()
    {
        var svg = RowOf("PLAC3").QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        const string expected =
            "Trend of % children with 3 or more placements during the year: 2015/16 Q1: 13.40%, 2015/16 Q2: 13.10%, 2015/16 Q3: 12.55%";
        Assert.Equal(expected, svg.QuerySelector("title")!.TextContent);
        Assert.Equal(expected, svg.GetAttribute("aria-label"));
        Assert.Equal("0 0 120 28", svg.GetAttribute("viewBox"));
    }

    [Fact]
    public void Render_SpecialCharactersInTitle_EncodedAndReadBackUnchanged()
    {
        var header = RowOf("CIN<1>").Children[0];
        Assert.StartsWith(DashboardFixture.SpecialTitle, header.TextContent, StringComparison.Ordinal);
        Assert.Empty(Doc.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script>", Rendered.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;5 &amp; ", Rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingValue_ShownAsDashWithWordsForScreenReaders()
    {
        var valueCell = RowOf("CIN<1>").Children[3];
        Assert.Equal("\u2013", valueCell.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Contains("awaiting local data", valueCell.TextContent, StringComparison.Ordinal);
        Assert.Equal("\u2013", RowOf("CIN<1>").Children[8].QuerySelector("[aria-hidden=true]")!.TextContent);
    }

    [Theory]
    [InlineData("CPP2Y", 8, "2.40%s (supplied)Better")]
    [InlineData("CPP2Y", 9, "2.10%s (supplied)")]
    [InlineData("CPP2Y", 7, "1s (supplied)")]
    [InlineData("PLAC3", 9, "10.00%")]
    [InlineData("PLAC3", 8, "11.80%Worse")]
    public void Render_Benchmarks_SuppliedFiguresMarked(string measureId, int column, string expectedText)
    {
        Assert.Equal(expectedText, CellText(measureId, column));
    }

    [Fact]
    public void Render_ValueWithCount_ShownAsTheModelWritesIt()
    {
        Assert.Equal("0.59% (2)p (provisional)", CellText("CPP2Y", 3));
        Assert.Equal("12.55%", CellText("PLAC3", 3));
    }

    [Fact]
    public void Render_Reasons_AvailableInTitleAndDetails()
    {
        var row = RowOf("PLAC3");
        Assert.Equal(DashboardFixture.PlacementsRow.Rag.Reason, row.Children[6].GetAttribute("title"));
        var details = row.QuerySelector("details")!.TextContent;
        Assert.Contains(DashboardFixture.PlacementsRow.Direction.Reason, details, StringComparison.Ordinal);
        Assert.Contains(DashboardFixture.PlacementsRow.QuartileReason, details, StringComparison.Ordinal);
        Assert.Contains(DashboardFixture.PlacementsRow.StatisticalNeighbourComparison.Reason, details, StringComparison.Ordinal);
        Assert.Contains("National rank110 of 152", details, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Header_NamesPlanCouncilPeriodAndRegion()
    {
        Assert.Equal("Children & Families Outcomes Framework: performance dashboard, 2015/16 Q3", Doc.QuerySelector("h1")!.TextContent);
        var summary = Doc.QuerySelectorAll(".govuk-summary-list__row").Select(r => r.TextContent).ToList();
        Assert.Equal(
            ["PlanChildren & Families Outcomes Framework", "CouncilLeicestershire County Council (LA 855)", "RegionEast Midlands",
             "Reporting period2015/16 Q3", "Previous report2015/16 Q2"],
            summary);
    }

    [Fact]
    public void Render_Overview_OpensWithTheSentences()
    {
        var items = Doc.QuerySelectorAll("#overview + ul li").Select(li => li.TextContent);
        Assert.Equal(DashboardFixture.Build().Overview.Sentences, items);
    }

    [Fact]
    public void Render_Page_IsSelfContainedAndPrintsOnA4Landscape()
    {
        Assert.Empty(Doc.QuerySelectorAll("script, link, img, iframe, object"));
        Assert.DoesNotContain(Doc.All, e => e.HasAttribute("src"));
        Assert.DoesNotContain("@import", Rendered.Html, StringComparison.Ordinal);
        var css = Doc.QuerySelector("style")!.TextContent;
        Assert.Contains("@page { size: A4 landscape; margin: 10mm; }", css, StringComparison.Ordinal);
        Assert.Contains("print-color-adjust: exact", css, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", css, StringComparison.Ordinal);
        Assert.Contains("break-inside: avoid", css, StringComparison.Ordinal);
    }
}
