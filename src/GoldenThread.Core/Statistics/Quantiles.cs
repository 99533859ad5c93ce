using MathNet.Numerics.Distributions;

namespace GoldenThread.Core.Statistics;

/// <summary>The distribution quantiles the methods need, with the two common z values cached.</summary>
internal static class Quantiles
{
    // Exact to double precision; cached because the comparison of a million values must not invert the normal a million times.
    private const double Z95 = 1.959963984540054;
    private const double Z998 = 3.090232306167814;

    /// <summary>The two-sided standard normal quantile for <paramref name="level"/>: 1.96 for 95%.</summary>
    public static double TwoSidedZ(double level)
    {
        if (level == ConfidenceLevels.Ninety5)
        {
            return Z95;
        }

        if (level == ConfidenceLevels.Ninety9Point8)
        {
            return Z998;
        }

        RequireLevel(level);
        return Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
    }

    /// <summary>The chi-squared quantile with <paramref name="degreesOfFreedom"/> at cumulative probability <paramref name="p"/>.</summary>
    public static double ChiSquared(double p, double degreesOfFreedom) =>
        MathNet.Numerics.Distributions.ChiSquared.InvCDF(degreesOfFreedom, p);

    /// <summary>The two-sided Student's t quantile for <paramref name="level"/> with <paramref name="degreesOfFreedom"/>.</summary>
    public static double TwoSidedT(double level, double degreesOfFreedom)
    {
        RequireLevel(level);
        return StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - level) / 2);
    }

    public static void RequireLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level is a fraction between 0 and 1, such as 0.95");
        }
    }
}
