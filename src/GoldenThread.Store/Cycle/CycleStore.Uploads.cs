using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GoldenThread.Core.Cycle;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;
using GoldenThread.Data;
using GoldenThread.Data.Values;
using GoldenThread.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store.Cycle;

// Uploads of a values file into the open periods, action updates and evidence.
public sealed partial class CycleStore
{
    /// <summary>
    /// Compares every row of an uploaded values file (already read by <see cref="ValuesReader"/>) with the figure it
    /// would change: new, changed or unchanged, and every problem by row and column (a measure the person does not own,
    /// a period no open reporting period asks for, a figure already submitted or approved). Writes nothing.
    /// </summary>
    public async Task<UploadPreview> PreviewUploadAsync(string workspaceId, string sourceName, IReadOnlyList<ValuesRow> rows, Actor actor, CancellationToken ct = default)
    {
        var open = await db.ReportingPeriods.AsNoTracking().Where(p => p.WorkspaceId == workspaceId && p.PublishedUtc == null).ToListAsync(ct);
        var labels = open.Select(p => p.Label).ToList();
        var figures = labels.Count == 0 ? [] : await db.Figures.AsNoTracking().Where(f => f.WorkspaceId == workspaceId && labels.Contains(f.ReportingPeriod)).ToListAsync(ct);
        return Preview(sourceName, rows, actor, open, figures);
    }

    /// <summary>
    /// Applies an upload: all of it or nothing, in one transaction. The preview is made again against the figures as they
    /// are now; when <paramref name="expectedFingerprint"/> is given and someone changed any of the figures since the
    /// person saw the preview, nothing is applied and the result says so.
    /// </summary>
    public async Task<(CycleResult Result, UploadPreview Preview)> ApplyUploadAsync(string workspaceId, string sourceName, IReadOnlyList<ValuesRow> rows, string? expectedFingerprint, Actor actor, CancellationToken ct = default)
    {
        var open = await db.ReportingPeriods.AsNoTracking().Where(p => p.WorkspaceId == workspaceId && p.PublishedUtc == null).ToListAsync(ct);
        var labels = open.Select(p => p.Label).ToList();
        var figures = labels.Count == 0 ? [] : await db.Figures.Where(f => f.WorkspaceId == workspaceId && labels.Contains(f.ReportingPeriod)).ToListAsync(ct);
        var preview = Preview(sourceName, rows, actor, open, figures);
        if (preview.Errors.Count > 0)
        {
            return (CycleResult.Invalid(preview.Errors), preview);
        }

        if (expectedFingerprint is not null && !string.Equals(expectedFingerprint, preview.Fingerprint, StringComparison.Ordinal))
        {
            return (CycleResult.Refused("Some of these figures changed after the preview was made (someone else saved them); nothing was applied. Look at the new preview and apply it again."), preview);
        }

        var now = clock.GetUtcNow();
        var byKey = figures.ToDictionary(f => (f.ReportingPeriod, f.MeasureId));
        var changed = 0;
        foreach (var row in preview.Rows.Where(r => r.Kind != UploadRowKind.Unchanged))
        {
            var figure = byKey[(row.ReportingPeriod, row.Old.MeasureId)];
            if (Change(figure, row.New, new FigureEntry(), "upload", actor, now, $"uploaded in {sourceName}"))
            {
                changed++;
            }
        }

        if (changed > 0 && !await SaveAsync(workspaceId, ct))
        {
            return (LostRace, preview);
        }

        return (CycleResult.Done(changed), preview);
    }

    private static UploadPreview Preview(string sourceName, IReadOnlyList<ValuesRow> rows, Actor actor, IReadOnlyList<ReportingPeriodRow> open, IReadOnlyList<FigureRow> figures)
    {
        var errors = new List<InputError>();
        var result = new List<UploadRow>();
        var byMeasure = figures.GroupBy(f => f.MeasureId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var opened = open.ToDictionary(p => p.Label, p => p.OpenedUtc, StringComparer.Ordinal);
        if (open.Count == 0)
        {
            errors.Add(new InputError(sourceName, null, null, "no reporting period is open; expected the performance officer to open one before figures are uploaded"));
            return new UploadPreview(sourceName, result, errors, "");
        }

        foreach (var (line, o) in rows.Select(r => (r.Line, r.Observation)))
        {
            if (!actor.Access.EditsMeasure(o.MeasureId))
            {
                errors.Add(new InputError(sourceName, line, "measure", $"'{o.MeasureId}' is not one of your measures; expected a measure you own (a performance officer may upload any)"));
                continue;
            }

            if (o.Benchmarks is not null || o.SuppliedDirection is not null || o.SuppliedRag is not null || o.Updated is not null)
            {
                errors.Add(new InputError(sourceName, line, null,
                    "has benchmarks, a supplied judgement or 'updated'; a figure for a reporting period carries its value, counts, status and note only (the rest belongs in the values file imported with goldenthread report)"));
                continue;
            }

            var candidates = byMeasure.TryGetValue(o.MeasureId, out var list) ? list : [];
            var figure = candidates.Where(f => PeriodOf(f) == o.Period).OrderByDescending(f => opened[f.ReportingPeriod]).FirstOrDefault();
            if (figure is null)
            {
                var asked = candidates.Select(f => $"{f.PeriodLabel} (for {f.ReportingPeriod})").Distinct().ToList();
                errors.Add(new InputError(sourceName, line, "period", asked.Count == 0
                    ? $"'{o.MeasureId}' has no figure in an open reporting period (a gap measure is worked out, not entered)"
                    : $"{o.Period.Label} is not the period asked for; expected {string.Join(" or ", asked)}"));
                continue;
            }

            var state = StateOf(figure);
            if (FigureStates.Refusal(state, FigureStep.Enter, published: false, figure.Value is not null) is { } refusal)
            {
                errors.Add(new InputError(sourceName, line, "measure", $"'{figure.MeasureId}' in {figure.ReportingPeriod}: {refusal}"));
                continue;
            }

            var kind = state == FigureState.Awaiting || figure.Value is null
                ? UploadRowKind.New
                : Same(figure, o) ? UploadRowKind.Unchanged : UploadRowKind.Changed;
            result.Add(new UploadRow(line, figure.MeasureId, figure.ReportingPeriod, o.Period, kind, o with { MeasureId = figure.MeasureId }, ToFigure(figure)));
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            result.OrderBy(r => r.ReportingPeriod, StringComparer.Ordinal).ThenBy(r => r.MeasureId, StringComparer.Ordinal)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ReportingPeriod}|{r.MeasureId}|{r.Old.Revision}|{r.Kind}"))))));
        return new UploadPreview(sourceName, result, errors, fingerprint);
    }

    private static bool Same(FigureRow f, Observation o) =>
        f.Value == o.Value && f.Numerator == o.Numerator && f.Denominator == o.Denominator
        && f.Status == (o.Status == ValueStatus.Provisional ? Provisional : Final)
        && string.Equals(f.Note ?? "", o.Note ?? "", StringComparison.Ordinal);

    // ---- actions ----------------------------------------------------------------------------------------------------

    /// <summary>The statuses an action can have, as keys (the plan file's words).</summary>
    public static readonly IReadOnlyList<string> ActionStatusKeys = ["not-started", "on-track", "at-risk", "off-track", "complete"];

    public static readonly IReadOnlyList<string> RagKeys = ["red", "amber", "green"];

    public async Task<IReadOnlyList<ActionUpdate>> ActionUpdatesAsync(string workspaceId, string? label = null, CancellationToken ct = default) =>
        (await db.ActionUpdates.AsNoTracking().Where(a => a.WorkspaceId == workspaceId && (label == null || a.ReportingPeriod == label)).ToListAsync(ct))
        .Select(a => new ActionUpdate(a.ActionCode, a.ReportingPeriod, a.Status, a.Rag, a.Progress, a.RevisedDue, a.UpdatedBy, a.UpdatedUtc, a.Revision))
        .ToList();

    /// <summary>
    /// Records an action's status, RAG, progress and revised due date for a period (its lead, or the performance officer).
    /// <paramref name="expectedRevision"/> is 0 for an action with no update yet in the period.
    /// </summary>
    public async Task<CycleResult> UpdateActionAsync(
        string workspaceId, string label, string actionCode, string? status, string? rag, string? progress, string? revisedDue,
        int expectedRevision, Plan plan, Actor actor, CancellationToken ct = default)
    {
        var action = plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions)))
            .FirstOrDefault(a => string.Equals(a.Code, actionCode, StringComparison.OrdinalIgnoreCase));
        if (action is null)
        {
            return CycleResult.NotFound($"'{actionCode}' is not an action of the plan.");
        }

        var period = await db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Label == label, ct);
        if (period is null)
        {
            return CycleResult.NotFound($"{label} is not a reporting period of this workspace.");
        }

        if (!actor.Access.EditsAction(action.Code))
        {
            return CycleResult.Forbidden($"Only the lead of action {action.Code} or a performance officer updates it.");
        }

        if (period.PublishedUtc is not null)
        {
            return CycleResult.Refused($"{label} has been published: its action updates no longer change.");
        }

        var errors = new List<InputError>();
        var statusKey = status?.Trim().ToLowerInvariant().Replace(' ', '-');
        if (statusKey is null || !ActionStatusKeys.Contains(statusKey))
        {
            errors.Add(new InputError("form", null, "status", $"'{status}' is not a status; expected one of {string.Join(", ", ActionStatusKeys)}"));
        }

        var ragKey = string.IsNullOrWhiteSpace(rag) ? null : rag.Trim().ToLowerInvariant();
        if (ragKey is not null && !RagKeys.Contains(ragKey))
        {
            errors.Add(new InputError("form", null, "rag", $"'{rag}' is not a RAG rating; expected red, amber, green or none"));
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(revisedDue))
        {
            if (DateOnly.TryParseExact(revisedDue.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                due = d;
            }
            else
            {
                errors.Add(new InputError("form", null, "revised due date", $"'{revisedDue}' is not a date; expected a date such as 2026-03-31"));
            }
        }

        if (progress is { Length: > CommentaryLimits.TextLength })
        {
            errors.Add(new InputError("form", null, "progress", $"{progress.Length} characters; expected at most {CommentaryLimits.TextLength}"));
        }

        if (errors.Count > 0)
        {
            return CycleResult.Invalid(errors);
        }

        var row = await db.ActionUpdates.FirstOrDefaultAsync(a => a.WorkspaceId == workspaceId && a.ReportingPeriod == label && a.ActionCode == action.Code, ct);
        if ((row?.Revision ?? 0) != expectedRevision)
        {
            return CycleResult.Conflict(await ChangesSinceAsync(workspaceId, "action", action.Code, (row?.Revision ?? 0) - expectedRevision, ct, label), row?.Revision ?? 0);
        }

        if (row is null)
        {
            row = new ActionUpdateRow { WorkspaceId = workspaceId, ReportingPeriod = label, ActionCode = action.Code };
            db.ActionUpdates.Add(row);
        }

        var now = clock.GetUtcNow();
        var changes = new List<(string, string?, string?)>();
        void Compare(string field, string? old, string? @new)
        {
            if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal))
            {
                changes.Add((field, old, @new));
            }
        }

        var progressText = Blank(progress);
        Compare("status", row.Status.Length == 0 ? null : row.Status, statusKey);
        Compare("rag", row.Rag, ragKey);
        Compare("progress", row.Progress, progressText);
        Compare("revised due date", row.RevisedDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (changes.Count == 0)
        {
            db.ChangeTracker.Clear();
            return CycleResult.Done(row.Revision);
        }

        row.Status = statusKey!;
        row.Rag = ragKey;
        row.Progress = progressText;
        row.RevisedDue = due;
        row.UpdatedBy = actor.Name;
        row.UpdatedUtc = now;
        row.Revision++;
        foreach (var (field, old, @new) in changes)
        {
            Audit(workspaceId, actor, now, "action", action.Code, label, field, old, @new, null);
        }

        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(row.Revision);
    }

    // ---- evidence -----------------------------------------------------------------------------------------------------

    /// <summary>Evidence of a workspace, optionally of one measure and only what may be published; oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceItem>> EvidenceAsync(string workspaceId, string? measureId = null, bool publishableOnly = false, CancellationToken ct = default) =>
        (await db.Evidence.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && (measureId == null || e.MeasureId == measureId) && (!publishableOnly || e.Publishable))
            .ToListAsync(ct))
        .OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id)
        .Select(e => new EvidenceItem(e.Id, e.MeasureId, e.ReportingPeriod, e.Quote, e.Attribution, e.Publishable, e.CreatedBy, e.CreatedUtc, e.Revision))
        .ToList();

    /// <summary>
    /// Adds a quote to a measure, or changes one (<paramref name="id"/> given, with the revision the person saw): the
    /// measure's owner or the performance officer.
    /// </summary>
    public async Task<CycleResult> SaveEvidenceAsync(
        string workspaceId, Guid? id, string measureId, string label, string? quote, string? attribution, bool publishable,
        int expectedRevision, Plan plan, Actor actor, CancellationToken ct = default)
    {
        if (plan.FindMeasure(measureId) is not { } measure)
        {
            return CycleResult.NotFound($"'{measureId}' is not a measure of the plan.");
        }

        if (!actor.Access.EditsMeasure(measure.Id))
        {
            return CycleResult.Forbidden($"Only the owner of {measure.Id} or a performance officer adds evidence to it.");
        }

        var errors = new List<InputError>();
        var text = Blank(quote);
        if (text is null)
        {
            errors.Add(new InputError("form", null, "quote", "missing; expected the words of the child, young person or family"));
        }
        else if (text.Length > CommentaryLimits.TextLength)
        {
            errors.Add(new InputError("form", null, "quote", $"{text.Length} characters; expected at most {CommentaryLimits.TextLength}"));
        }

        var who = Blank(attribution);
        if (who is { Length: > CommentaryLimits.AuthorLength })
        {
            errors.Add(new InputError("form", null, "attribution", $"{who.Length} characters; expected at most {CommentaryLimits.AuthorLength}"));
        }

        if (!await db.ReportingPeriods.AnyAsync(p => p.WorkspaceId == workspaceId && p.Label == label, ct))
        {
            errors.Add(new InputError("form", null, "period", $"{label} is not a reporting period of this workspace"));
        }

        if (errors.Count > 0)
        {
            return CycleResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        EvidenceRow row;
        if (id is { } existing)
        {
            var found = await db.Evidence.FirstOrDefaultAsync(e => e.Id == existing && e.WorkspaceId == workspaceId && e.MeasureId == measure.Id, ct);
            if (found is null)
            {
                return CycleResult.NotFound("That evidence is not on this measure.");
            }

            if (found.Revision != expectedRevision)
            {
                return CycleResult.Conflict(await ChangesSinceAsync(workspaceId, "evidence", found.Id.ToString(), found.Revision - expectedRevision, ct), found.Revision);
            }

            row = found;
            var itemId = row.Id.ToString();
            if (row.Quote != text)
            {
                Audit(workspaceId, actor, now, "evidence", itemId, label, "quote", row.Quote, text, null);
            }

            if ((row.Attribution ?? "") != (who ?? ""))
            {
                Audit(workspaceId, actor, now, "evidence", itemId, label, "attribution", row.Attribution, who, null);
            }

            if (row.Publishable != publishable)
            {
                Audit(workspaceId, actor, now, "evidence", itemId, label, "publishable", Yes(row.Publishable), Yes(publishable), null);
            }

            row.UpdatedBy = actor.Name;
            row.UpdatedUtc = now;
        }
        else
        {
            row = new EvidenceRow { Id = Guid.NewGuid(), WorkspaceId = workspaceId, MeasureId = measure.Id, ReportingPeriod = label, CreatedBy = actor.Name, CreatedUtc = now };
            db.Evidence.Add(row);
            Audit(workspaceId, actor, now, "evidence", row.Id.ToString(), label, "added", null, $"{measure.Id}: {text}", null);
            if (publishable)
            {
                Audit(workspaceId, actor, now, "evidence", row.Id.ToString(), label, "publishable", Yes(false), Yes(true), null);
            }
        }

        row.Quote = text!;
        row.Attribution = who;
        row.Publishable = publishable;
        row.Revision++;
        // The public measure page shows publishable evidence and is cached under the workspace's data version.
        if (!await SaveAsync(workspaceId, ct))
        {
            return LostRace;
        }

        return CycleResult.Done(row.Revision);
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
