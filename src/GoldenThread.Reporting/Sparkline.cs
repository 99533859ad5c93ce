using System.Globalization;
using System.Net;
using System.Text;
using GoldenThread.Core.Dashboard;

namespace GoldenThread.Reporting;

/// <summary>One point of a sparkline: its label (the period), its value, and the value as people read it.</summary>
public sealed record SparklinePoint(string Label, double Value, string ValueText);

/// <summary>
/// Builds a small trend chart as inline SVG, with a text alternative that lists every point, so the chart is never the
/// only way to read the trend. Pure: the same points always give the same string.
/// </summary>
public static class Sparkline
{
    public const int DefaultWidthPx = 120;
    public const int DefaultHeightPx = 28;

    // Keeps the end marker and the line's stroke inside the view box at the extremes.
    private const double PaddingPx = 3.5;

    /// <summary>The points of a dashboard row's trend, labelled by period and written in the measure's unit.</summary>
    public static IReadOnlyList<SparklinePoint> PointsOf(DashboardRow row) =>
        row.Trend.Select(p => new SparklinePoint(p.Period.Label, p.Value, row.Measure.FormatValue(p.Value))).ToList();

    /// <summary>"2016: 12.1%, 2017: 11.8%"; "No trend data" when there are no points.</summary>
    public static string TextAlternative(IReadOnlyList<SparklinePoint> points) =>
        points.Count == 0 ? "No trend data" : string.Join(", ", points.Select(p => $"{p.Label}: {p.ValueText}"));

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
