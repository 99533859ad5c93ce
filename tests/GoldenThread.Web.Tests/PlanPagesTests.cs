using System.Net;
using System.Text.RegularExpressions;

namespace GoldenThread.Web.Tests;

/// <summary>The plan, golden-thread and delivery pages as Razor components: what a person sees on each.</summary>
public sealed partial class PlanPagesTests
{
    private const string Ws = "/w/leicestershire-2020-23";
    private const string Q3 = "/w/leicestershire-2015-16-q3";

    [Fact]
    public async Task PlanPage_Leicestershire2020_ShowsCrossCuttingThemesLevelsWithCadenceAndStrategyRegister()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Ws);

        Assert.Contains("<h2 class=\"govuk-heading-m\">Cross-cutting themes</h2>", html);
        Assert.Contains("<strong>Partnership working</strong>", html);
        Assert.Contains(">Planning and performance levels</caption>", html);
        Assert.Matches(Row("Partnerships and Corporate", "Children &amp; Families Partnership Plan; LCC Strategic Plan",
            "Children &amp; Families Partnership Board; Corporate Management Team", "quarterly"), html);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("quarterly (Heads of Service); bi-annual (Assistant Directors)", html);
        Assert.Contains(">The strategy register</caption>", html);
        Assert.Matches(Row("Medium Term Financial Strategy", "\u2013"), text);
        Assert.Contains(">Specialist Strategies</td>", html);
    }

    [Fact]
    public async Task PlanPage_Q3Sample_ListsTheStrategicPrioritiesItsIntentionsServe()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Q3);

        Assert.Contains("<h2 class=\"govuk-heading-m\">Strategic priorities</h2>", html);
        Assert.Contains("<li>SP-SCF: ", html);
        Assert.DoesNotContain("Planning and performance levels", html);
    }

    [Fact]
    public async Task ActionsPage_PlanWithNoActions_SaysSoOnceWithNoCountsOrDownload()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Q3 + "/actions");

        Assert.Single(Regex.Matches(html, "This plan lists no actions\\."));
        Assert.DoesNotContain("0 actions", html);
        Assert.DoesNotContain("listed first", html);
        Assert.DoesNotContain("actions.csv", html);
    }

    [Fact]
    public async Task ActionsPage_PlanWithActions_CountsThemAndEachRowHasItsAnchor()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Ws + "/actions");

        Assert.Matches("<p class=\"govuk-body\">[0-9]+ actions; (none|[0-9]+) overdue on [0-9]+ [A-Z][a-z]+ [0-9]{4}", html);
        Assert.Contains("<tr class=\"govuk-table__row\" id=\"action-1.1a\">", html);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--grey\">", html);
    }

    [Fact]
    public async Task ActionsPage_ActionsOfAWholeTheme_ListedUnderTheirThemeAndLinkedFromTheThread()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/w/central-bedfordshire-2013/actions");
        var thread = await client.GetStringAsync("/w/central-bedfordshire-2013/thread");

        Assert.DoesNotContain("This plan lists no actions.", html);
        Assert.Contains(">Actions of the whole theme</caption>", html);
        Assert.Contains("<tr class=\"govuk-table__row\" id=\"action-EA-1\"><th scope=\"row\" class=\"govuk-table__header\">EA-1 ", html);
        Assert.Contains("href=\"/w/central-bedfordshire-2013/actions#action-EA-1\">EA-1</a>", thread);
    }

    [Fact]
    public async Task IntentionsPage_PlanWithNoIntentions_SaysSoOnce()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Ws + "/intentions");

        Assert.Single(Regex.Matches(html, "This plan lists no commissioning intentions\\."));
        Assert.DoesNotContain("<table", html);
    }

    [Fact]
    public async Task IntentionsPage_Matrix_UsesTheFullWidthOfTheScreen()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Q3 + "/intentions");

        Assert.Contains("<main class=\"govuk-main-wrapper\" id=\"main-content\">", html);
        Assert.Matches("<div class=\"govuk-width-container app-width-container--wide\">\\s*<main", html);
        Assert.Contains("<table class=\"govuk-table app-matrix\">", html);
        Assert.Contains(">All outcomes</th>", html);
    }

    [Fact]
    public async Task OutcomePage_Breadcrumbs_OneLineToTheThreadAndTheTheme()
    {
        using var app = new AppFactory();
        var html = await app.CreateClient().GetStringAsync(Ws + "/outcomes/A1.P1");

        var crumbs = Regex.Match(html, "<ol class=\"govuk-breadcrumbs__list\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["Golden thread", "Theme A1"], Regex.Matches(crumbs, ">([^<]+)</a>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task ThreadPage_EachTheme_OpensFromItsSummaryToItsPage()
    {
        using var app = new AppFactory();
        var response = await app.CreateClient().GetAsync(Ws + "/thread");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Theme A1: [^<]+</span></summary>", html);
        Assert.Contains("Theme A1 page</a>", html);
    }

    private static Regex Row(params string[] cells) =>
        new("<th scope=\"row\" class=\"govuk-table__header\">" + Regex.Escape(cells[0]) + "</th>\\s*"
            + string.Concat(cells.Skip(1).Select(c => "<td class=\"govuk-table__cell\">" + Regex.Escape(c) + "</td>\\s*")));
}
