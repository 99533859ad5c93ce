using static GoldenThread.Views.Charts.ChartScale;

namespace GoldenThread.Views.Charts;

/// <summary>
/// Where everything on the all-councils chart goes: every council's value as a dot on one scale, the quartile
/// boundaries as lines labelled as percentiles (so "Q1" is never read as "quartile 1, the best"), the statistical
/// neighbours ringed, this council a named diamond, and which end is better. Pure; <c>DistributionChart</c> draws it.
/// </summary>
public sealed class DistributionChartLayout
{
    public const int Width = 720;
    public const int Height = 210;
    public const int AxisY = 140;
    private const int Left = 70;
    private const int Right = 45;

    private DistributionChartLayout()
    {
    }

    public static int PlotLeft => Left;

    public static int PlotRight => Width - Right;

    public IReadOnlyList<ChartLabel> Ticks { get; private init; } = [];

    /// <summary>The 25th percentile, the median and the 75th percentile: x and label.</summary>
    public IReadOnlyList<ChartLabel> Boundaries { get; private init; } = [];

    public IReadOnlyList<ChartMarker> Dots { get; private init; } = [];

    public IReadOnlyList<ChartMarker> Neighbours { get; private init; } = [];

    public string? HomeX { get; private init; }

    public ChartLabel? HomeLabel { get; private init; }

    public string HomeAnchor { get; private init; } = "start";

    /// <summary>"Better" with an arrow at the better end of the axis; null when the measure has no better direction.</summary>
    public ChartLabel? Better { get; private init; }

    public string BetterAnchor { get; private init; } = "end";

    /// <param name="higherIsBetter">True, false, or null when neither direction is better.</param>
    public static DistributionChartLayout Of(IReadOnlyList<double> values, double? home, string homeName, IReadOnlyList<double> neighbours,
        double q1, double median, double q3, Func<double, string> format, bool isPercentage, bool? higherIsBetter)
    {
        var finite = values.Where(double.IsFinite).Order().ToList();
        var lowest = Math.Min(finite.Count > 0 ? finite[0] : q1, home ?? double.MaxValue);
        var highest = Math.Max(finite.Count > 0 ? finite[^1] : q3, home ?? double.MinValue);
        var (min, max) = NiceRange(lowest, highest, isPercentage);
        var plotW = Width - Left - Right;
        double X(double v) => Left + (plotW * (v - min) / (max - min));

        var ticks = new List<ChartLabel>();
        for (var t = 0; t <= 4; t++)
        {
            var v = min + ((max - min) * t / 4);
            ticks.Add(new ChartLabel(N(X(v)), N(AxisY + 22), format(v)));
        }

        // Three rows of labels, the outer two written away from the median, so that close boundaries do not overprint.
        var boundaries = new List<ChartLabel>
        {
            new(N(X(q1)), "12", "25th percentile") { Anchor = "end" },
            new(N(X(median)), "24", "Median") { Anchor = "middle" },
            new(N(X(q3)), "36", "75th percentile") { Anchor = "start" },
        };

        // A fixed jitter by rank keeps equal values apart and the picture the same on every request.
        var dots = finite.Select((v, i) => new ChartMarker("dot", N(X(v)), N(50 + (i * 37 % 80)), "#1d70b8")).ToList();
        var rings = neighbours.Where(double.IsFinite).Order().Select((v, i) => new ChartMarker("ring", N(X(v)), N(50 + (i * 29 % 80)), "#d4351c")).ToList();

        string? homeX = null;
        ChartLabel? homeLabel = null;
        var anchor = "start";
        if (home is { } hv)
        {
            var x = X(hv);
            anchor = x > Width * 0.7 ? "end" : "start";
            homeX = N(x);
            homeLabel = new ChartLabel(N(x + (anchor == "end" ? -12 : 12)), N(AxisY - 8), $"{homeName}: {format(hv)}");
        }

        ChartLabel? better = higherIsBetter switch
        {
            true => new ChartLabel(N(Width - Right), N(AxisY + 48), "Better \u2192"),
            false => new ChartLabel(N(Left), N(AxisY + 48), "\u2190 Better"),
            null => null,
        };

        return new DistributionChartLayout
        {
            Ticks = ticks, Boundaries = boundaries, Dots = dots, Neighbours = rings, HomeX = homeX, HomeLabel = homeLabel, HomeAnchor = anchor,
            Better = better, BetterAnchor = higherIsBetter == true ? "end" : "start",
        };
    }
}
