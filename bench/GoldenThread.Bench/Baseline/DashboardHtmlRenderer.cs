// The pre-issue-8 string-concatenation renderer of dashboard.html, recovered from commit ab6c751 (src/GoldenThread.Reporting/DashboardHtmlRenderer.cs).
// Kept only as the benchmark's baseline: the "before" that writing dashboard.html with Razor components
// (PublishedHtml.WriteDashboard) is timed against (dotnet run -c Release --project bench/GoldenThread.Bench --
// --published-html). Frozen: not used by the product; do not fix or improve it.
using System.Globalization;
using System.Net;
using System.Text;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Reporting;

namespace GoldenThread.Bench.Baseline;

/// <summary>
/// Writes the dashboard as one self-contained HTML page in the look of the GOV.UK Design System: inline CSS, no
/// scripts, no external requests, one table per theme, printable on A4 landscape.
/// </summary>
/// <remarks>
/// Every judgement is written in words as well as colour, every sparkline has a text alternative listing its points,
/// and every reason is readable without a mouse (a <c>&lt;details&gt;</c> per measure) as well as on hover
/// (<c>title</c>). All text from the model is HTML-encoded: titles and notes come from users' files.
/// </remarks>
internal static class DashboardHtmlRenderer
{
    public static void Render(Dashboard dashboard, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(writer);

        var w = new HtmlWriter(writer);
        var heading = $"{dashboard.PlanName}: performance dashboard, {dashboard.ReportingPeriod.Label}";

        w.Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Raw("<title>").Text($"{heading} \u2013 {dashboard.CouncilName}").Raw("</title>\n");
        w.Raw("<style>\n").Raw(BaselineStyles.Base).Raw("</style>\n</head>\n<body>\n");
        w.Raw("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n");

        w.Raw("<header class=\"app-header\"><div class=\"govuk-width-container\"><span class=\"app-header__council\">")
            .Text(dashboard.CouncilName).Raw("</span></div></header>\n");

        w.Raw("<div class=\"govuk-width-container\">\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
        w.Raw("<span class=\"govuk-caption-l\">").Text(dashboard.CouncilName).Raw("</span>\n");
        w.Raw("<h1 class=\"govuk-heading-l\">").Text(heading).Raw("</h1>\n");
        WriteSummary(w, dashboard);
        WriteOverview(w, dashboard.Overview);
        WriteKey(w);
        if (dashboard.DisclosureNote is { } note)
        {
            w.Raw("<p class=\"govuk-body-s\" id=\"disclosure\">").Text(note).Raw("</p>\n");
        }
        foreach (var section in dashboard.Sections)
        {
            WriteSection(w, section);
        }

        w.Raw("</main>\n</div>\n</body>\n</html>\n");
    }

    private static void WriteSummary(HtmlWriter w, Dashboard d)
    {
        w.Raw("<dl class=\"govuk-summary-list\">\n");
        void Item(string key, string? value)
        {
            w.Raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Text(key)
                .Raw("</dt><dd class=\"govuk-summary-list__value\">").Text(value ?? DashboardFormatting.MissingMark).Raw("</dd></div>\n");
        }

        Item("Plan", d.PlanName);
        Item("Council", d.LaNumber is { } la ? $"{d.CouncilName} (LA {la.ToString(CultureInfo.InvariantCulture)})" : d.CouncilName);
        Item("Region", d.RegionName);
        Item("Reporting period", d.ReportingPeriod.Label);
        Item("Previous report", d.PreviousReportingPeriod?.Label);
        w.Raw("</dl>\n");
    }

    private static void WriteOverview(HtmlWriter w, OverviewCounts overview)
    {
        w.Raw("<h2 class=\"govuk-heading-m\" id=\"overview\">Overview</h2>\n");
        if (overview.Sentences.Count == 0)
        {
            w.Raw("<p class=\"govuk-body\">No measures have data for this period.</p>\n");
            return;
        }

        w.Raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
        foreach (var sentence in overview.Sentences)
        {
            w.Raw("<li>").Text(sentence).Raw("</li>\n");
        }

        w.Raw("</ul>\n");
    }

    private static void WriteKey(HtmlWriter w)
    {
        w.Raw("<h2 class=\"govuk-heading-m\" id=\"key\">Key</h2>\n<dl class=\"app-key\">\n");
        void Item(string term, string termClass, string meaning) =>
            w.Raw("<div><dt class=\"").Raw(termClass).Raw("\">").Text(term).Raw("</dt><dd>").Text(meaning).Raw("</dd></div>\n");

        foreach (var rag in new[] { Rag.Green, Rag.Amber, Rag.Red, Rag.None })
        {
            Item(DashboardFormatting.RagWords(rag), "govuk-tag " + RagClass(rag), DashboardFormatting.RagMeaning(rag));
        }

        Item(DashboardFormatting.MissingMark, "app-key__mark", DashboardFormatting.MissingMeaning);
        Item(DashboardFormatting.SuppliedMark, "app-key__mark app-key__mark--sup", DashboardFormatting.SuppliedMeaning);
        Item(DashboardFormatting.ProvisionalMark, "app-key__mark app-key__mark--sup", DashboardFormatting.ProvisionalMeaning);
        Item("Quartile", "app-key__mark", DashboardFormatting.QuartileMeaning);
        w.Raw("</dl>\n");
    }

    private static void WriteSection(HtmlWriter w, DashboardSection section)
    {
        var id = "theme-" + Slug(section.ThemeId);
        // The theme's heading sits inside the caption: one visible title that both names the table and shows up in
        // a screen reader's list of headings.
        w.Raw("<table class=\"govuk-table app-dashboard\">\n<caption class=\"govuk-table__caption\"><h2 class=\"govuk-heading-m\" id=\"")
            .Text(id).Raw("\">").Text(section.ThemeTitle).Raw("</h2><span class=\"app-hint\">")
            .Text(section.Rows.Count == 1 ? "1 measure" : $"{section.Rows.Count.ToString(CultureInfo.InvariantCulture)} measures")
            .Raw("</span></caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var header in Headers)
        {
            w.Raw("<th scope=\"col\" class=\"govuk-table__header\">").Text(header).Raw("</th>");
        }

        w.Raw("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        if (section.Rows.Count == 0)
        {
            w.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"")
                .Raw(Headers.Length.ToString(CultureInfo.InvariantCulture))
                .Raw("\">No measures in this theme.</td></tr>\n");
        }

        foreach (var row in section.Rows)
        {
            WriteRow(w, row);
        }

        w.Raw("</tbody>\n</table>\n");
    }

    private static readonly string[] Headers =
    [
        "Measure", "Updated", "Latest period", "Current value", "Better or worse than previous", "Trend", "RAG",
        "National quartile (1 = top)", "Statistical neighbours", "England", "Target",
    ];

    private static void WriteRow(HtmlWriter w, DashboardRow row)
    {
        var m = row.Measure;
        w.Raw("<tr class=\"govuk-table__row\">");

        w.Raw("<th scope=\"row\" class=\"govuk-table__header app-measure\">").Text(m.Title)
            .Raw(" <span class=\"app-hint\">").Text(m.Id).Raw("</span>");
        WriteReasons(w, row);
        w.Raw("</th>");

        w.Raw("<td class=\"govuk-table__cell\"><span aria-hidden=\"true\">").Text(DashboardFormatting.UpdatedFlag(row.Updated))
            .Raw("</span><span class=\"govuk-visually-hidden\">").Text(DashboardFormatting.UpdatedWords(row.Updated)).Raw("</span></td>");

        w.Raw("<td class=\"govuk-table__cell\">");
        if (row.Period is { } p)
        {
            w.Raw("<span title=\"").Text(p.Label).Raw("\">").Text(p.ShortLabel).Raw("</span>");
        }
        else
        {
            Missing(w, "no period");
        }

        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell app-value\">");
        if (row.Value is not null)
        {
            w.Text(row.ValueText);
            if (row.Status == ValueStatus.Provisional)
            {
                Sup(w, DashboardFormatting.ProvisionalMark, "provisional");
            }
        }
        else
        {
            Missing(w, row.ValueText);
            w.Raw(" <span class=\"app-hint\">").Text(row.ValueText).Raw("</span>");
        }

        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\" title=\"").Text(row.Direction.Reason).Raw("\">")
            .Text(DashboardFormatting.DirectionWords(row.Direction.Outcome));
        SuppliedJudgementMark(w, row.Direction.Method);
        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\">");
        var svg = SparklineSvg.ToSvg(Sparkline.PointsOf(row), $"Trend of {m.Title}: ");
        if (svg is null)
        {
            Missing(w, "no trend data");
        }
        else
        {
            w.Raw(svg);
        }

        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\" title=\"").Text(row.Rag.Reason).Raw("\"><strong class=\"govuk-tag ")
            .Raw(RagClass(row.Rag.Outcome)).Raw("\">").Text(DashboardFormatting.RagWords(row.Rag.Outcome)).Raw("</strong>");
        SuppliedJudgementMark(w, row.Rag.Method);
        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\" title=\"").Text(row.QuartileReason).Raw("\">");
        if (row.Quartile is { } q)
        {
            w.Text(q.ToString(CultureInfo.InvariantCulture));
            if (row.QuartileProvenance == Provenance.Supplied)
            {
                Sup(w, DashboardFormatting.SuppliedMark, "supplied");
            }
        }
        else
        {
            Missing(w, "no quartile");
        }

        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\" title=\"").Text(row.StatisticalNeighbourComparison.Reason).Raw("\">");
        SourcedFigure(w, m, row.StatisticalNeighbourAverage, "no statistical neighbour average");
        if (row.StatisticalNeighbourComparison.Outcome != Comparison.NotAvailable)
        {
            w.Raw("<br><span class=\"app-hint\">")
                .Text(DashboardFormatting.ComparisonWords(row.StatisticalNeighbourComparison.Outcome)).Raw("</span>");
        }

        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\">");
        SourcedFigure(w, m, row.England, "no England figure");
        w.Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\">");
        if (row.TargetText is { Length: > 0 })
        {
            w.Text(DashboardFormatting.TargetText(row));
        }
        else
        {
            Missing(w, "no target");
        }

        w.Raw("</td>");
        w.Raw("</tr>\n");
    }

    private static void WriteReasons(HtmlWriter w, DashboardRow row)
    {
        var m = row.Measure;
        w.Raw("<details class=\"govuk-details app-details\"><summary class=\"govuk-details__summary\">")
            .Raw("<span class=\"govuk-details__summary-text\">Why<span class=\"govuk-visually-hidden\"> these ratings for ")
            .Text(m.Title).Raw("</span></span></summary><div class=\"govuk-details__text\"><dl>");
        void Item(string key, string value) => w.Raw("<dt>").Text(key).Raw("</dt><dd>").Text(value).Raw("</dd>");

        foreach (var (judgement, outcome, _, reason) in DashboardFormatting.Reasons(row))
        {
            Item($"{judgement}: {outcome}", reason);
        }

        if (row.PreviousValue is { } pv)
        {
            Item("Previous value", row.PreviousPeriod is { } pp ? $"{m.FormatValue(pv)} ({pp.Label})" : m.FormatValue(pv));
        }

        if (row.Rank is { } rank)
        {
            Item("National rank", row.RankedCount is { } n
                ? $"{rank.ToString(CultureInfo.InvariantCulture)} of {n.ToString(CultureInfo.InvariantCulture)}"
                : rank.ToString(CultureInfo.InvariantCulture));
        }

        if (row.NeighboursWithValues is { } nv)
        {
            Item("Statistical neighbours with a value", nv.ToString(CultureInfo.InvariantCulture));
        }

        if (row.Region is { } region)
        {
            Item(row.RegionName ?? "Region", Sourced(m, region));
        }

        Item("Outcome", row.OutcomeTitle);
        if (!string.IsNullOrWhiteSpace(row.Note))
        {
            Item("Note", row.Note);
        }

        w.Raw("</dl></div></details>");
    }

    private static string Sourced(Measure m, Sourced s) =>
        s.Provenance == Provenance.Supplied ? $"{m.FormatValue(s.Value)} (supplied)" : m.FormatValue(s.Value);

    private static void SourcedFigure(HtmlWriter w, Measure m, Sourced? figure, string missingWords)
    {
        if (figure is { } f && double.IsFinite(f.Value))
        {
            w.Text(m.FormatValue(f.Value));
            if (f.Provenance == Provenance.Supplied)
            {
                Sup(w, DashboardFormatting.SuppliedMark, "supplied");
            }
        }
        else
        {
            Missing(w, missingWords);
        }
    }

    private static void SuppliedJudgementMark(HtmlWriter w, JudgementMethod method)
    {
        if (method == JudgementMethod.Supplied)
        {
            Sup(w, DashboardFormatting.SuppliedMark, "supplied");
        }
    }

    // The mark is hidden from screen readers, which read the words instead ("supplied", "provisional").
    private static void Sup(HtmlWriter w, string mark, string words) =>
        w.Raw("<sup class=\"app-mark\" aria-hidden=\"true\">").Text(mark).Raw("</sup><span class=\"govuk-visually-hidden\"> (")
            .Text(words).Raw(")</span>");

    private static void Missing(HtmlWriter w, string words) =>
        w.Raw("<span aria-hidden=\"true\">").Text(DashboardFormatting.MissingMark).Raw("</span><span class=\"govuk-visually-hidden\">")
            .Text(words).Raw("</span>");

    private static string RagClass(Rag rag) => rag switch
    {
        Rag.Red => "app-rag--red",
        Rag.Amber => "app-rag--amber",
        Rag.Green => "app-rag--green",
        _ => "app-rag--none",
    };

    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString();
    }

    private sealed class HtmlWriter(TextWriter inner)
    {
        public HtmlWriter Raw(string html)
        {
            inner.Write(html);
            return this;
        }

        public HtmlWriter Text(string text)
        {
            inner.Write(WebUtility.HtmlEncode(text));
            return this;
        }
    }
}
