using System.Globalization;
using System.Net;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Statistics;

namespace GoldenThread.Reporting.AreaComparisons;

/// <summary>
/// Writes an area comparison as one self-contained HTML page in the dashboard's GOV.UK look: per table, the chart, a
/// real table giving the same figures and judgements, and the sentences. Inline CSS and SVG, no scripts, no requests.
/// </summary>
/// <remarks>
/// All text from the model is HTML-encoded (area names and notes come from users' files). Figures suppressed for small
/// counts show the disclosure marker, and the footnote is printed under every table that shows it.
/// </remarks>
public static class AreaComparisonHtmlRenderer
{
    // Only what the comparison page adds to the shared stylesheet.
    private const string ExtraCss = """
        .app-chart { display: block; max-width: 100%; height: auto; margin: 0 0 20px; }
        .app-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .govuk-table__header.app-num { text-align: right; }
        .app-footnote { font-size: 14px; color: #505a5f; margin: -30px 0 30px; }

        """;

    public static void Render(AreaComparisonResult result, string heading, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        void Raw(string html) => writer.Write(html);
        void Text(string text) => writer.Write(WebUtility.HtmlEncode(text));

        var options = result.Options;
        Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Text(heading);
        Raw("</title>\n<style>\n" + GovukStyles.Base + ExtraCss + "</style>\n</head>\n<body>\n");
        Raw("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n");
        Raw("<header class=\"app-header\"><div class=\"govuk-width-container\"><span class=\"app-header__council\">");
        Text(options.FocusArea ?? "Area comparison");
        Raw("</span></div></header>\n<div class=\"govuk-width-container\">\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
        Raw("<h1 class=\"govuk-heading-l\">");
        Text(heading);
        Raw("</h1>\n<dl class=\"govuk-summary-list\">\n");
        void Item(string key, string value)
        {
            Raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
            Text(key);
            Raw("</dt><dd class=\"govuk-summary-list__value\">");
            Text(value);
            Raw("</dd></div>\n");
        }

        Item("Compared with", string.Join(", ", options.BenchmarkAreas));
        if (options.FocusArea is { } focus)
        {
            Item("Area of interest", focus);
        }

        Item("Method", "An area is significantly higher or lower than a benchmark when the benchmark's value lies outside the area's 95% confidence interval (a value on an edge counts as inside, so similar). Better or worse follows the indicator's polarity.");
        Raw("</dl>\n");

        if (result.FocusSentences.Count > 0)
        {
            Raw("<h2 class=\"govuk-heading-m\">Key figures for ");
            Text(options.FocusArea!);
            Raw("</h2>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
            foreach (var sentence in result.FocusSentences)
            {
                Raw("<li>");
                Text(sentence);
                Raw("</li>\n");
            }

            Raw("</ul>\n");
        }

        foreach (var table in result.Tables)
        {
            WriteTable(table, result, Raw, Text);
        }

        Raw("</main>\n</div>\n</body>\n</html>\n");
    }

    private static void WriteTable(ComparisonTable table, AreaComparisonResult result, Action<string> raw, Action<string> text)
    {
        var ind = table.Indicator;
        var rules = result.Disclosure;
        var slug = AreaComparisonChart.Slug(table);
        var withCounts = table.Rows.Any(r => r.Figure.Numerator.HasValue);
        raw($"<section aria-labelledby=\"{slug}\">\n<h2 class=\"govuk-heading-m\" id=\"{slug}\">");
        text(table.Caption);
        raw("</h2>\n<p class=\"govuk-body\">");
        text($"Polarity: {PolarityWords(ind)}.");
        raw("</p>\n");
        raw(AreaComparisonChart.ToSvg(table));

        raw("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption\">");
        text($"{table.Caption}: per cent, 95% confidence interval and comparison with {string.Join(" and ", table.Benchmarks.Select(b => b.Name))}");
        raw("</caption>\n<thead class=\"govuk-table__head\"><tr>");
        void Header(string h, bool numeric = false)
        {
            raw(numeric ? "<th scope=\"col\" class=\"govuk-table__header app-num\">" : "<th scope=\"col\" class=\"govuk-table__header\">");
            text(h);
            raw("</th>");
        }

        Header("Area");
        Header("Per cent", true);
        Header("Lower 95% limit", true);
        Header("Upper 95% limit", true);
        Header("Interval");
        if (withCounts)
        {
            Header("Children counted", true);
        }

        foreach (var b in table.Benchmarks)
        {
            Header("Compared with " + b.Name);
        }

        raw("</tr></thead>\n<tbody>\n");
        var marked = false;
        foreach (var row in table.Rows)
        {
            raw("<tr><th scope=\"row\" class=\"govuk-table__header\">");
            text(row.Area);
            raw("</th>");
            void Cell(string value, bool numeric = true)
            {
                raw(numeric ? "<td class=\"govuk-table__cell app-num\">" : "<td class=\"govuk-table__cell\">");
                text(value);
                raw("</td>");
            }

            if (row.State == FigureState.Shown)
            {
                var ci = row.ShownInterval95;
                Cell(ind.FormatNumber(row.ShownValuePercent!.Value));
                Cell(ci?.Lower is { } lo ? ind.FormatNumber(lo) : "\u2013");
                Cell(ci?.Upper is { } up ? ind.FormatNumber(up) : "\u2013");
                Cell(IntervalWords(ci), numeric: false);
                if (withCounts)
                {
                    Cell(row.Figure.Numerator is { } r ? $"{r.ToString("N0", CultureInfo.InvariantCulture)} of {row.Figure.Denominator!.Value.ToString("N0", CultureInfo.InvariantCulture)}" : "\u2013");
                }
            }
            else
            {
                var mark = row.State == FigureState.SuppressedSmallCount ? rules.Marker : "x";
                marked |= row.State == FigureState.SuppressedSmallCount;
                Cell(mark);
                Cell(mark);
                Cell(mark);
                Cell(row.State == FigureState.SuppressedSmallCount ? "suppressed (small count)" : "not published" + (row.Figure.Note is { } n ? $": {n}" : ""), numeric: false);
                if (withCounts)
                {
                    Cell(mark);
                }
            }

            for (var b = 0; b < table.Benchmarks.Count; b++)
            {
                Cell(AreaComparisonChart.RowWords(row, b), numeric: false);
            }

            raw("</tr>\n");
        }

        raw("</tbody>\n</table>\n");
        if (marked)
        {
            raw("<p class=\"app-footnote\">");
            text(rules.Footnote);
            raw("</p>\n");
        }

        raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
        foreach (var row in table.Rows)
        {
            raw("<li>");
            text(row.Sentence);
            raw("</li>\n");
        }

        raw("</ul>\n</section>\n");
    }

    internal static string IntervalWords(ConfidenceInterval? ci) => ci switch
    {
        null => "none",
        { IsComplete: false } => "partial (given)",
        { Provenance: IntervalProvenance.Computed } => "computed (Wilson)",
        _ => "given",
    };

    private static string PolarityWords(ComparisonIndicator ind) => ind.Polarity switch
    {
        Core.Polarity.HigherIsBetter => "higher is better",
        Core.Polarity.LowerIsBetter => "lower is better",
        _ => "no polarity (differences are called higher or lower, not better or worse)",
    };
}
