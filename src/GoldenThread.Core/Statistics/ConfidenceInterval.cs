using System.Globalization;

namespace GoldenThread.Core.Statistics;

/// <summary>How a confidence interval was worked out.</summary>
public enum IntervalMethod
{
    /// <summary>Wilson score interval for a proportion.</summary>
    WilsonScore,
    /// <summary>Byar's approximation to the Poisson interval for a count (and a rate built on it).</summary>
    Byars,
    /// <summary>Exact Poisson interval from chi-squared quantiles, used for small counts.</summary>
    ExactPoisson,
    /// <summary>Student's t interval for a mean.</summary>
    StudentT,
    /// <summary>Published with the value; we do not know the method.</summary>
    Given,
}

/// <summary>Whether GoldenThread computed an interval or took it as published.</summary>
public enum IntervalProvenance
{
    Computed,
    Given,
}

/// <summary>The two confidence levels Fingertips and PHE use for comparisons.</summary>
public static class ConfidenceLevels
{
    /// <summary>95%: the level of a "significant" difference.</summary>
    public const double Ninety5 = 0.95;

    /// <summary>99.8%: roughly three standard errors, the second level in Fingertips' two-level comparisons.</summary>
    public const double Ninety9Point8 = 0.998;

    /// <summary>"95%", "99.8%": the level as people write it.</summary>
    public static string ToWords(double level) =>
        (level * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}

/// <summary>A confidence interval around a value, on the value's own scale (a proportion, a per-cent, a rate per N).</summary>
/// <remarks>
/// Invariants: <see cref="Level"/> is in (0, 1). A computed interval has both bounds and <c>Lower &lt;= Upper</c>.
/// A given (published) interval may lack one or both bounds: a comparison then reports that it cannot compare, and why,
/// rather than guessing the missing bound.
/// </remarks>
public readonly record struct ConfidenceInterval
{
    private ConfidenceInterval(double? lower, double? upper, double level, IntervalMethod method, IntervalProvenance provenance)
    {
        Lower = lower;
        Upper = upper;
        Level = level;
        Method = method;
        Provenance = provenance;
    }

    public double? Lower { get; }

    public double? Upper { get; }

    /// <summary>The confidence level as a fraction: 0.95 or 0.998.</summary>
    public double Level { get; }

    public IntervalMethod Method { get; }

    public IntervalProvenance Provenance { get; }

    /// <summary>True when both bounds are known.</summary>
    public bool IsComplete => Lower.HasValue && Upper.HasValue;

    /// <summary>Inclusive: a value exactly on an edge counts as inside (the difference is then not significant).</summary>
    public bool Contains(double value) => IsComplete && value >= Lower!.Value && value <= Upper!.Value;

    /// <summary>Both bounds multiplied by <paramref name="factor"/> (a proportion to a per-cent, a count to a rate).</summary>
    public ConfidenceInterval Scale(double factor) =>
        new(Lower * factor, Upper * factor, Level, Method, Provenance);

    internal static ConfidenceInterval Computed(double lower, double upper, double level, IntervalMethod method) =>
        new(lower, upper, level, method, IntervalProvenance.Computed);

    /// <summary>
    /// A published interval, taken as given (Appendix C's NCMP intervals, a DfE table). Either bound may be missing.
    /// </summary>
    public static ParseResult<ConfidenceInterval> Given(double? lower, double? upper, double level = ConfidenceLevels.Ninety5)
    {
        if (!(level > 0 && level < 1))
        {
            return ParseResult<ConfidenceInterval>.Fail($"confidence level {level.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1 (write 0.95, not 95)");
        }

        if (lower is { } l && upper is { } u && l > u)
        {
            return ParseResult<ConfidenceInterval>.Fail(
                $"lower bound {l.ToString(CultureInfo.InvariantCulture)} is above upper bound {u.ToString(CultureInfo.InvariantCulture)}");
        }

        if (lower is { } nl && !double.IsFinite(nl) || upper is { } nu && !double.IsFinite(nu))
        {
            return ParseResult<ConfidenceInterval>.Fail("a confidence bound is not a finite number");
        }

        return ParseResult<ConfidenceInterval>.Ok(new(lower, upper, level, IntervalMethod.Given, IntervalProvenance.Given));
    }

    public override string ToString()
    {
        static string F(double? v) => v?.ToString("0.######", CultureInfo.InvariantCulture) ?? "?";
        return $"{F(Lower)} to {F(Upper)} ({ConfidenceLevels.ToWords(Level)}, {Method})";
    }
}
