using GoldenThread.Core.Cycle;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Data;

namespace GoldenThread.Store.Cycle;

/// <summary>Who is acting, and what they may do in the workspace (the whole rule: <see cref="WorkspaceAccess"/>).</summary>
/// <param name="PersonId">The person's id; null for the command line.</param>
/// <param name="Name">The name recorded in the audit trail and shown as the figure's last editor.</param>
public sealed record Actor(string? PersonId, string Name, WorkspaceAccess Access);

/// <summary>A reporting period the performance officer has opened.</summary>
public sealed record ReportingPeriodInfo(
    string Label,
    Period Period,
    DateOnly Due,
    string OpenedBy,
    DateTimeOffset OpenedUtc,
    DateTimeOffset? PublishedUtc,
    string? PublishedBy,
    int? PublishedPlanVersion,
    int Revision)
{
    public bool IsPublished => PublishedUtc is not null;
}

/// <summary>One measure's figure in a reporting period, as it stands.</summary>
public sealed record Figure(
    string MeasureId,
    string ReportingPeriod,
    FigureState State,
    Period Period,
    double? Value,
    double? Numerator,
    double? Denominator,
    ValueStatus Status,
    string? Note,
    FigureCommentary Commentary,
    string? Reason,
    string Source,
    int Version,
    string? UpdatedBy,
    DateTimeOffset? UpdatedUtc,
    int Revision);

/// <summary>Commentary in the committee report's three parts.</summary>
public sealed record FigureCommentary(string? Shows, string? Why, string? Doing)
{
    public static FigureCommentary None { get; } = new(null, null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Shows) && string.IsNullOrWhiteSpace(Why) && string.IsNullOrWhiteSpace(Doing);
}

/// <summary>A published version of a figure (1 at publication, each correction the next).</summary>
public sealed record FigureVersion(
    string MeasureId,
    string ReportingPeriod,
    int Version,
    FigureState State,
    Period Period,
    double? Value,
    double? Numerator,
    double? Denominator,
    ValueStatus Status,
    string? Note,
    FigureCommentary Commentary,
    string? Reason,
    DateTimeOffset PublishedUtc,
    string PublishedBy);

/// <summary>
/// What a person typed for a figure, as text: checked by the values file's rules (<see cref="Data.Values.ValuesReader.ReadEntry"/>).
/// A null commentary part keeps what is there; an empty one clears it.
/// </summary>
public sealed record FigureEntry
{
    public string? Period { get; init; }

    public string? Value { get; init; }

    public string? Numerator { get; init; }

    public string? Denominator { get; init; }

    public string? Status { get; init; }

    public string? Note { get; init; }

    public string? Shows { get; init; }

    public string? Why { get; init; }

    public string? Doing { get; init; }
}

/// <summary>An action's progress in a reporting period.</summary>
public sealed record ActionUpdate(
    string ActionCode,
    string ReportingPeriod,
    string Status,
    string? Rag,
    string? Progress,
    DateOnly? RevisedDue,
    string? UpdatedBy,
    DateTimeOffset? UpdatedUtc,
    int Revision);

/// <summary>A quote from a child, young person or family, attached to a measure.</summary>
public sealed record EvidenceItem(
    Guid Id,
    string MeasureId,
    string ReportingPeriod,
    string Quote,
    string? Attribution,
    bool Publishable,
    string CreatedBy,
    DateTimeOffset CreatedUtc,
    int Revision);

/// <summary>One change in the audit trail.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset AtUtc,
    string? PersonId,
    string PersonName,
    string Subject,
    string ItemId,
    string? ReportingPeriod,
    string Field,
    string? OldValue,
    string? NewValue,
    string? Reason);

/// <summary>How an operation on the cycle ended.</summary>
public enum CycleOutcome
{
    Done,
    /// <summary>No such workspace, period, measure or item (404).</summary>
    NotFound,
    /// <summary>The person may not do this (403).</summary>
    Forbidden,
    /// <summary>Not allowed in the state things are in, with the reason (409).</summary>
    Refused,
    /// <summary>What was typed or uploaded is wrong; <see cref="CycleResult.Errors"/> says where (400).</summary>
    Invalid,
    /// <summary>Someone else changed it since the person loaded it; <see cref="CycleResult.ChangedSince"/> says who and what (409).</summary>
    Conflict,
}

/// <summary>The result of an operation: what happened, and for the person, why not.</summary>
public sealed record CycleResult(CycleOutcome Outcome, string? Message = null, IReadOnlyList<InputError>? Errors = null, IReadOnlyList<AuditEntry>? ChangedSince = null, int Revision = 0)
{
    public bool Succeeded => Outcome == CycleOutcome.Done;

    public static CycleResult Done(int revision = 0) => new(CycleOutcome.Done, Revision: revision);

    public static CycleResult NotFound(string message) => new(CycleOutcome.NotFound, message);

    public static CycleResult Forbidden(string message) => new(CycleOutcome.Forbidden, message);

    public static CycleResult Refused(string message) => new(CycleOutcome.Refused, message);

    public static CycleResult Invalid(IReadOnlyList<InputError> errors) =>
        new(CycleOutcome.Invalid, string.Join("; ", errors.Select(e => e.ToString())), errors);

    /// <summary>Someone changed the item since the person read it: who, when and what, newest first.</summary>
    public static CycleResult Conflict(IReadOnlyList<AuditEntry> since, int revision)
    {
        var who = since.FirstOrDefault() is { } latest ? $"{latest.PersonName} changed it at {latest.AtUtc:HH:mm} on {latest.AtUtc:d MMMM yyyy}" : "someone changed it";
        return new(CycleOutcome.Conflict, $"{who} after you opened it; nothing you sent was saved. Check their change and try again.", ChangedSince: since, Revision: revision);
    }
}

/// <summary>How an uploaded row compares with the figure it would change.</summary>
public enum UploadRowKind
{
    New,
    Changed,
    Unchanged,
}

/// <summary>One row of an upload's preview: the figure before and after.</summary>
public sealed record UploadRow(int Line, string MeasureId, string ReportingPeriod, Period Period, UploadRowKind Kind, Observation New, Figure Old);

/// <summary>An upload's preview: every row, and every problem by row and column. Applied only when there are no problems.</summary>
public sealed record UploadPreview(string SourceName, IReadOnlyList<UploadRow> Rows, IReadOnlyList<InputError> Errors, string Fingerprint)
{
    public int Count(UploadRowKind kind) => Rows.Count(r => r.Kind == kind);

    public bool CanApply => Errors.Count == 0 && Rows.Any(r => r.Kind != UploadRowKind.Unchanged);
}

/// <summary>A reporting period in a URL: <c>2015/16 Q3</c> is <c>2015-16-q3</c> (no slash or space to escape).</summary>
public static class PeriodSlug
{
    public static string Of(string label) =>
        new(label.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>The workspace's reporting period with this slug (any case), or null.</summary>
    public static ReportingPeriodInfo? Find(IEnumerable<ReportingPeriodInfo> periods, string? slug) =>
        slug is null ? null : periods.FirstOrDefault(p => string.Equals(Of(p.Label), slug.Trim(), StringComparison.OrdinalIgnoreCase));
}
