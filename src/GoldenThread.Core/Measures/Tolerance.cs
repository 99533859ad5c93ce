using System.Globalization;

namespace GoldenThread.Core.Measures;

/// <summary>
/// How far a value may be from a reference and still count as near it: a measure has two, the Amber band around its
/// target (RAG) and the band within which a change or a difference from a benchmark is "similar" where no counts allow
/// a statistical test.
/// </summary>
/// <remarks>
/// Either absolute, in the measure's own units (percentage points for a percentage), or relative, a fraction of the
/// reference value. Invariant: the amount is finite and not negative.
/// </remarks>
public readonly record struct Tolerance
{
    private Tolerance(double amount, bool relative)
    {
        Amount = amount;
        IsRelative = relative;
    }

    /// <summary>The amount: units when absolute, a fraction (0.05 = 5%) when relative.</summary>
    public double Amount { get; }

    public bool IsRelative { get; }

    /// <summary>The Amber band when a measure states none: 5% of the target or comparator (docs/methods.md#tolerance says why).</summary>
    public static Tolerance DefaultAmber { get; } = new(0.05, true);

    /// <summary>What counts as "similar" when a measure states nothing: 1% of the reference value (docs/methods.md#tolerance).</summary>
    public static Tolerance DefaultSimilarity { get; } = new(0.01, true);

    public static Tolerance None { get; } = new(0, false);

    public static Tolerance InUnits(double amount) =>
        double.IsFinite(amount) && amount >= 0 ? new(amount, false) : throw new ArgumentOutOfRangeException(nameof(amount));

    public static Tolerance RelativeFraction(double fraction) =>
        double.IsFinite(fraction) && fraction >= 0 ? new(fraction, true) : throw new ArgumentOutOfRangeException(nameof(fraction));

    /// <summary>The allowed absolute difference around <paramref name="reference"/>.</summary>
    public double WidthAround(double reference) => IsRelative ? Math.Abs(reference) * Amount : Amount;

    /// <summary>True when |value − reference| is within the tolerance (the edge counts as within).</summary>
    public bool IsWithin(double value, double reference) =>
        Math.Abs(value - reference) <= WidthAround(reference) + (1e-9 * Math.Max(1, Math.Abs(reference)));

    /// <summary>Parses <c>2</c> (units) or <c>5%</c> (relative).</summary>
    public static ParseResult<Tolerance> Parse(string? text)
    {
        var t = (text ?? "").Trim();
        var relative = t.EndsWith('%');
        var number = relative ? t[..^1].Trim() : t;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0)
        {
            return ParseResult<Tolerance>.Ok(relative ? RelativeFraction(v / 100) : InUnits(v));
        }

        return ParseResult<Tolerance>.Fail($"'{text}' is not a tolerance; expected a non-negative number in the measure's units (e.g. 2) or a percentage of the reference value (e.g. 5%)");
    }

    public override string ToString() => IsRelative
        ? (Amount * 100).ToString("0.##", CultureInfo.InvariantCulture) + "% of the reference"
        : Amount.ToString("0.###", CultureInfo.InvariantCulture) + " units";
}
