using System.Globalization;
using System.Net;
using System.Text;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Reporting;

/// <summary>
/// Writes the dashboard as one self-contained HTML page in the look of the GOV.UK Design System: inline CSS, no
/// scripts, no external requests, one table per theme, printable on A4 landscape.
/// </summary>
/// <remarks>
/// Every judgement is written in words as well as colour, every sparkline has a text alternative listing its points,
/// and every reason is readable without a mouse (a <c>&lt;details&gt;</c> per measure) as well as on hover
/// (<c>title</c>). All text from the model is HTML-encoded: titles and notes come from users' files.
/// </remarks>
public static class DashboardHtmlRenderer
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
        w.Raw("<style>\n").Raw(Css).Raw("</style>\n</head>\n<body>\n");
        w.Raw("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n");

        w.Raw("<header class=\"app-header\"><div class=\"govuk-width-container\"><span class=\"app-header__council\">")
            .Text(dashboard.CouncilName).Raw("</span></div></header>\n");

        w.Raw("<div class=\"govuk-width-container\">\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
        w.Raw("<span class=\"govuk-caption-l\">").Text(dashboard.CouncilName).Raw("</span>\n");
        w.Raw("<h1 class=\"govuk-heading-l\">").Text(heading).Raw("</h1>\n");
        WriteSummary(w, dashboard);
        WriteOverview(w, dashboard.Overview);
        WriteKey(w);
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
            Item(DashboardFormatting.RagWords(rag), "govuk-tag " + RagClass(rag), rag switch
            {
                Rag.Green => "meets the target",
                Rag.Amber => "within tolerance of the target",
                Rag.Red => "misses the target by more than the tolerance",
                _ => "no target that can be rated, or no value to rate",
            });
        }

        Item(DashboardFormatting.MissingMark, "app-key__mark", "no figure: missing, suppressed or not applicable");
        Item(DashboardFormatting.SuppliedMark, "app-key__mark app-key__mark--sup",
            "supplied in the council's own data, not computed from all councils' published data");
        Item(DashboardFormatting.ProvisionalMark, "app-key__mark app-key__mark--sup", "provisional value");
        Item("Quartile", "app-key__mark", "national quartile, 1 is the best quarter of councils");
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
            .Text(DashboardFormatting.DirectionWords(row.Direction.Outcome)).Raw("</td>");

        w.Raw("<td class=\"govuk-table__cell\">");
        var svg = Sparkline.ToSvg(Sparkline.PointsOf(row), $"Trend of {m.Title}: ");
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
            .Raw(RagClass(row.Rag.Outcome)).Raw("\">").Text(DashboardFormatting.RagWords(row.Rag.Outcome)).Raw("</strong></td>");

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

    // GOV.UK Design System colours and spacing, written out here because the page must stand alone (no requests).
    // RAG tags use strong fills so a printed page still reads as red/amber/green; text contrast on each is at least
    // 4.5:1 (white on #d4351c 4.86, #0b0c0c on #f47738 7.04, white on #00703c 6.21, #0b0c0c on #eeefef 17.0).
    private const string Css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: arial, sans-serif; font-size: 16px; line-height: 1.25; color: #0b0c0c; background: #ffffff; }
        a { color: #1d70b8; }
        a:focus, summary:focus { outline: 3px solid transparent; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; color: #0b0c0c; }
        .govuk-skip-link { position: absolute; left: -9999px; }
        .govuk-skip-link:focus { position: static; display: block; padding: 10px 15px; }
        .app-header { background: #0b0c0c; color: #ffffff; border-bottom: 10px solid #1d70b8; padding: 12px 0; }
        .app-header__council { font-weight: 700; font-size: 24px; }
        .govuk-width-container { max-width: 1400px; margin: 0 15px; }
        @media (min-width: 40.0625em) { .govuk-width-container { margin: 0 30px; } }
        @media (min-width: 1460px) { .govuk-width-container { margin: 0 auto; } }
        .govuk-main-wrapper { padding: 20px 0 40px; }
        .govuk-caption-l { display: block; color: #505a5f; font-size: 24px; margin-bottom: 5px; }
        .govuk-heading-l { font-size: 36px; font-weight: 700; margin: 0 0 30px; }
        .govuk-heading-m { font-size: 24px; font-weight: 700; margin: 30px 0 15px; }
        .govuk-body, .govuk-list { font-size: 19px; margin: 0 0 20px; }
        .govuk-list--bullet { padding-left: 20px; }
        .govuk-list--bullet li { margin-bottom: 5px; }
        .govuk-summary-list { display: table; width: 100%; max-width: 960px; margin: 0 0 20px; border-collapse: collapse; font-size: 19px; }
        .govuk-summary-list__row { display: table-row; border-bottom: 1px solid #b1b4b6; }
        .govuk-summary-list__key, .govuk-summary-list__value { display: table-cell; padding: 10px 20px 10px 0; margin: 0; }
        .govuk-summary-list__key { font-weight: 700; width: 30%; }
        .app-key { display: flex; flex-wrap: wrap; gap: 10px 30px; margin: 0 0 20px; font-size: 16px; }
        .app-key > div { display: flex; align-items: baseline; gap: 8px; }
        .app-key dd { margin: 0; }
        .app-key__mark { font-weight: 700; }
        .app-key__mark--sup { font-size: 14px; vertical-align: super; }
        .govuk-table { width: 100%; border-spacing: 0; border-collapse: collapse; margin-bottom: 40px; font-size: 14px; }
        .govuk-table__caption { text-align: left; font-size: 16px; margin-bottom: 10px; }
        .govuk-table__caption .govuk-heading-m { margin: 30px 0 5px; }
        .govuk-table__header, .govuk-table__cell { padding: 8px 10px 8px 0; border-bottom: 1px solid #b1b4b6; text-align: left; vertical-align: top; }
        .govuk-table__head .govuk-table__header { font-weight: 700; vertical-align: bottom; }
        .app-measure { font-weight: 400; min-width: 16em; max-width: 28em; }
        .app-value { white-space: nowrap; font-weight: 700; }
        .app-hint { color: #505a5f; font-weight: 400; }
        .app-mark { font-size: 0.75em; font-weight: 700; margin-left: 1px; }
        .app-sparkline { display: block; }
        .govuk-tag { display: inline-block; padding: 2px 8px 3px; font-weight: 700; font-size: 14px; line-height: 1.25; white-space: nowrap; }
        .app-rag--red { color: #ffffff; background: #d4351c; }
        .app-rag--amber { color: #0b0c0c; background: #f47738; }
        .app-rag--green { color: #ffffff; background: #00703c; }
        .app-rag--none { color: #0b0c0c; background: #eeefef; }
        .govuk-details { margin: 5px 0 0; font-size: 14px; }
        .govuk-details__summary { color: #1d70b8; cursor: pointer; text-decoration: underline; display: inline-block; }
        .govuk-details__text { padding: 10px 0 0 15px; border-left: 5px solid #b1b4b6; margin-top: 5px; }
        .govuk-details__text dt { font-weight: 700; }
        .govuk-details__text dd { margin: 0 0 8px; }
        .govuk-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
          padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important;
          border: 0 !important; white-space: nowrap !important; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          body { font-size: 10pt; }
          .govuk-skip-link, .govuk-details__summary { display: none; }
          .app-header { background: none; color: #0b0c0c; border-bottom: 2pt solid #0b0c0c; padding: 0 0 4pt; }
          .govuk-width-container { margin: 0; max-width: none; }
          .govuk-main-wrapper { padding: 0; }
          .govuk-heading-l { font-size: 18pt; margin-bottom: 8pt; }
          .govuk-heading-m { font-size: 13pt; margin: 12pt 0 6pt; break-after: avoid; page-break-after: avoid; }
          .govuk-caption-l, .govuk-body, .govuk-list, .govuk-summary-list, .app-key { font-size: 9pt; }
          .govuk-table__caption { font-size: 9pt; margin-bottom: 4pt; }
          .govuk-table__caption .govuk-heading-m { margin: 10pt 0 2pt; }
          .govuk-summary-list__key, .govuk-summary-list__value { padding: 2pt 10pt 2pt 0; }
          .govuk-table { font-size: 8pt; margin-bottom: 12pt; }
          .govuk-table__header, .govuk-table__cell { padding: 3pt 5pt 3pt 0; }
          thead { display: table-header-group; }
          tr, th, td { break-inside: avoid; page-break-inside: avoid; }
          .govuk-tag, .app-rag--red, .app-rag--amber, .app-rag--green, .app-rag--none {
            -webkit-print-color-adjust: exact; print-color-adjust: exact; font-size: 8pt; }
          details:not([open]) .govuk-details__text { display: none; }
        }

        """;
}
