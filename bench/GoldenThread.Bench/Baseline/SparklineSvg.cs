// The pre-issue-8 sparkline's SVG string builder, recovered from commit ab6c751 (Sparkline.ToSvg in src/GoldenThread.Reporting/Sparkline.cs).
// Kept only as the benchmark's baseline: the "before" that writing dashboard.html with Razor components
// (PublishedHtml.WriteDashboard) is timed against (dotnet run -c Release --project bench/GoldenThread.Bench --
// --published-html). Frozen: not used by the product; do not fix or improve it.
using System.Globalization;
using System.Net;
using System.Text;
using GoldenThread.Reporting;

namespace GoldenThread.Bench.Baseline;

/// <summary>The sparkline as an SVG string (the pre-issue-8 <c>Sparkline.ToSvg</c>).</summary>
internal static class SparklineSvg
{
    private const int DefaultWidthPx = Sparkline.DefaultWidthPx;
    private const int DefaultHeightPx = Sparkline.DefaultHeightPx;
    private const double PaddingPx = 3.5;

    private static string TextAlternative(IReadOnlyList<SparklinePoint> points) => Sparkline.TextAlternative(points);

    /// <summary>
    /// An <c>&lt;svg&gt;</c> element with <c>role="img"</c>, an <c>aria-label</c> and a <c>&lt;title&gt;</c> holding
    /// <paramref name="accessibleNamePrefix"/> and the text alternative, a polyline through the points (oldest on the
    /// left, higher values higher up) and the latest point marked. Null when there are no finite points to draw.
    /// </summary>
    public static string? ToSvg(
        IReadOnlyList<SparklinePoint> points,
        string accessibleNamePrefix = "Trend: ",
        int widthPx = DefaultWidthPx,
        int heightPx = DefaultHeightPx)
    {
        var drawable = points.Where(p => double.IsFinite(p.Value)).ToList();
        if (drawable.Count == 0)
        {
            return null;
        }

        var min = drawable.Min(p => p.Value);
        var max = drawable.Max(p => p.Value);
        var innerWidth = widthPx - (2 * PaddingPx);
        var innerHeight = heightPx - (2 * PaddingPx);

        double X(int i) => drawable.Count == 1 ? widthPx / 2.0 : PaddingPx + (innerWidth * i / (drawable.Count - 1));

        // A flat series sits in the middle rather than on an edge, so it does not read as "at the minimum".
        double Y(double v) => max == min ? heightPx / 2.0 : PaddingPx + (innerHeight * (max - v) / (max - min));

        string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

        var name = WebUtility.HtmlEncode(accessibleNamePrefix + TextAlternative(drawable));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-sparkline\" role=\"img\" aria-label=\"{name}\" viewBox=\"0 0 {widthPx} {heightPx}\" width=\"{widthPx}\" height=\"{heightPx}\" focusable=\"false\">");
        svg.Append("<title>").Append(name).Append("</title>");
        if (drawable.Count > 1)
        {
            var coordinates = string.Join(" ", drawable.Select((p, i) => $"{N(X(i))},{N(Y(p.Value))}"));
            svg.Append("<polyline points=\"").Append(coordinates)
                .Append("\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
        }

        var last = drawable.Count - 1;
        svg.Append("<circle cx=\"").Append(N(X(last))).Append("\" cy=\"").Append(N(Y(drawable[last].Value)))
            .Append("\" r=\"2.5\" fill=\"#1d70b8\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
