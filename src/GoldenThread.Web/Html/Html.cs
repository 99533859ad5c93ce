using System.Globalization;
using System.Net;
using System.Text;

namespace GoldenThread.Web.Html;

/// <summary>A small HTML writer: <see cref="Text"/> encodes, <see cref="Raw"/> does not (only for markup written here).</summary>
/// <remarks>Every string from a plan, a values file or a form goes through <see cref="Text"/> or <see cref="Attr"/>.</remarks>
public sealed class Html
{
    private readonly StringBuilder _sb = new(16 * 1024);

    public Html Raw(string html)
    {
        _sb.Append(html);
        return this;
    }

    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _sb.Append(WebUtility.HtmlEncode(text));
        }

        return this;
    }

    public Html Text(int value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An encoded attribute value (quotes included in the encoding).</summary>
    public static string Attr(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An id usable in URLs, encoded for a path segment.</summary>
    public static string Seg(string id) => Uri.EscapeDataString(id);

    public Html Element(string tag, string? cssClass, string? text)
    {
        _sb.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        _sb.Append('>');
        Text(text);
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    public Html Link(string href, string text, string cssClass = "govuk-link") =>
        Raw($"<a class=\"{cssClass}\" href=\"{Attr(href)}\">").Text(text).Raw("</a>");

    public Html H1(string text, string? caption = null)
    {
        if (caption is not null)
        {
            Raw("<span class=\"govuk-caption-l\">").Text(caption).Raw("</span>");
        }

        return Element("h1", "govuk-heading-l", text);
    }

    public Html H2(string text, string? id = null) =>
        id is null ? Element("h2", "govuk-heading-m", text) : Raw($"<h2 class=\"govuk-heading-m\" id=\"{Attr(id)}\">").Text(text).Raw("</h2>");

    public Html H3(string text) => Element("h3", "govuk-heading-s", text);

    public Html P(string? text, string cssClass = "govuk-body") => Element("p", cssClass, text);

    /// <summary>A GOV.UK summary list of key/value pairs (values already as text).</summary>
    public Html SummaryList(IEnumerable<(string Key, string? Value)> rows)
    {
        Raw("<dl class=\"govuk-summary-list\">");
        foreach (var (key, value) in rows)
        {
            Raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Text(key)
                .Raw("</dt><dd class=\"govuk-summary-list__value\">").Text(string.IsNullOrEmpty(value) ? "\u2013" : value).Raw("</dd></div>");
        }

        return Raw("</dl>");
    }

    /// <summary>A GOV.UK table with a caption, header row and rows of encoded cells (first cell a row header).</summary>
    /// <param name="rowIds">Ids for the rows' header cells, so that other pages can link to a row (<c>#CI-1</c>).</param>
    public Html Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool firstCellIsHeader = true, string? id = null,
        IReadOnlyList<string>? rowIds = null)
    {
        var rowIndex = 0;
        Raw(id is null ? "<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls sideways on small screens\"><table class=\"govuk-table\">" : $"<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls sideways on small screens\"><table class=\"govuk-table\" id=\"{Attr(id)}\">");
        Raw("<caption class=\"govuk-table__caption govuk-table__caption--s\">").Text(caption).Raw("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var h in headers)
        {
            Raw("<th scope=\"col\" class=\"govuk-table__header\">").Text(h).Raw("</th>");
        }

        Raw("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in rows)
        {
            Raw("<tr class=\"govuk-table__row\">");
            for (var i = 0; i < row.Count; i++)
            {
                if (i == 0 && firstCellIsHeader)
                {
                    var anchor = rowIds is not null && rowIndex < rowIds.Count ? $" id=\"{Attr(rowIds[rowIndex])}\"" : "";
                    Raw($"<th scope=\"row\" class=\"govuk-table__header\"{anchor}>").Text(row[i]).Raw("</th>");
                }
                else
                {
                    Raw("<td class=\"govuk-table__cell\">").Text(row[i]).Raw("</td>");
                }
            }

            Raw("</tr>");
            rowIndex++;
        }

        return Raw("</tbody></table></div>");
    }

    public override string ToString() => _sb.ToString();
}
