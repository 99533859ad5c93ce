using System.Globalization;
using System.Text;
using GoldenThread.Core.Benchmarks;

namespace GoldenThread.Web.Html;

/// <summary>A line on a trend chart. Each has its own dash pattern and marker shape, so lines differ by more than colour.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string Stroke, string Dash, string Marker);

/// <summary>Server-rendered SVG charts. Each is an image with a name and a description; the page puts a table of the same figures beside it.</summary>
public static class Charts
{
    private const int Width = 720;
    private const int Height = 320;
    private const int Left = 70;
    private const int Right = 45;
    private const int Top = 20;
    private const int Bottom = 60;

    private static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Lines over periods (oldest left), with the home series' confidence intervals as error bars where known.</summary>
    public static string Trend(string name, string description, IReadOnlyList<string> periods, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<(double? Lower, double? Upper)> intervals, Func<double, string> format)
    {
        var all = series.SelectMany(s => s.Values).Concat(intervals.SelectMany(i => new[] { i.Lower, i.Upper }))
            .Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" aria-labelledby=\"trend-title trend-desc\" viewBox=\"0 0 {Width} {Height + 30 * ((series.Count + 2) / 3)}\" focusable=\"false\">");
        sb.Append("<title id=\"trend-title\">").Append(Html.Attr(name)).Append("</title><desc id=\"trend-desc\">").Append(Html.Attr(description)).Append("</desc>");
        if (all.Count == 0 || periods.Count == 0)
        {
            sb.Append("<text x=\"20\" y=\"40\">No data to chart</text></svg>");
            return sb.ToString();
        }

        var (min, max) = NiceRange(all.Min(), all.Max());
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => periods.Count == 1 ? Left + (plotW / 2.0) : Left + (plotW * i / (double)(periods.Count - 1));
        double Y(double v) => Top + (plotH * (max - v) / (max - min));

        for (var t = 0; t <= 4; t++)
        {
            var v = min + ((max - min) * t / 4);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(v))}\" y2=\"{N(Y(v))}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{N(Y(v) + 5)}\" text-anchor=\"end\">{Html.Attr(format(v))}</text>");
        }

        var step = Math.Max(1, (int)Math.Ceiling(periods.Count / 8.0));
        for (var i = 0; i < periods.Count; i += step)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(i))}\" y=\"{Height - Bottom + 22}\" text-anchor=\"middle\">{Html.Attr(periods[i])}</text>");
        }

        for (var i = 0; i < intervals.Count && i < periods.Count; i++)
        {
            if (intervals[i] is { Lower: { } lo, Upper: { } hi })
            {
                var x = N(X(i));
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(X(i) - 5)} {N(Y(lo))}H{N(X(i) + 5)}M{x} {N(Y(lo))}V{N(Y(hi))}M{N(X(i) - 5)} {N(Y(hi))}H{N(X(i) + 5)}\" stroke=\"#505a5f\" stroke-width=\"1.5\" fill=\"none\"/>");
            }
        }

        foreach (var s in series)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < s.Values.Count && i < periods.Count; i++)
            {
                if (s.Values[i] is { } v && double.IsFinite(v))
                {
                    path.Append(pen ? 'L' : 'M').Append(N(X(i))).Append(' ').Append(N(Y(v)));
                    pen = true;
                }
                else
                {
                    pen = false;
                }
            }

            if (path.Length > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Stroke}\" stroke-width=\"2.5\" stroke-dasharray=\"{s.Dash}\"/>");
            }

            for (var i = 0; i < s.Values.Count && i < periods.Count; i++)
            {
                if (s.Values[i] is { } v && double.IsFinite(v))
                {
                    sb.Append(Marker(s.Marker, X(i), Y(v), s.Stroke));
                }
            }
        }

        // The legend names every line and shows its dash and marker, so no line is told apart by colour alone.
        for (var k = 0; k < series.Count; k++)
        {
            var lx = 20 + (k % 3 * 235);
            var ly = Height + (k / 3 * 30);
            var s = series[k];
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx}\" x2=\"{lx + 40}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{s.Stroke}\" stroke-width=\"2.5\" stroke-dasharray=\"{s.Dash}\"/>");
            sb.Append(Marker(s.Marker, lx + 20, ly, s.Stroke));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 48}\" y=\"{ly + 5}\">{Html.Attr(s.Name)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Every council's value as a dot on one scale, the quartile boundaries as labelled lines, this council marked and named.</summary>
    public static string Distribution(string name, string description, IReadOnlyList<double> values, double? home, string homeName,
        QuartileBoundaries quartiles, Func<double, string> format)
    {
        const int h = 190;
        var (min, max) = NiceRange(Math.Min(quartiles.Min, home ?? quartiles.Min), Math.Max(quartiles.Max, home ?? quartiles.Max));
        var plotW = Width - Left - Right;
        double X(double v) => Left + (plotW * (v - min) / (max - min));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" aria-labelledby=\"dist-title dist-desc\" viewBox=\"0 0 {Width} {h}\" focusable=\"false\">");
        sb.Append("<title id=\"dist-title\">").Append(Html.Attr(name)).Append("</title><desc id=\"dist-desc\">").Append(Html.Attr(description)).Append("</desc>");
        const int axisY = 140;
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{axisY}\" y2=\"{axisY}\" stroke=\"#0b0c0c\"/>");
        for (var t = 0; t <= 4; t++)
        {
            var v = min + ((max - min) * t / 4);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(v))}\" y=\"{axisY + 22}\" text-anchor=\"middle\">{Html.Attr(format(v))}</text>");
        }

        foreach (var (label, v) in new[] { ("Q1", quartiles.Q1), ("Median", quartiles.Median), ("Q3", quartiles.Q3) })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(v))}\" x2=\"{N(X(v))}\" y1=\"30\" y2=\"{axisY}\" stroke=\"#505a5f\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(v))}\" y=\"22\" text-anchor=\"middle\">{label}</text>");
        }

        // A fixed jitter by rank keeps equal values apart and the picture the same on every request.
        var sorted = values.Where(double.IsFinite).Order().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var y = 50 + (i * 37 % 80);
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(sorted[i]))}\" cy=\"{y}\" r=\"3.5\" fill=\"#1d70b8\" fill-opacity=\"0.6\"/>");
        }

        if (home is { } hv)
        {
            var x = X(hv);
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)} {axisY - 22}l9 9l-9 9l-9 -9z\" fill=\"#0b0c0c\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
            var anchor = x > Width * 0.7 ? "end" : "start";
            var dx = anchor == "end" ? -12 : 12;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + dx)}\" y=\"{axisY - 8}\" text-anchor=\"{anchor}\" font-weight=\"bold\">{Html.Attr($"{homeName}: {format(hv)}")}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Marker(string shape, double x, double y, string colour) => shape switch
    {
        "square" => $"<rect x=\"{N(x - 4)}\" y=\"{N(y - 4)}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>",
        "triangle" => $"<path d=\"M{N(x)} {N(y - 5)}L{N(x + 5)} {N(y + 4)}L{N(x - 5)} {N(y + 4)}Z\" fill=\"{colour}\"/>",
        "diamond" => $"<path d=\"M{N(x)} {N(y - 5)}L{N(x + 5)} {N(y)}L{N(x)} {N(y + 5)}L{N(x - 5)} {N(y)}Z\" fill=\"{colour}\"/>",
        "circle" => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4\" fill=\"{colour}\"/>",
        _ => "",
    };

    /// <summary>A range a little wider than the data, so points do not sit on the frame; a flat series gets room either side.</summary>
    private static (double Min, double Max) NiceRange(double min, double max)
    {
        if (max - min < 1e-9)
        {
            var pad = Math.Abs(min) > 1e-9 ? Math.Abs(min) * 0.1 : 1;
            return (min - pad, max + pad);
        }

        var margin = (max - min) * 0.08;
        var lo = min - margin;
        return (min >= 0 && lo < 0 ? 0 : lo, max + margin);
    }
}
