using AngleSharp.Html.Parser;
using GoldenThread.Reporting.Tests;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Views.Tests.Dashboard;

/// <summary>
/// A judgement supplied with the value is marked in dashboard.html as supplied benchmarks are: the superscript s, and
/// "supplied" for a screen reader (the other outputs: GoldenThread.Reporting.Tests' SuppliedJudgementRenderingTests).
/// </summary>
public sealed class SuppliedJudgementHtmlTests
{
    private static readonly Core.Dashboard.Dashboard WithSupplied = DashboardFixture.BuildWithSuppliedJudgements();

    [Fact]
    public void Html_SuppliedJudgements_MarkedLikeSuppliedBenchmarks()
    {
        var writer = new StringWriter();
        PublishedHtml.WriteDashboard(WithSupplied, writer);
        var doc = new HtmlParser().ParseDocument(writer.ToString());
        var row = doc.QuerySelectorAll("tbody tr").Single(r => r.GetAttribute("data-measure") == "PLAC3");

        Assert.Equal("Improveds (supplied)", row.Children[4].QuerySelector(".app-direction")!.TextContent);
        Assert.Equal("Ambers (supplied)", row.Children[6].TextContent.Trim());
    }
}
