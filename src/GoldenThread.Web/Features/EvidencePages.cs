using System.Globalization;
using GoldenThread.Core.Measures;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Evidence;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>The evidence form's fields as typed.</summary>
public sealed record EvidenceInput(string? Quote, string? Attribution, string? Period, bool Publishable, int Revision)
{
    public static EvidenceInput Of(EvidenceItem e) => new(e.Quote, e.Attribution, e.ReportingPeriod, e.Publishable, e.Revision);
}

/// <summary>A measure's evidence page: the quotes, whether the person may add or change them, and the form as typed.</summary>
public sealed record EvidenceView(
    WorkspaceData W, Measure Measure, IReadOnlyList<EvidenceItem> Items, bool MayEdit, IReadOnlyList<ReportingPeriodInfo> OpenPeriods,
    EvidenceInput Input, string? Done);

/// <summary>One quote's edit page; after a conflict, what the other person changed.</summary>
public sealed record EvidenceEditView(WorkspaceData W, Measure Measure, EvidenceItem Item, EvidenceInput Input, IReadOnlyList<AuditEntry> ChangedSince, string? Message);

/// <summary>
/// Evidence (docs/cycle-uploads.md#evidence): quotes from children, young people and families attached to a measure, each
/// flagged whether it may be published. The measure's owner or the performance team adds and changes them; everyone in
/// the workspace reads them; the public measure page shows only those flagged, once their period is published.
/// </summary>
public static class EvidencePages
{
    public static IEndpointRouteBuilder MapEvidencePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/w/{ws}/measures/{id}/evidence").ExcludeFromDescription();
        pages.MapGet("", List).Requires(Permission.ReadInternal);
        pages.MapPost("", Add).Requires(Permission.EditMeasure);
        pages.MapGet("/{evidenceId}", EditForm).Requires(Permission.EditMeasure);
        pages.MapPost("/{evidenceId}", Save).Requires(Permission.EditMeasure);
        return app;
    }

    public sealed class Services(WorkspaceService workspaces, CycleStore cycle, CurrentPerson current)
    {
        public WorkspaceService Workspaces => workspaces;
        public CycleStore Cycle => cycle;
        public CurrentPerson Current => current;
    }

    private static async Task<(WorkspaceData? W, Measure? Measure, IResult? Error)> FindMeasure(string ws, string id, Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return (null, null, Lookups.NoWorkspace(ws));
        }

        return w.Plan.FindMeasure(id) is { } m ? (w, m, null) : (w, null, Lookups.NotInPlan(w, "measure", id));
    }

    public static async Task<IResult> List(string ws, string id, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, m, error) = await FindMeasure(ws, id, s, ct);
        return error ?? await ListPage(w!, m!, new EvidenceInput(null, null, null, false, 0), [], done == "saved" ? "The evidence is saved." : null, StatusCodes.Status200OK, s, ct);
    }

    private static async Task<IResult> ListPage(WorkspaceData w, Measure m, EvidenceInput input, IReadOnlyList<FieldError> errors, string? done, int status, Services s, CancellationToken ct)
    {
        var access = await s.Current.AccessAsync(w, ct);
        var view = new EvidenceView(w, m, await s.Cycle.EvidenceAsync(w.Info.Id, m.Id, ct: ct), access.EditsMeasure(m.Id),
            w.Cycle.Periods.Where(p => !p.IsPublished).ToList(), input, done);
        return Pages.Render<EvidencePage>(new { View = view, Errors = errors }, status);
    }

    private static EvidenceInput Read(IFormCollection form, int revision) =>
        new(form["quote"].ToString(), form["attribution"].ToString(), form["period"].ToString(), form["publishable"].ToString() == "yes", revision);

    public static async Task<IResult> Add(string ws, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, m, error) = await FindMeasure(ws, id, s, ct);
        if (error is not null)
        {
            return error;
        }

        var input = Read(form, 0);
        var errors = new List<FieldError>();
        // New evidence belongs to a quarter still being reported; the store accepts any of the workspace's periods.
        var period = w!.Cycle.Periods.FirstOrDefault(p => !p.IsPublished && p.Label == input.Period?.Trim());
        if (period is null)
        {
            errors.Add(new("period", "Choose the reporting period the evidence was gathered for"));
        }

        if (string.IsNullOrWhiteSpace(input.Quote))
        {
            errors.Add(new("quote", "Enter the words of the child, young person or family"));
        }

        if (errors.Count > 0)
        {
            return await ListPage(w, m!, input, errors, null, StatusCodes.Status400BadRequest, s, ct);
        }

        var result = await s.Cycle.SaveEvidenceAsync(w.Info.Id, null, m!.Id, period!.Label, input.Quote, input.Attribution, input.Publishable, 0, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        return result.Outcome switch
        {
            CycleOutcome.Done => TypedResults.Redirect(w.MeasurePath(m.Id) + "/evidence?done=saved"),
            CycleOutcome.Invalid => await ListPage(w, m, input, FieldErrors(result), null, StatusCodes.Status400BadRequest, s, ct),
            _ => Refusal(w, result),
        };
    }

    private static async Task<(WorkspaceData? W, Measure? Measure, EvidenceItem? Item, IResult? Error)> FindItem(string ws, string id, string evidenceId, Services s, CancellationToken ct)
    {
        var (w, m, error) = await FindMeasure(ws, id, s, ct);
        if (error is not null)
        {
            return (w, m, null, error);
        }

        var item = Guid.TryParse(evidenceId, CultureInfo.InvariantCulture, out var guid)
            ? (await s.Cycle.EvidenceAsync(w!.Info.Id, m!.Id, ct: ct)).FirstOrDefault(e => e.Id == guid)
            : null;
        return item is null
            ? (w, m, null, Pages.Error(StatusCodes.Status404NotFound, "Page not found", $"Measure {m!.Id} has no such evidence. It may be on another measure.", w!.Info))
            : (w, m, item, null);
    }

    public static async Task<IResult> EditForm(string ws, string id, string evidenceId, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, m, item, error) = await FindItem(ws, id, evidenceId, s, ct);
        return error ?? EditPage(new EvidenceEditView(w!, m!, item!, EvidenceInput.Of(item!), [], null), [], StatusCodes.Status200OK);
    }

    private static IResult EditPage(EvidenceEditView view, IReadOnlyList<FieldError> errors, int status) =>
        Pages.Render<EvidenceEditPage>(new { View = view, Errors = errors }, status);

    public static async Task<IResult> Save(string ws, string id, string evidenceId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, m, item, error) = await FindItem(ws, id, evidenceId, s, ct);
        if (error is not null)
        {
            return error;
        }

        var revision = int.TryParse(form["revision"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
        // The quarter of a quote does not change once given; the form shows it rather than offering it.
        var input = Read(form, revision) with { Period = item!.ReportingPeriod };
        var view = new EvidenceEditView(w!, m!, item, input, [], null);
        if (revision < 0)
        {
            return EditPage(view, [new("quote", "The form did not say which version of the evidence you started from. Reload the page and try again")], StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(input.Quote))
        {
            return EditPage(view, [new("quote", "Enter the words of the child, young person or family")], StatusCodes.Status400BadRequest);
        }

        var result = await s.Cycle.SaveEvidenceAsync(w!.Info.Id, item.Id, m!.Id, item.ReportingPeriod, input.Quote, input.Attribution, input.Publishable, revision, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        return result.Outcome switch
        {
            CycleOutcome.Done => TypedResults.Redirect(w.MeasurePath(m.Id) + "/evidence?done=saved"),
            CycleOutcome.Invalid => EditPage(view, FieldErrors(result), StatusCodes.Status400BadRequest),
            // What the person typed stays; the form now carries the newer revision, so saving again replaces the other change knowingly.
            CycleOutcome.Conflict => EditPage(view with { Input = input with { Revision = result.Revision }, ChangedSince = result.ChangedSince ?? [], Message = result.Message }, [], StatusCodes.Status409Conflict),
            _ => Refusal(w, result),
        };
    }

    private static List<FieldError> FieldErrors(CycleResult result) =>
        result.Errors!.Select(e => new FieldError(e.Column is "attribution" or "period" ? e.Column : "quote", char.ToUpperInvariant((e.Column ?? "quote")[0]) + (e.Column ?? "quote")[1..] + ": " + e.Message)).ToList();

    private static IResult Refusal(WorkspaceData w, CycleResult result) => result.Outcome switch
    {
        CycleOutcome.Forbidden => Pages.Error(StatusCodes.Status403Forbidden, "You cannot do this", result.Message!, w.Info),
        CycleOutcome.NotFound => Pages.Error(StatusCodes.Status404NotFound, "Page not found", result.Message!, w.Info),
        _ => Pages.Error(StatusCodes.Status409Conflict, "This cannot be saved now", result.Message ?? "", w.Info),
    };
}
