using GoldenThread.Core.Judgements;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Measures;

public enum ValueStatus
{
    Final,
    Provisional,
}

/// <summary>Where a figure came from.</summary>
public enum Provenance
{
    /// <summary>Computed by GoldenThread from all councils' data (LAIT).</summary>
    Computed,
    /// <summary>Given as an input (the council's own values file), not computed.</summary>
    Supplied,
}

/// <summary>Benchmarks given with a council's own value where all-council data does not exist.</summary>
public sealed record SuppliedBenchmarks
{
    public double? England { get; init; }

    public double? Region { get; init; }

    public double? StatisticalNeighbourAverage { get; init; }

    /// <summary>1–4, 1 the best.</summary>
    public int? Quartile { get; init; }

    public bool IsEmpty => England is null && Region is null && StatisticalNeighbourAverage is null && Quartile is null;
}

/// <summary>One value of one measure for one period, for the home council.</summary>
/// <remarks>Invariant: when both are given, <see cref="Denominator"/> is positive and <see cref="Numerator"/> is not negative.</remarks>
public sealed record Observation
{
    public required string MeasureId { get; init; }

    public required Period Period { get; init; }

    /// <summary>Null when the value is missing or suppressed at source.</summary>
    public double? Value { get; init; }

    public double? Numerator { get; init; }

    public double? Denominator { get; init; }

    public ValueStatus Status { get; init; } = ValueStatus.Final;

    public string? Note { get; init; }

    public SuppliedBenchmarks? Benchmarks { get; init; }

    /// <summary>
    /// Whether this value is new since the previous report, as supplied (a dashboard's "Updated" column); null to have it
    /// worked out from the periods (docs/methods.md#updated).
    /// </summary>
    public bool? Updated { get; init; }

    /// <summary>
    /// A direction of travel given with the value, used only where none can be computed (no previous comparable value):
    /// see <see cref="SuppliedJudgements"/>.
    /// </summary>
    public SuppliedJudgement<Direction>? SuppliedDirection { get; init; }

    /// <summary>A RAG rating given with the value, used only where none can be computed (no rateable target, or a comparator missing).</summary>
    public SuppliedJudgement<Rag>? SuppliedRag { get; init; }

    /// <summary>Where the value came from: supplied by the council, or taken from LAIT.</summary>
    public Provenance Provenance { get; init; } = Provenance.Supplied;

    /// <summary>
    /// For a figure worked out from other figures (a gap between two groups), the smallest count of children or
    /// families behind them, for disclosure control; null for a figure read from data, whose count comes from its own
    /// numerator (<see cref="Measure.CountBehind"/>).
    /// </summary>
    public double? CountBehind { get; init; }
}
