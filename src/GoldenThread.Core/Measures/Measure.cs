namespace GoldenThread.Core.Measures;

public enum Frequency
{
    Quarterly,
    Monthly,
    FinancialYear,
    AcademicYear,
    CalendarYear,
    RollingTwelveMonths,
    Snapshot,
}

/// <summary>A gap measure: the value of <see cref="GroupMeasureId"/> minus that of <see cref="ComparisonMeasureId"/> in the same period.</summary>
public sealed record GapDefinition(string GroupMeasureId, string ComparisonMeasureId);

/// <summary>A measure (KPI) the plan monitors.</summary>
/// <remarks>
/// Invariants: <see cref="Id"/> and <see cref="Title"/> are not blank; <see cref="DecimalPlaces"/> is 0–6.
/// A measure with a <see cref="Gap"/> takes its values from its two group measures, not from data.
/// </remarks>
public sealed record Measure
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required MeasureUnit Unit { get; init; }

    public required Polarity Polarity { get; init; }

    public Frequency Frequency { get; init; } = Frequency.Quarterly;

    public int DecimalPlaces { get; init; } = 1;

    public string? Source { get; init; }

    public string? Owner { get; init; }

    public string? Definition { get; init; }

    /// <summary>The LAIT <c>Short Desc</c> code this measure maps to, when LAIT holds it.</summary>
    public string? LaitCode { get; init; }

    /// <summary>
    /// The id of the measure GoldenThread derives from the statutory returns (SSDA903, CIN census) that gives this
    /// measure its values (see <c>ReturnMeasureIds</c> and docs/returns.md); null when the values come from elsewhere.
    /// </summary>
    public string? ReturnMeasureId { get; init; }

    /// <summary>The Amber band: how far from its target (or the comparator of a relative target) a value is Amber, not Red.</summary>
    public Tolerance Tolerance { get; init; } = Tolerance.DefaultAmber;

    /// <summary>Within this of the previous value or a benchmark is "no significant change" or "similar", where no statistical test applies.</summary>
    public Tolerance SimilarWithin { get; init; } = Tolerance.DefaultSimilarity;

    public IReadOnlyList<ScheduledTarget> Targets { get; init; } = [];

    /// <summary>
    /// A target the plan states without a year ("81%", "in top 25% of local authorities"), in force for every period;
    /// a measure has either this or yearly <see cref="Targets"/>, never both (the plan reader enforces it).
    /// </summary>
    public Target? StandingTarget { get; init; }

    public GapDefinition? Gap { get; init; }

    /// <summary>True when national quartiles do not apply (LAIT's <c>No_Quartile</c> flag, or the plan says so).</summary>
    public bool NoQuartile { get; init; }

    /// <summary>True for qualitative measures whose "value" is a body of evidence (quotes, a satisfaction score).</summary>
    public bool Qualitative { get; init; }

    /// <summary>What the measure's counts are of, as the plan says (<c>counts:</c>); null when it does not.</summary>
    public Counted? CountsGiven { get; init; }

    /// <summary>What the measure's counts are of: as the plan says, or by default money for currency and children otherwise (<see cref="CountedNames.DefaultFor"/>).</summary>
    public Counted Counts => CountsGiven ?? CountedNames.DefaultFor(Unit);

    /// <summary>
    /// How many children or families (or events that happen to them) a figure rests on, for disclosure control: the
    /// numerator of a percentage, rate or ratio; the value of a count; the denominator of an average (days, weeks,
    /// months, a score or money per child, whose numerator is a sum). Null when the figure carries no counts, or when
    /// its counts are not of people (<see cref="Counts"/> is staff, organisations, money or other).
    /// </summary>
    public double? CountBehind(double? value, double? numerator, double? denominator) => !Counts.ArePeople() ? null : Unit.Kind switch
    {
        UnitKind.Percentage or UnitKind.Rate or UnitKind.Ratio => numerator,
        UnitKind.Count => numerator ?? value,
        _ => numerator is null ? null : denominator,
    };

    /// <summary>
    /// The value as people write it. A gap between two percentages is a difference in percentage points, so it is
    /// written "-24.3 pp", not "-24.3%" (which would read as a relative change).
    /// </summary>
    public string FormatValue(double value) =>
        Gap is not null && Unit.Kind == UnitKind.Percentage
            ? MeasureUnit.Count.Format(value, DecimalPlaces) + " pp"
            : Unit.Format(value, DecimalPlaces);

    /// <summary>A difference between two of this measure's values as people write it: "0.7 percentage points".</summary>
    public string FormatDifference(double difference) => Unit.FormatDifference(difference, DecimalPlaces);
}
