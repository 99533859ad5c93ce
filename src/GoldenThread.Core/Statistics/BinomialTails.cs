namespace GoldenThread.Core.Statistics;

/// <summary>
/// Binomial tail probabilities for any number of trials a <see cref="long"/> can hold up to 2^53, to near double
/// precision. Pure.
/// </summary>
/// <remarks>
/// <para>
/// Why not a library's binomial CDF: MathNet's takes the number of trials as an <see cref="int"/>, so the conditional
/// test for two Poisson counts overflowed once the two counts together passed 2^31 (issue 12). The usual fallback,
/// <c>lgamma(n+1) - lgamma(k+1) - lgamma(n-k+1)</c>, loses about five significant figures at n = 10^9 to cancellation.
/// </para>
/// <para>
/// Method: the probability of exactly <c>k</c> successes is computed by Loader's saddle-point expansion (C. Loader,
/// "Fast and accurate computation of binomial probabilities", 2000; the method of R's <c>dbinom</c>):
/// <c>P(k) = exp(δ(n) - δ(k) - δ(n-k) - D(k, np) - D(n-k, nq)) · √(n / (2π k (n-k)))</c>, where δ is the error of
/// Stirling's formula for ln m! and <c>D(x, M) = x ln(x/M) + M - x</c> is evaluated by its series near x = M, so no
/// large logarithms are subtracted. The smaller tail is then summed outward from <c>k</c>, where the terms fall
/// (their ratio <c>j q / ((n-j+1) p)</c> shrinks away from the mode), until the geometric bound on what is left is
/// below 10⁻¹⁷ of the sum: about ten standard deviations' worth of terms at most (some 300,000 when n = 2^32); the
/// other tail is its complement. Every term is positive, so the sum has no cancellation.
/// </para>
/// </remarks>
internal static class BinomialTails
{
    /// <summary>Counts beyond this are not exact in a double, so the probabilities would not be either.</summary>
    public const long MaxTrials = 1L << 53;

    private const double LnTwoPi = 1.8378770664093454835606594728112;

    /// <summary>
    /// <c>P(X ≤ k)</c> and <c>P(X ≥ k)</c> for <c>X ~ Binomial(n, p)</c>, 0 &lt; p &lt; 1, 0 ≤ k ≤ n ≤ 2^53.
    /// </summary>
    public static (double AtMost, double AtLeast) Tails(long k, long n, double p)
    {
        if (n < 0 || n > MaxTrials)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"the number of trials must be between 0 and 2^53 ({MaxTrials})");
        }

        if (k < 0 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"the number of successes must be between 0 and the number of trials ({n})");
        }

        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "the probability must be strictly between 0 and 1");
        }

        var q = 1 - p;
        var atK = Probability(k, n, p, q);
        if (k <= n * p)
        {
            // k is at or below the mean, so the terms fall from k downwards.
            var atMost = SumOutward(k, n, p, q, atK, downwards: true);
            return (atMost, Math.Min(1.0, 1 - atMost + atK));
        }

        var atLeast = SumOutward(k, n, p, q, atK, downwards: false);
        return (Math.Min(1.0, 1 - atLeast + atK), atLeast);
    }

    /// <summary><c>P(X = k)</c> for <c>X ~ Binomial(n, p)</c>, by Loader's saddle-point expansion.</summary>
    public static double Probability(long k, long n, double p, double q)
    {
        if (k == 0)
        {
            // qⁿ; written through D when p is small, where n·ln(q) would lose digits.
            return n == 0 ? 1.0 : Math.Exp(p < 0.1 ? -Deviance(n, n * q) - n * p : n * Math.Log(q));
        }

        if (k == n)
        {
            return Math.Exp(q < 0.1 ? -Deviance(n, n * p) - n * q : n * Math.Log(p));
        }

        double dk = k, dn = n, rest = n - k;
        var lc = StirlingError(dn) - StirlingError(dk) - StirlingError(rest) - Deviance(dk, dn * p) - Deviance(rest, dn * q);
        var lf = LnTwoPi + Math.Log(dk) + Math.Log(rest / dn);
        return Math.Exp(lc - 0.5 * lf);
    }

    private static double SumOutward(long k, long n, double p, double q, double atK, bool downwards)
    {
        if (atK == 0)
        {
            // The first term underflows and the rest are smaller still.
            return 0;
        }

        var sum = atK;
        var term = atK;
        var j = k;
        while (downwards ? j > 0 : j < n)
        {
            // Ratio of the next term to this one; it only shrinks further out.
            var ratio = downwards
                ? j / (double)(n - j + 1) * (q / p)
                : (n - j) / (double)(j + 1) * (p / q);
            term *= ratio;
            sum += term;
            j += downwards ? -1 : 1;
            if (term == 0 || (ratio < 1 && term * ratio / (1 - ratio) < sum * 1e-17))
            {
                break;
            }
        }

        return Math.Min(1.0, sum);
    }

    /// <summary>
    /// δ(m) = ln m! - (m + ½) ln m + m - ½ ln 2π, the error of Stirling's formula: exactly for m ≤ 15, by the
    /// asymptotic series 1/(12m) - 1/(360m³) + 1/(1260m⁵) - 1/(1680m⁷) + 1/(1188m⁹) beyond, whose next term is
    /// under 10⁻¹⁵ of δ there.
    /// </summary>
    private static double StirlingError(double m)
    {
        if (m <= 15)
        {
            double factorial = 1;
            for (var i = 2; i <= (int)m; i++)
            {
                factorial *= i;
            }

            return Math.Log(factorial) - (m + 0.5) * Math.Log(m) + m - 0.5 * LnTwoPi;
        }

        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        var mm = m * m;
        return (s0 - (s1 - (s2 - (s3 - s4 / mm) / mm) / mm) / mm) / m;
    }

    /// <summary>
    /// D(x, M) = x ln(x/M) + M - x ≥ 0, the deviance of x from M. Near x = M it is computed by its series in
    /// v = (x - M)/(x + M): D = (x - M)·v + 2x(v³/3 + v⁵/5 + …), which has no cancellation.
    /// </summary>
    private static double Deviance(double x, double mean)
    {
        if (Math.Abs(x - mean) < 0.1 * (x + mean))
        {
            var v = (x - mean) / (x + mean);
            var s = (x - mean) * v;
            var ej = 2 * x * v;
            var vv = v * v;
            for (var j = 1; j < 1000; j++)
            {
                ej *= vv;
                var next = s + ej / (2 * j + 1);
                if (next == s)
                {
                    return next;
                }

                s = next;
            }

            return s;
        }

        return x * Math.Log(x / mean) + mean - x;
    }
}
