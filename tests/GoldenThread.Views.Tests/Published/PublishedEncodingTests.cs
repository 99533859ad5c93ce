using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GoldenThread.Core;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Data.Workspace;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Views.Tests.Published;

/// <summary>
/// Everything a council writes reaches the published files as text, never as markup: a plan (read from YAML, with a
/// values file) whose names, titles and notes hold a script element, both quotes, an ampersand and a template
/// placeholder, rendered as dashboard.html and as an area-comparison page, and read back with AngleSharp.
/// </summary>
public sealed partial class PublishedEncodingTests
{
    private const string Hostile = "<script>alert(1)</script> \"dq\" 'sq' & {{x}}";

    private static readonly string Council = "Council " + Hostile;
    private static readonly string PlanName = "Plan " + Hostile;
    private static readonly string Theme = "Theme " + Hostile;
    private static readonly string Outcome = "Outcome " + Hostile;
    private static readonly string Measure = "Measure " + Hostile;
    private static readonly string Note = "Note " + Hostile;

    private static string Yaml(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Csv(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Core.Dashboard.Dashboard BuildDashboard()
    {
        var dir = Path.Combine(Path.GetTempPath(), "goldenthread-encoding", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var plan = Path.Combine(dir, "plan.yaml");
        File.WriteAllLines(plan,
        [
            $"plan: {Yaml(PlanName)}",
            $"council: {Yaml(Council)}",
            "years: 2020-2023",
            "measures:",
            "  - id: m1",
            $"    title: {Yaml(Measure)}",
            "    unit: percentage",
            "    polarity: higher-is-better",
            "    frequency: financial-year",
            "themes:",
            "  - id: T1",
            $"    title: {Yaml(Theme)}",
            "    outcomes:",
            "      - id: O1",
            $"        title: {Yaml(Outcome)}",
            "        measures: [m1]",
        ]);
        var values = Path.Combine(dir, "values.csv");
        File.WriteAllLines(values,
        [
            "measure,period,value,note",
            $"m1,2020/21,61.5,{Csv(Note)}",
            $"m1,2021/22,64.25,{Csv(Note)}",
        ]);
        var inputs = ReportLoader.Load(new ReportSources { PlanPath = plan, ValuesPath = values });
        return DashboardDisclosure.Apply(DashboardBuilder.Build(inputs), DisclosureRules.Default);
    }

    private static AreaComparisonResult BuildComparison()
    {
        var indicator = ComparisonIndicator.Create("i1", Measure, Polarity.LowerIsBetter, 1).Value;
        var figures = new[]
        {
            AreaFigure.Published("i1", Theme, "England", 9.1, 9.0, 9.2).Value,
            AreaFigure.Published("i1", Theme, Council, 7.5, 6.9, 8.2).Value,
            AreaFigure.NotPublished("i1", Theme, Outcome, Note),
        };
        return AreaComparisonEvaluator.Evaluate([indicator], figures, new AreaComparisonOptions(["England"], Council)).Value;
    }

    private static IHtmlDocument Parse(Action<TextWriter> write)
    {
        var writer = new StringWriter();
        write(writer);
        return new HtmlParser().ParseDocument(writer.ToString());
    }

    [Fact]
    public void DashboardHtml_HostilePlanText_ReadsBackAsTextWithNoScriptAndNoBrokenAttribute()
    {
        var dashboard = BuildDashboard();
        Assert.Equal(Council, dashboard.CouncilName);
        var doc = Parse(w => PublishedHtml.WriteDashboard(dashboard, w));

        AssertNothingInjected(doc);
        Assert.Equal($"{PlanName}: performance dashboard, 2021/22 \u2013 {Council}", doc.Title);
        Assert.Equal(Council, doc.QuerySelector(".app-header__council")!.TextContent);
        Assert.Equal(Council, doc.QuerySelector(".govuk-caption-l")!.TextContent);
        Assert.Equal($"{PlanName}: performance dashboard, 2021/22", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(Theme, doc.QuerySelector("table caption h2")!.TextContent);

        var row = Assert.Single(doc.QuerySelectorAll("tbody tr[data-measure]"));
        Assert.Equal("m1", row.GetAttribute("data-measure"));
        var title = row.QuerySelector("th")!;
        Assert.Equal(Measure, title.ChildNodes.OfType<IText>().Select(t => t.Data).Single(t => t.Trim().Length > 0).Trim());
        Assert.Equal(" these ratings for " + Measure, title.QuerySelector(".govuk-details__summary .govuk-visually-hidden")!.TextContent);
        Assert.Equal(Outcome, Definition(title, "Outcome"));
        Assert.Equal(Note, Definition(title, "Note"));

        // An attribute holding the title is read back whole: the quotes did not end it.
        var sparkline = row.QuerySelector("svg.app-sparkline")!;
        Assert.StartsWith($"Trend of {Measure}: ", sparkline.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(sparkline.GetAttribute("aria-label"), sparkline.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void AreaComparisonPage_HostileNames_ReadBackAsTextWithNoScriptAndNoBrokenAttribute()
    {
        var heading = "Heading " + Hostile;
        var doc = Parse(w => PublishedHtml.WriteAreaComparison(BuildComparison(), heading, w));

        AssertNothingInjected(doc);
        Assert.Equal(heading, doc.Title);
        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(Council, doc.QuerySelector(".app-header__council")!.TextContent);
        Assert.Equal(Council, doc.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent == "Area of interest").QuerySelector("dd")!.TextContent);
        Assert.Equal($"{Measure}, {Theme}", doc.QuerySelector("section h2")!.TextContent);
        var areas = doc.QuerySelectorAll("tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(["England", Council, Outcome], areas);
        var notPublished = doc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == Outcome);
        Assert.Equal("not published: " + Note, notPublished.QuerySelectorAll("td")[3].TextContent);

        var svg = doc.QuerySelector("svg.app-chart")!;
        Assert.Equal($"{Measure}, {Theme}: per cent by area with 95% confidence intervals", svg.QuerySelector("title")!.TextContent);
        Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == Council);
        Assert.Contains(Council + " (7.5%)", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonChartSvg_HostileNames_IsWellFormedXmlWithTheTextVerbatim()
    {
        var writer = new StringWriter();
        PublishedHtml.WriteComparisonChart(BuildComparison().Tables[0], writer);

        var svg = System.Xml.Linq.XDocument.Parse(writer.ToString()).Root!;
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Empty(svg.Descendants(ns + "script"));
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == Council);
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == Outcome);
    }

    // The <dd> after the <dt> that reads "Outcome", "Note".
    private static string Definition(IElement scope, string term) =>
        scope.QuerySelectorAll("dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent;

    private static void AssertNothingInjected(IHtmlDocument doc)
    {
        Assert.Empty(doc.QuerySelectorAll("script"));
        var elements = doc.QuerySelectorAll("*").ToList();
        // A quote that ended an attribute would leave attributes named after the text that followed it (dq, sq, &, {{x}}).
        var attributes = elements.SelectMany(e => e.Attributes.Select(a => (e.LocalName, a.Name))).ToList();
        Assert.All(attributes, a => Assert.Matches(AttributeName(), a.Name));
        Assert.DoesNotContain(attributes, a => a.Name is "dq" or "sq" or "alert(1)" or "&");
        // The placeholder is text, not something a template filled in.
        Assert.Contains("{{x}}", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(elements, e => e.LocalName.Contains("alert", StringComparison.Ordinal));
    }

    [GeneratedRegex("^(?:[a-z][a-z0-9-]*|viewBox|patternUnits|patternTransform|xmlns)$")]
    private static partial Regex AttributeName();
}
