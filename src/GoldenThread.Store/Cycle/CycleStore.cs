using System.Globalization;
using GoldenThread.Core.Cycle;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Data;
using GoldenThread.Data.Values;
using GoldenThread.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store.Cycle;

/// <summary>
/// The quarterly cycle (docs/cycle.md): opening a reporting period, entering, submitting, approving, returning and
/// publishing figures, corrections, uploads, action updates and evidence. Every operation checks who may do it (with
/// <see cref="WorkspaceAccess"/>), which state allows it (<see cref="FigureStates"/>) and that nobody changed the item
/// since the person read it (the revision), then writes the change and its audit records in one transaction.
/// </summary>
public sealed partial class CycleStore(GoldenThreadDbContext db, TimeProvider clock)
{
    private const string Final = "final";
    private const string Provisional = "provisional";

    // ---- reporting periods ----------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<ReportingPeriodInfo>> PeriodsAsync(string workspaceId, CancellationToken ct = default) =>
        (await db.ReportingPeriods.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).ToListAsync(ct))
        .Select(Info).OrderByDescending(p => p.Period.End).ThenBy(p => p.Label, StringComparer.Ordinal).ToList();

    public async Task<ReportingPeriodInfo?> FindPeriodAsync(string workspaceId, string label, CancellationToken ct = default) =>
        await db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Label == label, ct) is { } row ? Info(row) : null;

    /// <summary>
    /// Opens <paramref name="reporting"/>: one figure per measure of the plan (a gap measure has none: it is worked out
    /// from its two groups), awaiting its owner, or already entered where a data feed brought it (<paramref name="arriving"/>,
    /// keyed by measure id, with the source's name).
    /// </summary>
    public async Task<CycleResult> OpenAsync(
        string workspaceId, Period reporting, DateOnly due, Plan plan,
        IReadOnlyDictionary<string, (Observation Observation, string Source)> arriving, Actor actor, CancellationToken ct = default)
    {
        if (!actor.Access.Approves)
        {
            return CycleResult.Forbidden("Only a performance officer or an administrator opens a reporting period.");
        }

        var label = reporting.Label;
        if (await db.ReportingPeriods.AnyAsync(p => p.WorkspaceId == workspaceId && p.Label == label, ct))
        {
            return CycleResult.Refused($"{label} is already open.");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (due < today)
        {
            return CycleResult.Invalid([new InputError("form", null, "due", $"the deadline {due:d MMMM yyyy} has passed; expected today or later")]);
        }

        db.ReportingPeriods.Add(new ReportingPeriodRow { WorkspaceId = workspaceId, Label = label, Due = due, OpenedBy = actor.Name, OpenedUtc = now, Revision = 1 });
        foreach (var m in plan.Measures.Where(m => m.Gap is null))
        {
            var row = new FigureRow
            {
                WorkspaceId = workspaceId,
                ReportingPeriod = label,
                MeasureId = m.Id,
                State = FigureStates.Key(FigureState.Awaiting),
                Revision = 1,
            };
            if (arriving.TryGetValue(m.Id, out var feed) && feed.Observation.Value is not null)
            {
                SetValue(row, feed.Observation);
                row.State = FigureStates.Key(FigureState.Entered);
                row.Source = feed.Source;
                row.UpdatedBy = feed.Source;
                row.UpdatedUtc = now;
            }
            else
            {
                SetPeriod(row, FigurePeriod.For(m.Frequency, reporting));
            }

            db.Figures.Add(row);
        }

        Audit(workspaceId, actor, now, "period", label, label, "opened", null, $"due {due:yyyy-MM-dd}", null);
        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(1);
    }

    /// <summary>Publishes the period: every figure approved or not available. Version 1 of each figure is kept as published.</summary>
    public async Task<CycleResult> PublishAsync(string workspaceId, string label, int expectedRevision, int planVersion, Actor actor, CancellationToken ct = default)
    {
        if (!actor.Access.Approves)
        {
            return CycleResult.Forbidden("Only a performance officer or an administrator publishes a reporting period.");
        }

        var period = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Label == label, ct);
        if (period is null)
        {
            return CycleResult.NotFound($"{label} is not an open reporting period.");
        }

        if (period.Revision != expectedRevision)
        {
            return CycleResult.Conflict(await ChangesSinceAsync(workspaceId, "period", label, period.Revision - expectedRevision, ct), period.Revision);
        }

        if (period.PublishedUtc is not null)
        {
            return CycleResult.Refused($"{label} was published on {period.PublishedUtc:d MMMM yyyy}.");
        }

        var figures = await db.Figures.Where(f => f.WorkspaceId == workspaceId && f.ReportingPeriod == label).ToListAsync(ct);
        var unsettled = figures.Where(f => !FigureStates.Settled(StateOf(f))).Select(f => f.MeasureId).OrderBy(x => x, StringComparer.Ordinal).ToList();
        if (unsettled.Count > 0)
        {
            return CycleResult.Refused(
                $"{Count(unsettled.Count, "measure is", "measures are")} not yet approved or marked not available: {string.Join(", ", unsettled.Take(10))}{(unsettled.Count > 10 ? " …" : "")}.");
        }

        var now = clock.GetUtcNow();
        period.PublishedUtc = now;
        period.PublishedBy = actor.Name;
        period.PublishedPlanVersion = planVersion;
        period.Revision++;
        foreach (var f in figures)
        {
            f.Version = 1;
            f.Revision++;
            db.FigureVersions.Add(VersionOf(f, 1, f.State == FigureStates.Key(FigureState.NotAvailable) ? f.Reason : null, now, actor.Name));
        }

        Audit(workspaceId, actor, now, "period", label, label, "published", null, $"plan version {planVersion.ToString(CultureInfo.InvariantCulture)}", null);
        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(period.Revision);
    }

    // ---- figures ----------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<Figure>> FiguresAsync(string workspaceId, string label, CancellationToken ct = default) =>
        (await db.Figures.AsNoTracking().Where(f => f.WorkspaceId == workspaceId && f.ReportingPeriod == label).ToListAsync(ct))
        .Select(ToFigure).ToList();

    /// <summary>Every figure of every period still open (not published), for "my work" and the progress board.</summary>
    public async Task<IReadOnlyList<Figure>> OpenFiguresAsync(string workspaceId, CancellationToken ct = default)
    {
        var open = await db.ReportingPeriods.AsNoTracking().Where(p => p.WorkspaceId == workspaceId && p.PublishedUtc == null).Select(p => p.Label).ToListAsync(ct);
        return open.Count == 0
            ? []
            : (await db.Figures.AsNoTracking().Where(f => f.WorkspaceId == workspaceId && open.Contains(f.ReportingPeriod)).ToListAsync(ct)).Select(ToFigure).ToList();
    }

    public async Task<Figure?> FindFigureAsync(string workspaceId, string label, string measureId, CancellationToken ct = default) =>
        await db.Figures.AsNoTracking().FirstOrDefaultAsync(f => f.WorkspaceId == workspaceId && f.ReportingPeriod == label && f.MeasureId == measureId, ct) is { } row
            ? ToFigure(row)
            : null;

    public async Task<IReadOnlyList<FigureVersion>> VersionsAsync(string workspaceId, string label, string? measureId = null, CancellationToken ct = default) =>
        (await db.FigureVersions.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && v.ReportingPeriod == label && (measureId == null || v.MeasureId == measureId))
            .ToListAsync(ct))
        .OrderBy(v => v.MeasureId, StringComparer.Ordinal).ThenBy(v => v.Version)
        .Select(ToVersion).ToList();

    /// <summary>Enters or changes a figure and its commentary (the owner, or the performance officer).</summary>
    public async Task<CycleResult> EnterAsync(string workspaceId, string label, string measureId, FigureEntry entry, int expectedRevision, Plan plan, Actor actor, CancellationToken ct = default)
    {
        var (period, figure, problem) = await LoadForChangeAsync(workspaceId, label, measureId, expectedRevision, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!actor.Access.EditsMeasure(figure!.MeasureId))
        {
            return CycleResult.Forbidden($"Only the owner of {figure.MeasureId} or a performance officer changes its figure.");
        }

        if (FigureStates.Refusal(StateOf(figure), FigureStep.Enter, period!.PublishedUtc is not null, figure.Value is not null) is { } refusal)
        {
            return CycleResult.Refused(Sentence(refusal));
        }

        var (observation, errors) = Read(entry, figure, plan, "form");
        if (observation is null)
        {
            return CycleResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var changed = Change(figure, observation, entry, "entered", actor, now);
        if (!changed)
        {
            return CycleResult.Done(figure.Revision);
        }

        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(figure.Revision);
    }

    /// <summary>Submits, approves, returns or marks not available (a correction goes through <see cref="CorrectAsync"/>).</summary>
    public async Task<CycleResult> StepAsync(string workspaceId, string label, string measureId, FigureStep step, string? reason, int expectedRevision, Actor actor, CancellationToken ct = default)
    {
        if (step is FigureStep.Enter or FigureStep.Correct)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "entering and correcting carry a figure");
        }

        var (period, figure, problem) = await LoadForChangeAsync(workspaceId, label, measureId, expectedRevision, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (FigureStates.ForApprover(step) ? !actor.Access.Approves : !actor.Access.EditsMeasure(figure!.MeasureId))
        {
            return CycleResult.Forbidden(FigureStates.ForApprover(step)
                ? "Only a performance officer or an administrator approves, returns or marks a figure not available."
                : $"Only the owner of {figure!.MeasureId} or a performance officer submits its figure.");
        }

        if (FigureStates.Refusal(StateOf(figure!), step, period!.PublishedUtc is not null, figure!.Value is not null) is { } refusal)
        {
            return CycleResult.Refused(Sentence(refusal));
        }

        reason = reason?.Trim();
        if (FigureStates.NeedsReason(step) && string.IsNullOrEmpty(reason))
        {
            return CycleResult.Invalid([new InputError("form", null, "reason", "missing; expected a reason, which the owner and the audit trail will read")]);
        }

        if (reason is { Length: > CommentaryLimits.TextLength })
        {
            return CycleResult.Invalid([new InputError("form", null, "reason", $"{reason.Length} characters; expected at most {CommentaryLimits.TextLength}")]);
        }

        var now = clock.GetUtcNow();
        var before = figure.State;
        figure.State = FigureStates.Key(FigureStates.After(step));
        figure.Reason = FigureStates.NeedsReason(step) ? reason : figure.Reason;
        figure.UpdatedBy = actor.Name;
        figure.UpdatedUtc = now;
        figure.Revision++;
        Audit(workspaceId, actor, now, "figure", figure.MeasureId, label, "state", before, figure.State, FigureStates.NeedsReason(step) ? reason : null);
        // A figure marked not available or approved changes what the draft dashboard shows.
        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(figure.Revision);
    }

    /// <summary>Corrects a published figure: a new version with its reason; the published versions before it stay as they were.</summary>
    public async Task<CycleResult> CorrectAsync(string workspaceId, string label, string measureId, FigureEntry entry, string? reason, int expectedRevision, Plan plan, Actor actor, CancellationToken ct = default)
    {
        var (period, figure, problem) = await LoadForChangeAsync(workspaceId, label, measureId, expectedRevision, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!actor.Access.Approves)
        {
            return CycleResult.Forbidden("Only a performance officer or an administrator corrects a published figure.");
        }

        if (FigureStates.Refusal(StateOf(figure!), FigureStep.Correct, period!.PublishedUtc is not null, figure!.Value is not null) is { } refusal)
        {
            return CycleResult.Refused(Sentence(refusal));
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > CommentaryLimits.TextLength)
        {
            return CycleResult.Invalid([new InputError("form", null, "reason", string.IsNullOrEmpty(reason)
                ? "missing; expected why the published figure is corrected, which the published dashboard will show"
                : $"{reason.Length} characters; expected at most {CommentaryLimits.TextLength}")]);
        }

        var (observation, errors) = Read(entry, figure, plan, "form");
        if (observation is null)
        {
            return CycleResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        if (!Change(figure, observation, entry, "correction", actor, now, reason))
        {
            return CycleResult.Refused("The correction changes nothing: it is the figure as published.");
        }

        figure.State = FigureStates.Key(FigureState.Approved);
        figure.Version++;
        db.FigureVersions.Add(VersionOf(figure, figure.Version, reason, now, actor.Name));
        Audit(workspaceId, actor, now, "figure", figure.MeasureId, label, "version", (figure.Version - 1).ToString(CultureInfo.InvariantCulture), figure.Version.ToString(CultureInfo.InvariantCulture), reason);
        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(figure.Revision);
    }

    // ---- the audit trail --------------------------------------------------------------------------------------------

    /// <summary>The audit trail, newest first, filtered by item (measure id, action code), reporting period or person.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string workspaceId, string? itemId = null, string? reportingPeriod = null, string? personId = null, int limit = 1000, CancellationToken ct = default)
    {
        var query = db.Audit.AsNoTracking().Where(a => a.WorkspaceId == workspaceId);
        if (itemId is not null)
        {
            query = query.Where(a => a.ItemId == itemId);
        }

        if (reportingPeriod is not null)
        {
            query = query.Where(a => a.ReportingPeriod == reportingPeriod);
        }

        if (personId is not null)
        {
            query = query.Where(a => a.PersonId == personId);
        }

        return (await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct)).Select(ToEntry).ToList();
    }

    // ---- values for dashboards ---------------------------------------------------------------------------------------

    /// <summary>
    /// What the cycle adds to a workspace's values for a dashboard. <paramref name="published"/> false: every figure that has
    /// a value, whatever its state (the team's own view while the quarter runs). True: only published versions of
    /// published periods, as they stood at <paramref name="asOf"/> (null: now, with every correction). Either way
    /// <see cref="CycleValues.Covered"/> names every measure and period the cycle holds, so that a values file's figure
    /// for the same never shows in place of one that is not yet approved.
    /// </summary>
    public async Task<CycleValues> ValuesAsync(string workspaceId, bool published, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var figures = await db.Figures.AsNoTracking().Where(f => f.WorkspaceId == workspaceId).ToListAsync(ct);
        if (figures.Count == 0)
        {
            return CycleValues.Empty;
        }

        var covered = figures.Select(f => (f.MeasureId, PeriodOf(f))).ToHashSet();
        if (!published)
        {
            var drafts = figures.Where(f => f.Value is not null && StateOf(f) != FigureState.NotAvailable).Select(f => ToObservation(ToFigure(f))).ToList();
            return new CycleValues(covered, drafts);
        }

        var versions = await db.FigureVersions.AsNoTracking().Where(v => v.WorkspaceId == workspaceId).ToListAsync(ct);
        var latest = versions
            .Where(v => asOf is not { } at || v.PublishedUtc <= at)
            .GroupBy(v => (v.ReportingPeriod, v.MeasureId))
            .Select(g => g.MaxBy(v => v.Version)!)
            .Where(v => v.Value is not null && v.State != FigureStates.Key(FigureState.NotAvailable))
            .Select(v => ToObservation(ToVersion(v)))
            .ToList();
        return new CycleValues(covered, latest);
    }

    /// <summary>
    /// The commentary of every figure, keyed by reporting period and measure: as it stands (the team's view), or as last
    /// published (everyone's view; corrections included).
    /// </summary>
    public async Task<IReadOnlyDictionary<(string ReportingPeriod, string MeasureId), FigureCommentary>> CommentaryAsync(string workspaceId, bool published, CancellationToken ct = default, DateTimeOffset? asOf = null)
    {
        if (!published)
        {
            return (await db.Figures.AsNoTracking().Where(f => f.WorkspaceId == workspaceId && (f.Shows != null || f.Why != null || f.Doing != null)).ToListAsync(ct))
                .ToDictionary(f => (f.ReportingPeriod, f.MeasureId), f => new FigureCommentary(f.Shows, f.Why, f.Doing));
        }

        return (await db.FigureVersions.AsNoTracking().Where(v => v.WorkspaceId == workspaceId).ToListAsync(ct))
            .Where(v => asOf is not { } at || v.PublishedUtc <= at)
            .GroupBy(v => (v.ReportingPeriod, v.MeasureId))
            .Select(g => g.MaxBy(v => v.Version)!)
            .Where(v => v.Shows != null || v.Why != null || v.Doing != null)
            .ToDictionary(v => (v.ReportingPeriod, v.MeasureId), v => new FigureCommentary(v.Shows, v.Why, v.Doing));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /// <summary>Reads a typed figure with the values file's rules: the figure, or every problem with it.</summary>
    private static (Observation? Observation, IReadOnlyList<InputError> Errors) Read(FigureEntry entry, FigureRow figure, Plan plan, string source)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["measure"] = figure.MeasureId,
            ["period"] = string.IsNullOrWhiteSpace(entry.Period) ? figure.PeriodLabel : entry.Period,
            ["value"] = entry.Value,
            ["numerator"] = entry.Numerator,
            ["denominator"] = entry.Denominator,
            ["status"] = entry.Status,
            ["note"] = entry.Note,
        };
        var errors = new List<InputError>();
        Observation? o = null;
        try
        {
            o = ValuesReader.ReadEntry(fields, source, plan);
        }
        catch (InputException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Line = null }));
        }

        // The note is stored in a column of the same size as the commentary's (PostgreSQL refuses a longer one).
        foreach (var (name, text) in new[] { ("note", entry.Note?.Trim()), ("shows", entry.Shows), ("why", entry.Why), ("doing", entry.Doing) })
        {
            if (text is { Length: > CommentaryLimits.TextLength })
            {
                errors.Add(new InputError(source, null, name, $"{text.Length} characters; expected at most {CommentaryLimits.TextLength}"));
            }
        }

        return errors.Count > 0 ? (null, errors) : (o, errors);
    }

    /// <summary>Applies a read figure and commentary to the row, recording each field that changed; false when nothing did.</summary>
    private bool Change(FigureRow figure, Observation o, FigureEntry entry, string source, Actor actor, DateTimeOffset now, string? reason = null)
    {
        var changes = new List<(string Field, string? Old, string? New)>();
        void Compare(string field, string? old, string? @new)
        {
            if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal))
            {
                changes.Add((field, old, @new));
            }
        }

        Compare("period", figure.PeriodLabel, o.Period.Label);
        Compare("value", Number(figure.Value), Number(o.Value));
        Compare("numerator", Number(figure.Numerator), Number(o.Numerator));
        Compare("denominator", Number(figure.Denominator), Number(o.Denominator));
        Compare("status", figure.Status, o.Status == ValueStatus.Provisional ? Provisional : Final);
        Compare("note", figure.Note, o.Note);
        var shows = entry.Shows is null ? figure.Shows : Blank(entry.Shows);
        var why = entry.Why is null ? figure.Why : Blank(entry.Why);
        var doing = entry.Doing is null ? figure.Doing : Blank(entry.Doing);
        Compare("commentary: what the figure shows", figure.Shows, shows);
        Compare("commentary: why", figure.Why, why);
        Compare("commentary: what is being done", figure.Doing, doing);
        var wasState = figure.State;
        var newState = source == "correction" ? figure.State : FigureStates.Key(FigureState.Entered);
        if (changes.Count == 0)
        {
            return false;
        }

        SetValue(figure, o);
        figure.Shows = shows;
        figure.Why = why;
        figure.Doing = doing;
        figure.Source = source;
        figure.State = newState;
        figure.UpdatedBy = actor.Name;
        figure.UpdatedUtc = now;
        figure.Revision++;
        foreach (var (field, old, @new) in changes)
        {
            Audit(figure.WorkspaceId, actor, now, "figure", figure.MeasureId, figure.ReportingPeriod, field, old, @new, reason);
        }

        if (wasState != newState)
        {
            Audit(figure.WorkspaceId, actor, now, "figure", figure.MeasureId, figure.ReportingPeriod, "state", wasState, newState, reason);
        }

        return true;
    }

    private async Task<(ReportingPeriodRow? Period, FigureRow? Figure, CycleResult? Problem)> LoadForChangeAsync(string workspaceId, string label, string measureId, int expectedRevision, CancellationToken ct)
    {
        var period = await db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Label == label, ct);
        if (period is null)
        {
            return (null, null, CycleResult.NotFound($"{label} is not a reporting period of this workspace."));
        }

        var figure = await db.Figures.FirstOrDefaultAsync(f => f.WorkspaceId == workspaceId && f.ReportingPeriod == label && f.MeasureId == measureId, ct);
        if (figure is null)
        {
            return (period, null, CycleResult.NotFound($"{measureId} has no figure in {label}."));
        }

        if (figure.Revision != expectedRevision)
        {
            return (period, figure, CycleResult.Conflict(await ChangesSinceAsync(workspaceId, "figure", figure.MeasureId, figure.Revision - expectedRevision, ct, label), figure.Revision));
        }

        return (period, figure, null);
    }

    /// <summary>
    /// The changes made since the revision a person had: each revision is one save, whose audit records share its time,
    /// so the latest <paramref name="revisions"/> distinct times are what the person has not seen.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> ChangesSinceAsync(string workspaceId, string subject, string itemId, int revisions, CancellationToken ct, string? reportingPeriod = null)
    {
        var rows = await db.Audit.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId && a.Subject == subject && a.ItemId == itemId && (reportingPeriod == null || a.ReportingPeriod == reportingPeriod))
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
        var times = rows.Select(r => r.AtUtc).Distinct().Take(Math.Max(revisions, 1)).ToHashSet();
        return rows.Where(r => times.Contains(r.AtUtc)).Select(ToEntry).ToList();
    }

    private void Audit(string workspaceId, Actor actor, DateTimeOffset now, string subject, string itemId, string? reportingPeriod, string field, string? old, string? @new, string? reason) =>
        db.Audit.Add(new AuditRow
        {
            WorkspaceId = workspaceId,
            AtUtc = now,
            PersonId = actor.PersonId,
            PersonName = actor.Name,
            Subject = subject,
            ItemId = itemId,
            ReportingPeriod = reportingPeriod,
            Field = field,
            OldValue = Clip(old),
            NewValue = Clip(@new),
            Reason = Clip(reason),
        });

    /// <summary>
    /// Saves every tracked change and its audit records in one transaction and raises the workspace's cycle version in
    /// SQL (an increment, so two owners saving at once both move it) so that what is cached of the cycle is renewed.
    /// A concurrent change to the same row fails the whole save, and the answer is false.
    /// </summary>
    private async Task<bool> SaveAsync(string workspaceId, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                using var turn = await SqliteWriteTurns.TakeAsync(db, ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                var now = clock.GetUtcNow();
                await db.Workspaces.Where(w => w.Id == workspaceId)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.CycleVersion, w => w.CycleVersion + 1).SetProperty(w => w.UpdatedUtc, now), ct);

                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save of the same row won the race after both passed the revision check: the database refused
            // this one (the revision is a concurrency token), so nothing of it was written.
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }

    /// <summary>What a person is told when someone else's save of the same item landed in the same moment.</summary>
    private static CycleResult LostRace =>
        CycleResult.Refused("Someone else saved this at the same moment; nothing you sent was saved. Open it again to see their change, then try again.");

    private static string? Clip(string? text) => text is { Length: > CommentaryLimits.TextLength } ? text[..(CommentaryLimits.TextLength - 1)] + "…" : text;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    private static FigureState StateOf(FigureRow f) =>
        FigureStates.TryParse(f.State, out var s) ? s : throw new InvalidDataException($"figure {f.MeasureId} in {f.ReportingPeriod} has the unknown state '{f.State}'");

    private static Period PeriodOf(FigureRow f) => PeriodColumns.FromColumns(f.PeriodKind, f.PeriodBasis, f.PeriodStart, f.PeriodEnd, null);

    private static void SetPeriod(FigureRow row, Period p)
    {
        var (kind, basis, start, end, _) = PeriodColumns.ToColumns(p);
        row.PeriodLabel = p.Label;
        row.PeriodKind = kind;
        row.PeriodBasis = basis;
        row.PeriodStart = start;
        row.PeriodEnd = end;
    }

    private static void SetValue(FigureRow row, Observation o)
    {
        SetPeriod(row, o.Period.WithQualifier(null));
        row.Value = o.Value;
        row.Numerator = o.Numerator;
        row.Denominator = o.Denominator;
        row.Status = o.Status == ValueStatus.Provisional ? Provisional : Final;
        row.Note = o.Note;
    }

    private static ReportingPeriodInfo Info(ReportingPeriodRow r) =>
        new(r.Label, ReportingPeriodOf(r.Label), r.Due, r.OpenedBy, r.OpenedUtc, r.PublishedUtc, r.PublishedBy, r.PublishedPlanVersion, r.Revision);

    /// <summary>A reporting period's label is written by <see cref="Period.Label"/>, so it reads back on the financial basis.</summary>
    public static Period ReportingPeriodOf(string label) =>
        Period.Parse(label, YearBasis.Financial) is { Success: true } r ? r.Value : throw new InvalidDataException($"the reporting period '{label}' is not a period");

    private static Figure ToFigure(FigureRow f) => new(
        f.MeasureId, f.ReportingPeriod, StateOf(f), PeriodOf(f), f.Value, f.Numerator, f.Denominator,
        f.Status == Provisional ? ValueStatus.Provisional : ValueStatus.Final, f.Note, new FigureCommentary(f.Shows, f.Why, f.Doing),
        f.Reason, f.Source, f.Version, f.UpdatedBy, f.UpdatedUtc, f.Revision);

    private static FigureVersionRow VersionOf(FigureRow f, int version, string? reason, DateTimeOffset now, string by) => new()
    {
        WorkspaceId = f.WorkspaceId,
        ReportingPeriod = f.ReportingPeriod,
        MeasureId = f.MeasureId,
        Version = version,
        State = f.State,
        PeriodLabel = f.PeriodLabel,
        PeriodKind = f.PeriodKind,
        PeriodBasis = f.PeriodBasis,
        PeriodStart = f.PeriodStart,
        PeriodEnd = f.PeriodEnd,
        Value = f.Value,
        Numerator = f.Numerator,
        Denominator = f.Denominator,
        Status = f.Status,
        Note = f.Note,
        Shows = f.Shows,
        Why = f.Why,
        Doing = f.Doing,
        Reason = reason,
        PublishedUtc = now,
        PublishedBy = by,
    };

    private static FigureVersion ToVersion(FigureVersionRow v) => new(
        v.MeasureId, v.ReportingPeriod, v.Version, FigureStates.TryParse(v.State, out var s) ? s : FigureState.Approved,
        PeriodColumns.FromColumns(v.PeriodKind, v.PeriodBasis, v.PeriodStart, v.PeriodEnd, null),
        v.Value, v.Numerator, v.Denominator, v.Status == Provisional ? ValueStatus.Provisional : ValueStatus.Final, v.Note,
        new FigureCommentary(v.Shows, v.Why, v.Doing), v.Reason, v.PublishedUtc, v.PublishedBy);

    private static Observation ToObservation(Figure f) => new()
    {
        MeasureId = f.MeasureId,
        Period = f.Period,
        Value = f.Value,
        Numerator = f.Numerator,
        Denominator = f.Denominator,
        Status = f.Status,
        Note = f.Note,
    };

    private static Observation ToObservation(FigureVersion v) => new()
    {
        MeasureId = v.MeasureId,
        Period = v.Period,
        Value = v.Value,
        Numerator = v.Numerator,
        Denominator = v.Denominator,
        Status = v.Status,
        Note = v.Note,
    };

    private static AuditEntry ToEntry(AuditRow a) =>
        new(a.Id, a.AtUtc, a.PersonId, a.PersonName, a.Subject, a.ItemId, a.ReportingPeriod, a.Field, a.OldValue, a.NewValue, a.Reason);
}

/// <summary>What the cycle adds to a dashboard's values, and which measures and periods it holds (docs/cycle.md#dashboards).</summary>
public sealed record CycleValues(IReadOnlySet<(string MeasureId, Period Period)> Covered, IReadOnlyList<Observation> Values)
{
    public static CycleValues Empty { get; } = new(new HashSet<(string, Period)>(), []);

    /// <summary>A values file's values with the cycle's in place of any it covers.</summary>
    public IReadOnlyList<Observation> Over(IReadOnlyList<Observation> fileValues) =>
        Covered.Count == 0
            ? fileValues
            : fileValues.Where(o => !Covered.Contains((o.MeasureId, o.Period.WithQualifier(null)))).Concat(Values).ToList();
}
