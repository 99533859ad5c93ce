using System.Text;

namespace GoldenThread.Web.Features;

/// <summary>Tables as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads it as UTF-8).</summary>
public static class Csv
{
    public static IResult File(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        Line(sb, headers);
        foreach (var row in rows)
        {
            Line(sb, row);
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", fileName);
    }

    private static void Line(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var c = cells[i] ?? "";
            // A text cell that Excel would run as a formula (plans and values are users' text) is written as text.
            if (c.Length > 0 && (c[0] is '=' or '+' or '@' or '\t' or '\r' ||
                (c[0] == '-' && !double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))))
            {
                c = "'" + c;
            }

            if (c.IndexOfAny([',', '"', '\n', '\r']) >= 0)
            {
                sb.Append('"').Append(c.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append("\r\n");
    }
}
