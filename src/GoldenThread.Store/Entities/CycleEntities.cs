namespace GoldenThread.Store.Entities;

// The quarterly cycle (docs/cycle.md): a reporting period opened by the performance officer, one figure per measure
// moving through its states, versions of published figures, action updates, evidence and the audit trail.

/// <summary>A reporting period of a workspace that the performance officer has opened (<c>2015/16 Q3</c>).</summary>
public sealed class ReportingPeriodRow
{
    public string WorkspaceId { get; set; } = "";

    /// <summary>The reporting period as written (<c>2015/16 Q3</c>); with the workspace, the key.</summary>
    public string Label { get; set; } = "";

    /// <summary>The last day owners have to enter and submit their figures.</summary>
    public DateOnly Due { get; set; }

    public string OpenedBy { get; set; } = "";

    public DateTimeOffset OpenedUtc { get; set; }

    /// <summary>When the period was published; null while it is open.</summary>
    public DateTimeOffset? PublishedUtc { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>The plan version the period was published with (its dashboard is always shown with it).</summary>
    public int? PublishedPlanVersion { get; set; }

    /// <summary>Raised by every change: the optimistic-concurrency token.</summary>
    public int Revision { get; set; }
}

/// <summary>One measure's figure in one reporting period: the value, its counts, its commentary and where it stands.</summary>
public sealed class FigureRow
{
    public string WorkspaceId { get; set; } = "";

    /// <summary>The reporting period's label (<see cref="ReportingPeriodRow.Label"/>).</summary>
    public string ReportingPeriod { get; set; } = "";

    public string MeasureId { get; set; } = "";

    /// <summary><c>awaiting</c>, <c>entered</c>, <c>submitted</c>, <c>approved</c>, <c>returned</c> or <c>not-available</c>.</summary>
    public string State { get; set; } = "awaiting";

    /// <summary>The period the value is for, in the measure's own frequency (a monthly measure's last month of the quarter).</summary>
    public string PeriodLabel { get; set; } = "";

    public string PeriodKind { get; set; } = "";

    public string PeriodBasis { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public double? Value { get; set; }

    public double? Numerator { get; set; }

    public double? Denominator { get; set; }

    /// <summary><c>final</c> or <c>provisional</c>.</summary>
    public string Status { get; set; } = "final";

    public string? Note { get; set; }

    /// <summary>Commentary, first part: what the figure shows.</summary>
    public string? Shows { get; set; }

    /// <summary>Commentary, second part: why it moved.</summary>
    public string? Why { get; set; }

    /// <summary>Commentary, third part: what is being done.</summary>
    public string? Doing { get; set; }

    /// <summary>Why it was returned or is not available (the latest step's reason).</summary>
    public string? Reason { get; set; }

    /// <summary>Where the figure came from: <c>entered</c>, <c>upload</c>, <c>values file</c>, <c>LAIT</c>, <c>returns</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>The latest published version; 0 before publication.</summary>
    public int Version { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedUtc { get; set; }

    /// <summary>Raised by every change: the optimistic-concurrency token.</summary>
    public int Revision { get; set; }
}

/// <summary>A published version of a figure: version 1 at publication, each correction the next, never changed.</summary>
public sealed class FigureVersionRow
{
    public string WorkspaceId { get; set; } = "";

    public string ReportingPeriod { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public int Version { get; set; }

    /// <summary><c>approved</c> or <c>not-available</c>.</summary>
    public string State { get; set; } = "";

    public string PeriodLabel { get; set; } = "";

    public string PeriodKind { get; set; } = "";

    public string PeriodBasis { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public double? Value { get; set; }

    public double? Numerator { get; set; }

    public double? Denominator { get; set; }

    public string Status { get; set; } = "final";

    public string? Note { get; set; }

    public string? Shows { get; set; }

    public string? Why { get; set; }

    public string? Doing { get; set; }

    /// <summary>Why there is no figure (not available), or why it was corrected (version 2 on).</summary>
    public string? Reason { get; set; }

    public DateTimeOffset PublishedUtc { get; set; }

    public string PublishedBy { get; set; } = "";
}

/// <summary>An action's progress in one reporting period, written by its lead.</summary>
public sealed class ActionUpdateRow
{
    public string WorkspaceId { get; set; } = "";

    public string ReportingPeriod { get; set; } = "";

    public string ActionCode { get; set; } = "";

    /// <summary><c>not-started</c>, <c>on-track</c>, <c>at-risk</c>, <c>off-track</c> or <c>complete</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary><c>red</c>, <c>amber</c>, <c>green</c>; null when not rated.</summary>
    public string? Rag { get; set; }

    public string? Progress { get; set; }

    public DateOnly? RevisedDue { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedUtc { get; set; }

    public int Revision { get; set; }
}

/// <summary>A quote from a child, young person or family attached to a measure (Appendix B of a committee pack).</summary>
public sealed class EvidenceRow
{
    public Guid Id { get; set; }

    public string WorkspaceId { get; set; } = "";

    public string MeasureId { get; set; } = "";

    /// <summary>The reporting period it was gathered for.</summary>
    public string ReportingPeriod { get; set; } = "";

    public string Quote { get; set; } = "";

    /// <summary>Who said it, without identifying them ("a young person in care, 15").</summary>
    public string? Attribution { get; set; }

    /// <summary>Whether it may be published (consent given, nothing identifying).</summary>
    public bool Publishable { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedUtc { get; set; }

    public int Revision { get; set; }
}

/// <summary>One change, append-only: nothing in the application updates or deletes these rows.</summary>
public sealed class AuditRow
{
    /// <summary>Increasing: the order changes were made in.</summary>
    public long Id { get; set; }

    public string WorkspaceId { get; set; } = "";

    public DateTimeOffset AtUtc { get; set; }

    /// <summary>The person's id; null for the command line or the system.</summary>
    public string? PersonId { get; set; }

    /// <summary>The person's name as it was then.</summary>
    public string PersonName { get; set; } = "";

    /// <summary><c>period</c>, <c>figure</c>, <c>action</c>, <c>evidence</c> or <c>plan</c>.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The measure id, the action code, the evidence id or the plan version.</summary>
    public string ItemId { get; set; } = "";

    /// <summary>The reporting period it happened in, where there is one.</summary>
    public string? ReportingPeriod { get; set; }

    /// <summary>What changed: <c>value</c>, <c>state</c>, <c>commentary: why</c> …</summary>
    public string Field { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>Why, where the step asks for a reason (returned, not available, corrected).</summary>
    public string? Reason { get; set; }
}
