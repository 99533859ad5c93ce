using System.Globalization;

namespace GoldenThread.Views.Charts;

/// <summary>The value range of a chart's axis and how its coordinates are written.</summary>
public static class ChartScale
{
    /// <summary>An SVG coordinate: one decimal place, invariant culture.</summary>
    public static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A range a little wider than the data (8% each side), so points do not sit on the frame; a flat series gets room
    /// either side. Data that are never negative never get a negative axis, and a percentage's axis never passes 100%.
    /// </summary>
    public static (double Min, double Max) NiceRange(double min, double max, bool isPercentage = false)
    {
        double lo, hi;
        if (max - min < 1e-9)
        {
            var pad = Math.Abs(min) > 1e-9 ? Math.Abs(min) * 0.1 : 1;
            (lo, hi) = (min - pad, max + pad);
        }
        else
        {
            var margin = (max - min) * 0.08;
            (lo, hi) = (min - margin, max + margin);
        }

        if (min >= 0 && lo < 0)
        {
            lo = 0;
        }

        if (isPercentage && max <= 100 && hi > 100)
        {
            hi = 100;
        }

        return (lo, hi);
    }
}
