namespace GoldenThread.Core.Statistics;

/// <summary>Funnel-plot control limits at one denominator, as proportions (0-1).</summary>
public readonly record struct FunnelLimits(long Denominator, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// Funnel-plot control limits for a proportion around a benchmark (Spiegelhalter, "Funnel plots for comparing
/// institutional performance", Statistics in Medicine 24, 2005), by the normal approximation to the binomial.
/// </summary>
/// <remarks>
/// limit = p₀ ± z·√(p₀(1 - p₀)/n), z = 1.959964 (95%) or 3.090232 (99.8%), clipped to [0, 1]. The normal
/// approximation is poor when n·p₀ or n·(1 - p₀) is below about 5; those points are still computed, and the clip
/// keeps them on the scale. Exact binomial limits with interpolation (Spiegelhalter's appendix) are not implemented.
/// </remarks>
public static class FunnelPlot
{
    public static FunnelLimits ProportionLimits(double benchmarkProportion, long denominator)
    {
        if (!(benchmarkProportion >= 0 && benchmarkProportion <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(benchmarkProportion), benchmarkProportion, "a proportion is between 0 and 1");
        }

        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "a funnel point needs a positive denominator");
        }

        var sd = Math.Sqrt(benchmarkProportion * (1 - benchmarkProportion) / denominator);
        var z95 = Quantiles.TwoSidedZ(ConfidenceLevels.Ninety5);
        var z998 = Quantiles.TwoSidedZ(ConfidenceLevels.Ninety9Point8);
        return new(
            denominator,
            Clip(benchmarkProportion - z95 * sd),
            Clip(benchmarkProportion + z95 * sd),
            Clip(benchmarkProportion - z998 * sd),
            Clip(benchmarkProportion + z998 * sd));
    }

    /// <summary>Limits at each of <paramref name="denominators"/>, in the order given.</summary>
    public static IReadOnlyList<FunnelLimits> ProportionLimits(double benchmarkProportion, IEnumerable<long> denominators) =>
        denominators.Select(n => ProportionLimits(benchmarkProportion, n)).ToArray();

    private static double Clip(double p) => Math.Clamp(p, 0, 1);
}
