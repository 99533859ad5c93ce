using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Dashboard;

/// <summary>One point of a measure's trend (for the sparkline and its text alternative).</summary>
public sealed record TrendPoint(Period Period, double Value)
{
    /// <summary>The count the value rests on, where known (for disclosure control).</summary>
    public double? Numerator { get; init; }
}

/// <summary>Where the latest value stands on a multi-year target trajectory.</summary>
public sealed record TrajectoryProgress(
    Period BaselinePeriod,
    double BaselineValue,
    Period TargetYear,
    double TargetValue,
    double? ExpectedNow,
    double ShareOfDistanceCovered,
    bool OnTrack,
    string Reason)
{
    /// <summary>The count the baseline rests on, where known (for disclosure control).</summary>
    public double? BaselineCount { get; init; }
}

/// <summary>The gap between a group and its comparison group, and whether it is narrowing.</summary>
public sealed record GapResult(
    Period Period,
    double Gap,
    Period? PreviousPeriod,
    double? PreviousGap,
    string Trend,
    string Reason);

/// <summary>A value with where it came from.</summary>
public readonly record struct Sourced(double Value, Provenance Provenance);

/// <summary>One measure's line on the dashboard, with every figure and the reason for every judgement.</summary>
public sealed record DashboardRow
{
    public required Measure Measure { get; init; }

    public required string OutcomeId { get; init; }

    public required string OutcomeTitle { get; init; }

    /// <summary>
    /// The latest period with a value at the reporting period (for a qualitative measure, of its latest evidence); null when
    /// there is none ("awaiting local data").
    /// </summary>
    public Period? Period { get; init; }

    /// <summary>
    /// True when <see cref="Period"/> ended more than two years before the reporting period began: the figure is the latest
    /// available, shown with its period and not rated against this year's target (docs/methods.md#figures-years-older-than-the-report).
    /// </summary>
    public bool OutOfDate { get; init; }

    public double? Value { get; init; }

    public double? Numerator { get; init; }

    public double? Denominator { get; init; }

    public ValueStatus? Status { get; init; }

    /// <summary>The value as the dashboard writes it, e.g. <c>0.59% (2)</c>; "awaiting local data" when there is none.</summary>
    public required string ValueText { get; init; }

    public Period? PreviousPeriod { get; init; }

    public double? PreviousValue { get; init; }

    /// <summary>The count the previous value rests on, where known (for disclosure control).</summary>
    public double? PreviousNumerator { get; init; }

    /// <summary>
    /// The count of children or families the latest value rests on, where known (for disclosure control; never
    /// published): its numerator, the value of a count, or for a gap the smaller of its two groups' counts. Null when
    /// unknown or when the measure counts no people; disclosure control then falls back to
    /// <see cref="Measures.Measure.CountBehind"/>.
    /// </summary>
    public double? CountBehind { get; init; }

    /// <summary>True when disclosure control has withheld this row's figures (<see cref="ValueText"/> is the marker).</summary>
    public bool Suppressed { get; init; }

    public required Judgement<Direction> Direction { get; init; }

    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];

    public required Judgement<Rag> Rag { get; init; }

    /// <summary>The target in force, as text (e.g. <c>Top quartile</c>, <c>70%</c>); null when none.</summary>
    public string? TargetText { get; init; }

    public Period? TargetYear { get; init; }

    public int? Rank { get; init; }

    /// <summary>How many councils were ranked.</summary>
    public int? RankedCount { get; init; }

    /// <summary>1–4, 1 the best; null with a reason in <see cref="QuartileReason"/>.</summary>
    public int? Quartile { get; init; }

    public Provenance? QuartileProvenance { get; init; }

    public required string QuartileReason { get; init; }

    public Sourced? StatisticalNeighbourAverage { get; init; }

    /// <summary>How many of the ten neighbours had a value.</summary>
    public int? NeighboursWithValues { get; init; }

    public required Judgement<Comparison> StatisticalNeighbourComparison { get; init; }

    public Sourced? England { get; init; }

    public Sourced? Region { get; init; }

    public string? RegionName { get; init; }

    /// <summary>Whether the measure has data newer than at the previous report; null when it has no data at all.</summary>
    public bool? Updated { get; init; }

    public TrajectoryProgress? Trajectory { get; init; }

    public GapResult? Gap { get; init; }

    /// <summary>The recent trend of the annual figures by the Fingertips test (docs/statistics.md); null for sub-annual measures.</summary>
    public Statistics.RecentTrendResult? RecentTrend { get; init; }

    public string? Note { get; init; }
}

public sealed record DashboardSection(string ThemeId, string ThemeTitle, IReadOnlyList<DashboardRow> Rows);

/// <summary>The counts the report opens with, and their sentences in the words of the Q3 2015/16 report (paragraphs 5–7).</summary>
public sealed record OverviewCounts
{
    public int WithNewData { get; init; }
    public int Improved { get; init; }
    public int NoSignificantChange { get; init; }
    public int Declined { get; init; }
    public int NoComparison { get; init; }
    /// <summary>Measures with new data and no polarity that went up or down.</summary>
    public int ChangedWithoutPolarity { get; init; }

    public int WithNationalBenchmark { get; init; }
    public int Quartile1 { get; init; }
    public int Quartile2 { get; init; }
    public int Quartile3 { get; init; }
    public int Quartile4 { get; init; }

    public int WithNeighbourBenchmark { get; init; }
    public int BetterThanNeighbours { get; init; }
    public int WorseThanNeighbours { get; init; }
    public int SimilarToNeighbours { get; init; }
    /// <summary>Measures with no polarity above or below the SN average (compared, but neither better nor worse).</summary>
    public int DifferentFromNeighboursWithoutPolarity { get; init; }

    public IReadOnlyList<string> Sentences { get; init; } = [];
}

/// <summary>The whole dashboard for one reporting period: the model every renderer draws from.</summary>
public sealed record Dashboard
{
    public required string PlanName { get; init; }

    public required string CouncilName { get; init; }

    public int? LaNumber { get; init; }

    public string? RegionName { get; init; }

    public required Period ReportingPeriod { get; init; }

    public Period? PreviousReportingPeriod { get; init; }

    public required OverviewCounts Overview { get; init; }

    public required IReadOnlyList<DashboardSection> Sections { get; init; }

    public IEnumerable<DashboardRow> Rows => Sections.SelectMany(s => s.Rows);

    /// <summary>The footnote explaining suppressed figures, when disclosure control withheld any; null otherwise.</summary>
    public string? DisclosureNote { get; init; }
}
