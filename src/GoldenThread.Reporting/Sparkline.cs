using System.Globalization;
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
    /// Where a sparkline's marks go in a <paramref name="widthPx"/> by <paramref name="heightPx"/> box: a polyline through
    /// the points (oldest on the left, higher values higher up; null for a single point) and the latest point, with the
    /// accessible name (<paramref name="accessibleNamePrefix"/> and the text alternative). Null when there are no finite
    /// points to draw. The component that draws it is <c>GoldenThread.Views.Dashboard.Sparkline</c>.
    /// </summary>
    public static SparklineShape? Shape(
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

        var polyline = drawable.Count > 1 ? string.Join(" ", drawable.Select((p, i) => $"{N(X(i))},{N(Y(p.Value))}")) : null;
        var last = drawable.Count - 1;
        return new SparklineShape(accessibleNamePrefix + TextAlternative(drawable), polyline, N(X(last)), N(Y(drawable[last].Value)), widthPx, heightPx);
    }
}

/// <summary>A sparkline laid out: its accessible name, the polyline's points ("x,y x,y"), the latest point, the box.</summary>
public sealed record SparklineShape(string AccessibleName, string? Polyline, string EndX, string EndY, int WidthPx, int HeightPx);
