using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Returns;

/// <summary>Inputs to the derivations that the returns do not hold.</summary>
public sealed record ReturnOptions
{
    /// <summary>Children aged 0–17 living in the area (ONS mid-year estimate); rates are left out when null.</summary>
    public double? ChildPopulation { get; init; }

    /// <summary>Days from entering care to moving in with the adoptive family counted as timely (426 = 14 months, the adoption scorecard's A1 threshold for 2013–16).</summary>
    public int AdoptionThresholdDays { get; init; } = 426;
}

/// <summary>How a derived observation's note marks a figure the files cannot support.</summary>
public static class ObservationNotes
{
    /// <summary>The start of the note of a figure that is not computable: "Not computable for financial year 2024/25: reason".</summary>
    public const string NotComputablePrefix = "Not computable for ";

    public static bool IsNotComputable(Observation o) =>
        o.Value is null && o.Note is { } n && n.StartsWith(NotComputablePrefix, StringComparison.Ordinal);
}

/// <summary>The number of children aged 0 to 17 living in the area that rates per 10,000 are worked out from.</summary>
public static class ChildPopulation
{
    /// <summary>
    /// A whole number above zero (ONS mid-year estimate of children aged 0 to 17), as typed in an option or a manifest:
    /// digits only, so "NaN", "Infinity", "1e5", a fraction, zero or a negative number are refused with a message saying what
    /// was expected, never a parser's type name.
    /// </summary>
    public static ParseResult<double> Parse(string? text)
    {
        var t = (text ?? "").Trim();
        var shown = t.Length > 12 ? t[..12] + "…" : t;
        const string expected = "expected the number of children aged 0 to 17 living in the area (ONS mid-year estimate), a whole number above zero, e.g. 140000";
        if (t.Length == 0)
        {
            return ParseResult<double>.Fail("is empty: " + expected);
        }

        if (long.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n > 0 ? ParseResult<double>.Ok(n) : ParseResult<double>.Fail($"'{shown}' is not above zero: {expected}");
        }

        // Digits with a decimal point ("12.5") are a number but not a whole one; anything else ("NaN", "1e5") is no number.
        var isDecimal = t.Any(char.IsAsciiDigit) && t.TrimStart('-', '+').All(ch => char.IsAsciiDigit(ch) || ch == '.') && t.Count(ch => ch == '.') == 1;
        return ParseResult<double>.Fail(isDecimal ? $"'{shown}' is not a whole number: {expected}" : $"'{shown}' is not a number: {expected}");
    }
}

/// <summary>Builds observations the same way for every derived figure.</summary>
/// <remarks>
/// A figure the files cannot support is still written, without a value, its note saying why ("Not computable for …:
/// reason"), so a dashboard shows the reason rather than a number built on missing history. <see cref="Block"/> makes
/// every later figure of the window not computable, for a window the files do not cover at all.
/// </remarks>
internal sealed class ObservationSink(ReportingWindow window)
{
    private readonly List<Observation> _items = [];
    private string? _blocked;

    public IReadOnlyList<Observation> Items => _items;

    private Observation Base(string id, double? value) => new()
    {
        MeasureId = id,
        Period = window.Period,
        Value = value,
        Status = ValueStatus.Provisional,
        Provenance = Provenance.Computed,
        Note = $"Derived from record-level returns, {window.Describe()}",
    };

    /// <summary>From now on every figure is written as not computable, for <paramref name="reason"/>.</summary>
    public void Block(string reason) => _blocked = reason;

    /// <summary>No value, with the reason in the note (never a count: the note is published).</summary>
    public void NotComputable(string id, string reason) =>
        _items.Add(Base(id, null) with { Note = $"{ObservationNotes.NotComputablePrefix}{window.Describe()}: {reason}" });

    public void Count(string id, int count, string? notComputable = null)
    {
        if ((_blocked ?? notComputable) is { } why)
        {
            NotComputable(id, why);
            return;
        }

        _items.Add(Base(id, count));
    }

    /// <summary>A percentage with its numerator and denominator; no value when nobody is in the denominator.</summary>
    public void Percent(string id, int numerator, int denominator, string? notComputable = null)
    {
        if ((_blocked ?? notComputable) is { } why)
        {
            NotComputable(id, why);
            return;
        }

        _items.Add(denominator == 0
            ? Base(id, null) with { Note = $"No children in the cohort, {window.Describe()}" }
            : Base(id, 100.0 * numerator / denominator) with { Numerator = numerator, Denominator = denominator });
    }

    public void Average(string id, double sum, int n, string? notComputable = null)
    {
        if ((_blocked ?? notComputable) is { } why)
        {
            NotComputable(id, why);
            return;
        }

        _items.Add(n == 0
            ? Base(id, null) with { Note = $"No children in the cohort, {window.Describe()}" }
            : Base(id, sum / n) with { Numerator = sum, Denominator = n });
    }

    /// <summary>A rate per 10,000 children; left out when no population is given.</summary>
    public void Rate(string id, int count, double? population)
    {
        if (population is not > 0)
        {
            return;
        }

        if (_blocked is { } why)
        {
            NotComputable(id, why);
            return;
        }

        _items.Add(Base(id, 10000.0 * count / population.Value) with { Numerator = count, Denominator = population });
    }
}

/// <summary>Every figure the returns give for one window: the front door of the derivations.</summary>
public static class ReturnMeasures
{
    public static IReadOnlyList<Observation> Derive(LookedAfterData? lookedAfter, CinData? childrenInNeed, ReportingWindow window, ReturnOptions? options = null)
    {
        options ??= new ReturnOptions();
        var all = new List<Observation>();
        if (lookedAfter is not null)
        {
            all.AddRange(LookedAfterMeasures.Derive(lookedAfter, window, options));
        }

        if (childrenInNeed is not null)
        {
            all.AddRange(ChildInNeedMeasures.Derive(childrenInNeed, window, options));
        }

        return all;
    }
}
