using System.Text;
using static GoldenThread.Views.Charts.ChartScale;

namespace GoldenThread.Views.Charts;

/// <summary>A line on a trend chart. Each has its own dash pattern and marker shape, so lines differ by more than colour.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string Stroke, string Dash, string Marker);

/// <summary>A point drawn on a chart: where, which shape, which colour.</summary>
public sealed record ChartMarker(string Shape, string X, string Y, string Colour);

/// <summary>A label at a position on a chart.</summary>
public sealed record ChartLabel(string X, string Y, string Text)
{
    /// <summary>The SVG <c>text-anchor</c>: start, middle or end.</summary>
    public string Anchor { get; init; } = "middle";
}

/// <summary>A drawn series: its SVG path data, its markers and its legend entry.</summary>
public sealed record DrawnSeries(ChartSeries Series, string? Path, IReadOnlyList<ChartMarker> Markers, ChartLabel Legend, string LegendX1, string LegendX2, string LegendY, ChartMarker LegendMarker);

/// <summary>
/// Where everything on a trend chart goes: lines over periods (oldest left) with the home series' confidence
/// intervals as error bars. Pure; the component <c>TrendChart</c> draws it.
/// </summary>
public sealed class TrendChartLayout
{
    public const int Width = 720;
    public const int PlotHeight = 320;
    private const int Left = 70;
    private const int Right = 45;
    private const int Top = 20;
    private const int Bottom = 60;

    private TrendChartLayout()
    {
    }

    public int Height { get; private init; }

    public bool Empty { get; private init; }

    public IReadOnlyList<(string Y, ChartLabel Label)> GridLines { get; private init; } = [];

    public IReadOnlyList<ChartLabel> PeriodLabels { get; private init; } = [];

    public IReadOnlyList<string> IntervalPaths { get; private init; } = [];

    public IReadOnlyList<DrawnSeries> Series { get; private init; } = [];

    public static int PlotLeft => Left;

    public static int PlotRight => Width - Right;

    public static TrendChartLayout Of(IReadOnlyList<string> periods, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<(double? Lower, double? Upper)> intervals, Func<double, string> format, bool isPercentage)
    {
        var height = PlotHeight + (30 * ((series.Count + 2) / 3));
        var all = series.SelectMany(s => s.Values).Concat(intervals.SelectMany(i => new[] { i.Lower, i.Upper }))
            .Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        if (all.Count == 0 || periods.Count == 0)
        {
            return new TrendChartLayout { Height = height, Empty = true };
        }

        var (min, max) = NiceRange(all.Min(), all.Max(), isPercentage);
        var plotW = Width - Left - Right;
        var plotH = PlotHeight - Top - Bottom;
        double X(int i) => periods.Count == 1 ? Left + (plotW / 2.0) : Left + (plotW * i / (double)(periods.Count - 1));
        double Y(double v) => Top + (plotH * (max - v) / (max - min));

        var grid = new List<(string, ChartLabel)>();
        for (var t = 0; t <= 4; t++)
        {
            var v = min + ((max - min) * t / 4);
            grid.Add((N(Y(v)), new ChartLabel(N(Left - 6), N(Y(v) + 5), format(v))));
        }

        var labels = new List<ChartLabel>();
        var step = Math.Max(1, (int)Math.Ceiling(periods.Count / 8.0));
        for (var i = 0; i < periods.Count; i += step)
        {
            labels.Add(new ChartLabel(N(X(i)), N(PlotHeight - Bottom + 22), periods[i]));
        }

        var bars = new List<string>();
        for (var i = 0; i < intervals.Count && i < periods.Count; i++)
        {
            if (intervals[i] is { Lower: { } lo, Upper: { } hi })
            {
                bars.Add($"M{N(X(i) - 5)} {N(Y(lo))}H{N(X(i) + 5)}M{N(X(i))} {N(Y(lo))}V{N(Y(hi))}M{N(X(i) - 5)} {N(Y(hi))}H{N(X(i) + 5)}");
            }
        }

        var drawn = new List<DrawnSeries>();
        for (var k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var path = new StringBuilder();
            var markers = new List<ChartMarker>();
            var pen = false;
            for (var i = 0; i < s.Values.Count && i < periods.Count; i++)
            {
                if (s.Values[i] is { } v && double.IsFinite(v))
                {
                    path.Append(pen ? 'L' : 'M').Append(N(X(i))).Append(' ').Append(N(Y(v)));
                    markers.Add(new ChartMarker(s.Marker, N(X(i)), N(Y(v)), s.Stroke));
                    pen = true;
                }
                else
                {
                    // A gap in the figures is a gap in the line, not a line implying figures nobody published.
                    pen = false;
                }
            }

            // The legend names every line and shows its dash and marker, so no line is told apart by colour alone.
            var lx = 20 + (k % 3 * 235);
            var ly = PlotHeight + (k / 3 * 30);
            drawn.Add(new DrawnSeries(s, path.Length > 0 ? path.ToString() : null, markers,
                new ChartLabel(N(lx + 48), N(ly + 5), s.Name), N(lx), N(lx + 40), N(ly), new ChartMarker(s.Marker, N(lx + 20), N(ly), s.Stroke)));
        }

        return new TrendChartLayout { Height = height, GridLines = grid, PeriodLabels = labels, IntervalPaths = bars, Series = drawn };
    }
}
