using System.Globalization;

namespace GoldenThread.Core.Disclosure;

/// <summary>The disclosure-control settings: which counts are too small to publish, and how suppression is shown.</summary>
/// <remarks>
/// Invariant: <see cref="Threshold"/> is at least 1. Counts from 1 to <see cref="Threshold"/> are suppressed; zero is
/// shown as zero (a zero identifies no child, and hiding it would hide good news and complicate secondary suppression).
/// </remarks>
public sealed record DisclosureRules
{
    public DisclosureRules(int threshold = 5, string marker = "*", string? footnote = null)
    {
        if (threshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the suppression threshold is at least 1");
        }

        Threshold = threshold;
        Marker = marker;
        Footnote = footnote ?? $"{marker} Suppressed: counts from 1 to {threshold.ToString(CultureInfo.InvariantCulture)}, figures worked out from them, and figures that would let them be worked out, are not shown so that no child can be identified.";
    }

    public static DisclosureRules Default { get; } = new();

    /// <summary>The largest count that is suppressed (default 5).</summary>
    public int Threshold { get; }

    /// <summary>Shown in place of a suppressed figure.</summary>
    public string Marker { get; }

    /// <summary>The note to print under any table that shows <see cref="Marker"/>.</summary>
    public string Footnote { get; }

    /// <summary>True for a count from 1 to the threshold.</summary>
    public bool IsSmall(long count) => count >= 1 && count <= Threshold;
}

/// <summary>A figure as it may be published: its value, or the marker when suppressed.</summary>
public readonly record struct DisclosedValue(double? Value, bool Suppressed, string Display);

/// <summary>Primary suppression of single figures. Pure.</summary>
public static class SmallNumbers
{
    /// <summary>A count: suppressed from 1 to the threshold; zero and larger counts shown.</summary>
    public static DisclosedValue Count(long count, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        return rules.IsSmall(count)
            ? new(null, true, rules.Marker)
            : new(count, false, count.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A rate or percentage worked out from <paramref name="numerator"/>: suppressed when the numerator is, so the
    /// small count cannot be got back by multiplying by the denominator.
    /// </summary>
    public static DisclosedValue Derived(double value, long numerator, string display, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        return rules.IsSmall(numerator) ? new(null, true, rules.Marker) : new(value, false, display);
    }
}
