using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Plans;

/// <summary>The four need levels a commissioning intention is classified by.</summary>
public enum NeedLevel
{
    Prevent,
    Reduce,
    Delay,
    Meet,
}

public sealed record PlanValue(string Name, string? Description);

/// <summary>A priority of the council's corporate strategic plan that commissioning intentions serve.</summary>
public sealed record StrategicPriority(string Id, string Title);

public sealed record CommissioningIntention
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<NeedLevel> NeedLevels { get; init; } = [];

    /// <summary>Ids of the <see cref="StrategicPriority"/> items it serves.</summary>
    public IReadOnlyList<string> StrategicPriorities { get; init; } = [];

    public bool Statutory { get; init; }

    public string? Rationale { get; init; }
}

public enum ActionStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Complete,
}

public sealed record PlanAction
{
    /// <summary>The plan's own numbering, e.g. <c>1.1a</c>.</summary>
    public required string Code { get; init; }

    public required string Text { get; init; }

    public string? Lead { get; init; }

    public DateOnly? Due { get; init; }

    public ActionStatus Status { get; init; } = ActionStatus.NotStarted;

    /// <summary>True when the plan states <see cref="Status"/>; false when it is the default (not started) for want of one.</summary>
    public bool StatusStated { get; init; }

    public string? Progress { get; init; }
}

/// <summary>An outcome (priority, aim) under a theme, evidenced by measures and delivered by intentions and actions.</summary>
public sealed record Outcome
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Ids of the plan's measures that evidence this outcome, in the order the plan lists them.</summary>
    public IReadOnlyList<string> MeasureIds { get; init; } = [];

    public IReadOnlyList<CommissioningIntention> Intentions { get; init; } = [];

    public IReadOnlyList<PlanAction> Actions { get; init; } = [];

    /// <summary>
    /// What the plan says will show the outcome achieved, in its own words (Derbyshire's "Outcome" column beside each
    /// "We will": "Reduce the number of schools below national floor standards"); text, not measures.
    /// </summary>
    public IReadOnlyList<string> ExpectedResults { get; init; } = [];
}

/// <summary>A theme (ambition, key outcome).</summary>
public sealed record Theme
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// The theme's aims, where a plan states them as a level between theme and outcomes without saying which outcome
    /// serves which aim (Central Bedfordshire's 2013 framework: "Improving achievement and pupils' progress").
    /// </summary>
    public IReadOnlyList<string> Aims { get; init; } = [];

    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Measures attached to the theme itself rather than to one outcome.</summary>
    public IReadOnlyList<string> MeasureIds { get; init; } = [];

    /// <summary>Actions of the theme as a whole, where the plan does not attach them to one outcome ("Key actions").</summary>
    public IReadOnlyList<PlanAction> Actions { get; init; } = [];
}

public sealed record CrossCuttingTheme(string Name, string? Description)
{
    /// <summary>Ids of the plan's measures that evidence the cross-cutting theme (Central Bedfordshire's "Children and families' voice" measures).</summary>
    public IReadOnlyList<string> MeasureIds { get; init; } = [];

    // Value equality, the list compared item by item (a record would compare the list's reference).
    public bool Equals(CrossCuttingTheme? other) =>
        other is not null && Name == other.Name && Description == other.Description && MeasureIds.SequenceEqual(other.MeasureIds);

    public override int GetHashCode() => HashCode.Combine(Name, Description, MeasureIds.Count);
}

/// <summary>A level of the planning and performance framework (partnership, department, service, staff).</summary>
public sealed record PerformanceLevel(string Level, IReadOnlyList<string> Planning, IReadOnlyList<string> Review, string? Cadence);

/// <summary>An entry in the register of related strategies (the "bookcase").</summary>
public sealed record RelatedStrategy(string Name, string? Tier);

/// <summary>An "Our children" headline figure with its period as written.</summary>
public sealed record HeadlineFigure(string Label, string Value, string? Period);

/// <summary>An officer the committee may contact about the report ("Officers to contact"), as written; a name or a role at least.</summary>
public sealed record ContactOfficer(string? Name, string? Role, string? Telephone, string? Email);

/// <summary>
/// The words of the committee report that stay from one quarter to the next and that only the council can write:
/// the committee, whose report it is, background papers, circulation under the local issues alert procedure, equality
/// and human rights implications, officers to contact. The pack prints what is given and leaves out the rest.
/// </summary>
public sealed record CommitteeReportDetails
{
    public string? Committee { get; init; }

    public string? ReportOf { get; init; }

    public IReadOnlyList<string> BackgroundPapers { get; init; } = [];

    /// <summary>Circulation under the local issues alert procedure, e.g. "None."</summary>
    public string? Circulation { get; init; }

    /// <summary>Equality and human rights implications, one paragraph each.</summary>
    public IReadOnlyList<string> EqualityImplications { get; init; } = [];

    public IReadOnlyList<ContactOfficer> Officers { get; init; } = [];
}

/// <summary>A department's plan: vision to measures.</summary>
/// <remarks>Invariants (checked by the reader): ids are unique across themes, outcomes, intentions, actions and measures;
/// every measure id an outcome names exists; every strategic-priority id an intention names exists.</remarks>
public sealed record Plan
{
    public required string Name { get; init; }

    /// <summary>The council's DfE three-digit LA number (855 for Leicestershire).</summary>
    public int? LaNumber { get; init; }

    public string? Council { get; init; }

    public required int FirstYear { get; init; }

    public required int LastYear { get; init; }

    public string? Vision { get; init; }

    public string? Mission { get; init; }

    public IReadOnlyList<PlanValue> Values { get; init; } = [];

    public IReadOnlyList<StrategicPriority> StrategicPriorities { get; init; } = [];

    public IReadOnlyList<Theme> Themes { get; init; } = [];

    public IReadOnlyList<Measure> Measures { get; init; } = [];

    public IReadOnlyList<CrossCuttingTheme> CrossCuttingThemes { get; init; } = [];

    public IReadOnlyList<PerformanceLevel> PerformanceLevels { get; init; } = [];

    public IReadOnlyList<RelatedStrategy> RelatedStrategies { get; init; } = [];

    public IReadOnlyList<HeadlineFigure> OurChildren { get; init; } = [];

    /// <summary>The committee report's standing words (<c>committee-report:</c>), or null when the plan gives none.</summary>
    public CommitteeReportDetails? CommitteeReport { get; init; }

    public Measure? FindMeasure(string id) => Measures.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
}
