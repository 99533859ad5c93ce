using System.Text.RegularExpressions;
using GoldenThread.Views.Govuk;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Web.Tests;

/// <summary>The GOV.UK components render GOV.UK Frontend 5's markup, with hints and errors wired to their fields.</summary>
public sealed class GovukComponentTests
{
    private static readonly IReadOnlyList<Choice> Needs = [new("prevent", "Prevent"), new("reduce", "Reduce", "Early help"), new("meet", "Meet")];

    private static string Squash(string html) => Regex.Replace(html, ">\\s+<", "><");

    [Fact]
    public async Task Radios_HintAndError_DescribeTheFieldsetAndTheFirstRadioTakesTheGroupsId()
    {
        var html = Squash(await StaticHtml.RenderAsync<Radios>(new Dictionary<string, object?>
        {
            ["IdPrefix"] = "need", ["Legend"] = "Need level", ["Hint"] = "Choose one", ["Error"] = "Select a need level", ["Value"] = "reduce", ["Choices"] = Needs,
        }));

        Assert.StartsWith("<div class=\"govuk-form-group govuk-form-group--error\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"need-hint need-error\">", html);
        Assert.Contains("<p id=\"need-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Select a need level</p>", html);
        Assert.Contains("<div class=\"govuk-radios\" data-module=\"govuk-radios\">", html);
        Assert.Contains("<input class=\"govuk-radios__input\" id=\"need\" name=\"need\" type=\"radio\" value=\"prevent\" />", html);
        Assert.Contains("<input class=\"govuk-radios__input\" id=\"need-2\" name=\"need\" type=\"radio\" value=\"reduce\" checked aria-describedby=\"need-2-item-hint\" />", html);
        Assert.Contains("<div id=\"need-2-item-hint\" class=\"govuk-hint govuk-radios__hint\">Early help</div>", html);
        Assert.Contains("<label class=\"govuk-label govuk-radios__label\" for=\"need-3\">Meet</label>", html);
    }

    [Fact]
    public async Task Checkboxes_ValuesTicked_EachCheckedAndNoErrorMarkupWithoutAnError()
    {
        var html = Squash(await StaticHtml.RenderAsync<Checkboxes>(new Dictionary<string, object?>
        {
            ["IdPrefix"] = "needs", ["Legend"] = "Need levels", ["Values"] = new[] { "PREVENT", "meet" }, ["Choices"] = Needs,
        }));

        Assert.StartsWith("<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend\">Need levels</legend>", html);
        Assert.Equal(2, Regex.Matches(html, " checked").Count);
        Assert.Contains("id=\"needs-3\" name=\"needs\" type=\"checkbox\" value=\"meet\" checked", html);
        Assert.DoesNotContain("error", html);
    }

    [Fact]
    public async Task FileUpload_Error_MarksTheInputAndDescribesIt()
    {
        var html = Squash(await StaticHtml.RenderAsync<FileUpload>(new Dictionary<string, object?>
        {
            ["Id"] = "values", ["Label"] = "Values file", ["Error"] = "Choose a CSV or XLSX file", ["Accept"] = ".csv,.xlsx",
        }));

        Assert.Contains("<input class=\"govuk-file-upload govuk-file-upload--error\" id=\"values\" name=\"values\" type=\"file\" accept=\".csv,.xlsx\" aria-describedby=\"values-error\" />", html);
    }

    [Fact]
    public async Task Table_RowIdsAndTextCells_EncodedInsideAFocusableScrollRegion()
    {
        var html = Squash(await StaticHtml.RenderAsync<Table>(new Dictionary<string, object?>
        {
            ["Caption"] = "Intentions",
            ["Head"] = new TableHeader[] { "Intention", new("Count", Numeric: true) },
            ["Rows"] = new[] { new TableRow(["<script>alert(1)</script>", new TableCell("3", Numeric: true)], "CI-1") },
        }));

        Assert.StartsWith("<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls sideways on small screens\"><table class=\"govuk-table\">", html);
        Assert.Contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">Intentions</caption>", html);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Count</th>", html);
        Assert.Contains("<tr class=\"govuk-table__row\" id=\"CI-1\"><th scope=\"row\" class=\"govuk-table__header\">&lt;script&gt;alert(1)&lt;/script&gt;</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td></tr>", html);
    }

    [Fact]
    public async Task Pagination_NumberedPages_CurrentMarkedAndEllipsisNotALink()
    {
        var html = Squash(await StaticHtml.RenderAsync<Pagination>(new Dictionary<string, object?>
        {
            ["Previous"] = new PageLink("?page=1"), ["Next"] = new PageLink("?page=3"),
            ["Items"] = new[] { new PageItem(1, "?page=1"), new PageItem(2, "?page=2", Current: true), new PageItem(null), new PageItem(9, "?page=9") },
        }));

        Assert.StartsWith("<nav class=\"govuk-pagination\" aria-label=\"Pagination\"><div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"?page=1\" rel=\"prev\">", html);
        Assert.Contains("<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"?page=2\" aria-label=\"Page 2\" aria-current=\"page\">2</a></li>", html);
        Assert.Contains("<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">", html);
        Assert.Contains("Next<span class=\"govuk-visually-hidden\"> page</span>", html);
    }

    [Fact]
    public async Task NotificationBannerAndTag_SuccessIsAnAlertAndTheTagKeepsItsWords()
    {
        var banner = Squash(await StaticHtml.RenderAsync<NotificationBanner>(new Dictionary<string, object?> { ["Success"] = true, ["Heading"] = "Commentary added" }));
        var tag = await StaticHtml.RenderAsync<Tag>(new Dictionary<string, object?> { ["Colour"] = "red", ["ChildContent"] = (Microsoft.AspNetCore.Components.RenderFragment)(b => b.AddContent(0, "Overdue")) });

        Assert.StartsWith("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" aria-labelledby=\"govuk-notification-banner-title\" data-module=\"govuk-notification-banner\">", banner);
        Assert.Contains("<h2 class=\"govuk-notification-banner__title\" id=\"govuk-notification-banner-title\">Success</h2>", banner);
        Assert.Contains("<p class=\"govuk-notification-banner__heading\">Commentary added</p>", banner);
        Assert.Equal("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>", tag.Trim());
    }
}
