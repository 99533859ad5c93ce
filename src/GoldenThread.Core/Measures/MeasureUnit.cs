using System.Globalization;

namespace GoldenThread.Core.Measures;

public enum UnitKind
{
    Percentage,
    Count,
    Rate,
    Days,
    Weeks,
    Months,
    Score,
    Ratio,
    Currency,
}

/// <summary>The unit a measure's values are in; a rate carries its base (per 10,000 children, per 1,000 live births).</summary>
/// <remarks>Invariant: <see cref="RateBase"/> is positive when <see cref="Kind"/> is <see cref="UnitKind.Rate"/>, null otherwise.</remarks>
public sealed record MeasureUnit
{
    private MeasureUnit(UnitKind kind, int? rateBase)
    {
        Kind = kind;
        RateBase = rateBase;
    }

    public UnitKind Kind { get; }

    public int? RateBase { get; }

    public static MeasureUnit Percentage { get; } = new(UnitKind.Percentage, null);
    public static MeasureUnit Count { get; } = new(UnitKind.Count, null);
    public static MeasureUnit Days { get; } = new(UnitKind.Days, null);
    public static MeasureUnit Weeks { get; } = new(UnitKind.Weeks, null);
    public static MeasureUnit Months { get; } = new(UnitKind.Months, null);
    public static MeasureUnit Score { get; } = new(UnitKind.Score, null);
    public static MeasureUnit Ratio { get; } = new(UnitKind.Ratio, null);
    public static MeasureUnit Currency { get; } = new(UnitKind.Currency, null);

    public static MeasureUnit RatePer(int rateBase) =>
        rateBase > 0 ? new(UnitKind.Rate, rateBase) : throw new ArgumentOutOfRangeException(nameof(rateBase), "A rate's base is positive.");

    /// <summary>Parses <c>percentage</c>, <c>count</c>, <c>rate per 10000</c> (or <c>rate per 10,000</c>), <c>days</c>, <c>weeks</c>, <c>months</c>, <c>score</c>, <c>ratio</c>, <c>currency</c>.</summary>
    public static ParseResult<MeasureUnit> Parse(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        MeasureUnit? unit = t switch
        {
            "percentage" or "percent" or "%" => Percentage,
            "count" or "number" => Count,
            "days" => Days,
            "weeks" => Weeks,
            "months" => Months,
            "score" => Score,
            "ratio" => Ratio,
            "currency" or "£" or "gbp" => Currency,
            _ => null,
        };
        if (unit is not null)
        {
            return ParseResult<MeasureUnit>.Ok(unit);
        }

        if (t.StartsWith("rate per ", StringComparison.Ordinal) &&
            int.TryParse(t["rate per ".Length..].Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0)
        {
            return ParseResult<MeasureUnit>.Ok(RatePer(b));
        }

        return ParseResult<MeasureUnit>.Fail(
            $"'{text}' is not a unit; expected percentage, count, rate per N (e.g. rate per 10000), days, weeks, months, score, ratio or currency");
    }

    /// <summary>Formats a value in this unit with the given decimal places: <c>12.55%</c>, <c>168</c>, <c>£1,250</c>, <c>48.2</c>.</summary>
    public string Format(double value, int decimalPlaces)
    {
        // Rounded from the figure the data mean, not its binary approximation, and halves away from zero as people and
        // Excel round (formatting alone rounds halves to even): an average of 70.25 computed as 70.24999999999999 is
        // written 70.3 at one place, as by hand.
        value = Math.Round(Clean(value), decimalPlaces, MidpointRounding.AwayFromZero);
        var number = value.ToString("N" + decimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Kind switch
        {
            UnitKind.Percentage => number + "%",
            UnitKind.Currency => value < 0 ? "-£" + number.TrimStart('-') : "£" + number,
            _ => number,
        };
    }

    /// <summary>
    /// A figure without binary floating-point noise: 15 significant digits (a double holds 15 to 17), so 70.24999999999999
    /// is 70.25 and 0.1 + 0.2 is 0.3.
    /// </summary>
    public static double Clean(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    /// <summary>
    /// A difference between two values in this unit, as people write it: percentages differ in percentage points
    /// (<c>0.7 percentage points</c>, never <c>0.7%</c>, which reads as a relative change), rates per their base, days
    /// in days. At the measure's decimal places, with up to two more where that would otherwise show a real difference as 0.
    /// </summary>
    public string FormatDifference(double difference, int decimalPlaces)
    {
        var size = Math.Abs(Clean(difference));
        var places = decimalPlaces;
        while (places < decimalPlaces + 2 && size > 0 && Math.Round(size, places) == 0)
        {
            places++;
        }

        size = Math.Round(size, places, MidpointRounding.AwayFromZero);
        var number = size.ToString("N" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var sign = difference < 0 && Math.Round(size, places) > 0 ? "-" : "";
        return sign + Kind switch
        {
            UnitKind.Percentage => number + (number == "1" ? " percentage point" : " percentage points"),
            UnitKind.Currency => "£" + number,
            UnitKind.Rate => $"{number} per {RateBase!.Value.ToString("N0", CultureInfo.InvariantCulture)}",
            UnitKind.Days => number + (number == "1" ? " day" : " days"),
            UnitKind.Weeks => number + (number == "1" ? " week" : " weeks"),
            UnitKind.Months => number + (number == "1" ? " month" : " months"),
            _ => number,
        };
    }

    public override string ToString() => Kind == UnitKind.Rate
        ? $"rate per {RateBase!.Value.ToString(CultureInfo.InvariantCulture)}"
        : Kind.ToString().ToLowerInvariant();
}
