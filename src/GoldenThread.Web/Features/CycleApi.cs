using GoldenThread.Core.Cycle;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Data;
using GoldenThread.Data.Values;
using GoldenThread.Store.Cycle;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

public sealed record ReportingPeriodDto(string Label, string Slug, DateOnly Due, string OpenedBy, DateTimeOffset OpenedUtc, bool Published,
    DateTimeOffset? PublishedUtc, string? PublishedBy, int? PublishedPlanVersion, int Revision, IReadOnlyDictionary<string, int> Figures, string Href);

/// <summary>Opens a reporting period: <c>period</c> as written (<c>2015/16 Q3</c>), <c>due</c> as <c>yyyy-MM-dd</c>.</summary>
public sealed record OpenPeriodDto(string? Period, string? Due);

public sealed record FigureDto(string MeasureId, string Title, string ReportingPeriod, string State, string Period, double? Value, double? Numerator, double? Denominator,
    string Status, string? Note, string? Shows, string? Why, string? Doing, string? Reason, string Source, int Version, string? UpdatedBy, DateTimeOffset? UpdatedUtc,
    int Revision, string Href);

/// <summary>
/// A figure as typed, checked by the values file's rules (docs/formats.md). <c>revision</c> is the figure's revision as the
/// caller read it (required): when someone saved it since, nothing is saved and the answer (409) says who changed what.
/// A commentary part left out keeps what is there; an empty one clears it.
/// </summary>
public sealed record FigureInputDto(string? Period, string? Value, string? Numerator, string? Denominator, string? Status, string? Note,
    string? Shows, string? Why, string? Doing, int? Revision, string? Reason);

/// <summary>A step on a figure: <c>reason</c> for returning or not available; <c>revision</c> as read.</summary>
public sealed record FigureStepDto(string? Reason, int? Revision);

/// <summary>Publication: the period's <c>revision</c> as read.</summary>
public sealed record PublishDto(int? Revision);

public sealed record FigureVersionDto(string MeasureId, int Version, string State, string Period, double? Value, string Status, string? Reason, DateTimeOffset PublishedUtc, string PublishedBy);

public sealed record UploadErrorDto(string File, int? Line, string? Column, string Message);

public sealed record UploadRowDto(int Line, string MeasureId, string ReportingPeriod, string Period, string Kind, double? OldValue, double? NewValue,
    double? NewNumerator, double? NewDenominator, string NewStatus, string? NewNote);

/// <summary>
/// An upload's preview: every row (new, changed or unchanged) and every problem by line and column. <c>fingerprint</c>
/// names the figures as the preview saw them: sent back with <c>apply=true</c>, nothing is applied if any changed since.
/// </summary>
public sealed record UploadDto(string Source, bool Applied, bool CanApply, int New, int Changed, int Unchanged, string Fingerprint,
    IReadOnlyList<UploadRowDto> Rows, IReadOnlyList<UploadErrorDto> Errors);

public sealed record ActionUpdateDto(string Code, string ReportingPeriod, string Status, string? Rag, string? Progress, DateOnly? RevisedDue,
    string? UpdatedBy, DateTimeOffset? UpdatedUtc, int Revision);

/// <summary>An action's update: status (not-started, on-track, at-risk, off-track, complete), rag, progress, revisedDue (yyyy-MM-dd); revision 0 for the first.</summary>
public sealed record ActionUpdateInputDto(string? Status, string? Rag, string? Progress, string? RevisedDue, int? Revision);

public sealed record EvidenceDto(Guid Id, string MeasureId, string ReportingPeriod, string Quote, string? Attribution, bool Publishable, string CreatedBy,
    DateTimeOffset CreatedUtc, int Revision);

/// <summary>New evidence (no <c>id</c>), or a change to one (<c>id</c> and its <c>revision</c>); <c>period</c> as written or as in URLs.</summary>
public sealed record EvidenceInputDto(Guid? Id, string? Period, string? Quote, string? Attribution, bool? Publishable, int? Revision);

public sealed record AuditDto(long Id, DateTimeOffset AtUtc, string? PersonId, string PersonName, string Subject, string ItemId, string? ReportingPeriod,
    string Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>
/// The quarterly cycle on <c>/api/v1</c> (docs/cycle.md#the-api): the same operations, rules and audit as the pages, for a
/// performance team's scripts with a personal access token, or for the pages' own scripts with the session cookie and
/// the antiforgery header. Outcomes: 404 not found, 403 not yours, 409 refused in this state or changed by someone else
/// (with who and what), 400 with the field or the line and column at fault.
/// </summary>
public static class CycleApi
{
    /// <summary>An upload larger than this is refused before it is read: 5,000 rows of a values file are a few hundred kilobytes.</summary>
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapCycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workspaces/{ws}").WithTags("Quarterly cycle")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/periods", Periods).WithSummary("The reporting periods opened, latest first, with how many figures are in each state.").Requires(Permission.ReadInternal);
        api.MapPost("/periods", Open).WithSummary("Opens a reporting period: one figure per measure, awaiting its owner or entered where a data feed brought it.").Requires(Permission.Approve);
        api.MapGet("/periods/{period}/figures", Figures).WithSummary("Every figure of a period as it stands.").Requires(Permission.ReadInternal);
        api.MapGet("/periods/{period}/figures/{id}", Figure).WithSummary("A figure as it stands; its revision is what a change sends back.").Requires(Permission.ReadInternal);
        api.MapGet("/periods/{period}/figures/{id}/versions", Versions).WithSummary("A figure's published versions: 1 at publication, each correction the next.").Requires(Permission.ReadInternal);
        api.MapPut("/periods/{period}/figures/{id}", Enter).WithSummary("Enters or changes a figure and its commentary (its owner or a performance officer).").Requires(Permission.EditMeasure);
        MapStep(api, "submit", FigureStep.Submit, Permission.EditMeasure, "Submits a figure for approval (its owner or a performance officer).");
        MapStep(api, "approve", FigureStep.Approve, Permission.Approve, "Approves a figure.");
        MapStep(api, "return", FigureStep.Return, Permission.Approve, "Returns a figure to its owner with a reason.");
        MapStep(api, "not-available", FigureStep.MarkNotAvailable, Permission.Approve, "Marks a figure not available this period, with a reason.");
        api.MapPost("/periods/{period}/figures/{id}/correction", Correct)
            .WithSummary("Corrects a published figure: a new version with a reason; the versions before it stay as published.").Requires(Permission.Approve);
        api.MapPost("/periods/{period}/publish", Publish).WithSummary("Publishes a period once every figure is approved or not available.").Requires(Permission.Approve);
        api.MapPost("/periods/{period}/uploads", Upload)
            .WithSummary("A values file (multipart/form-data with one file, or a text/csv body; .xlsx by its name or content type) for the period: "
                + "apply=false (default) previews every row as new, changed or unchanged with every problem by line and column; apply=true applies all of it or nothing, "
                + "and with fingerprint= from the preview, nothing if any of its figures changed since.")
            .Requires(Permission.Contribute);
        api.MapGet("/periods/{period}/actions/{code}", ActionUpdate).WithSummary("An action's update in a period (revision 0: none yet).").Requires(Permission.ReadInternal);
        api.MapPut("/periods/{period}/actions/{code}", UpdateAction).WithSummary("Records an action's status, RAG, progress and revised due date (its lead or a performance officer).").Requires(Permission.EditAction);
        api.MapGet("/measures/{id}/evidence", Evidence).WithSummary("The evidence attached to a measure, publishable or not, oldest first.").Requires(Permission.ReadInternal);
        api.MapPost("/measures/{id}/evidence", SaveEvidence).WithSummary("Adds a quote to a measure, or changes one; answers with the measure's evidence.").Requires(Permission.EditMeasure);
        api.MapGet("/audit", Audit).WithSummary("The audit trail, newest first: measure= (or action code), period=, person= (person id) filter it.").Requires(Permission.Approve);
        api.MapGet("/audit.csv", AuditCsv).WithSummary("The audit trail as CSV, with the same filters.").Produces(StatusCodes.Status200OK, contentType: "text/csv").Requires(Permission.Approve);
        return app;
    }

    private static void MapStep(RouteGroupBuilder api, string key, FigureStep step, Permission permission, string summary) =>
        api.MapPost("/periods/{period}/figures/{id}/" + key,
                (string ws, string period, string id, FigureStepDto? body, [AsParameters] Services s, CancellationToken ct) => Step(ws, period, id, step, body, s, ct))
            .WithName("Figure" + char.ToUpperInvariant(key[0]) + key[1..].Replace("-", "", StringComparison.Ordinal)).WithSummary(summary).Requires(permission);

    /// <summary>The services every cycle endpoint uses, in one parameter.</summary>
    public sealed class Services(WorkspaceService workspaces, CycleStore cycle, CurrentPerson current, IAntiforgery antiforgery, HttpContext http)
    {
        public WorkspaceService Workspaces => workspaces;

        public CycleStore Cycle => cycle;

        public CurrentPerson Current => current;

        public HttpContext Http => http;

        public IAntiforgery Antiforgery => antiforgery;

        /// <summary>
        /// A browser session proves a write came from this site's page (the RequestVerificationToken header, or the form's
        /// field); a script with an access token sends no cookie, so it cannot be forged from another site.
        /// </summary>
        public async Task CheckWriteAsync()
        {
            if (http.User.Identity?.AuthenticationType != Schemes.AccessToken)
            {
                await antiforgery.ValidateRequestAsync(http);
            }
        }
    }

    // ---- results ----------------------------------------------------------------------------------------------------

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    private static ProblemHttpResult NoWorkspace(string ws) => Problem(StatusCodes.Status404NotFound, "Not found", $"There is no workspace '{ws}'.");

    private static ProblemHttpResult NoPeriod(string period) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"'{period}' is not a reporting period of this workspace; expected one such as 2015-16-q3 (GET periods lists them).");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ValidationProblem MissingRevision() =>
        Invalid("revision", "Send the revision you read (the item's revision field): it is how a change by someone else since is caught.");

    /// <summary>The store's field names as the API's JSON names them.</summary>
    private static string Field(string? column) => column switch
    {
        null or "" => "",
        "revised due date" => "revisedDue",
        _ => column,
    };

    /// <summary>A refusal from the store as HTTP: who, what and why, and for a conflict, who changed what since.</summary>
    private static Results<T, ProblemHttpResult, ValidationProblem> Fail<T>(CycleResult r)
        where T : IResult
    {
        switch (r.Outcome)
        {
            case CycleOutcome.Invalid:
                return TypedResults.ValidationProblem(
                    (r.Errors ?? []).GroupBy(e => Field(e.Column)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), detail: r.Message);
            case CycleOutcome.Conflict:
                var conflict = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Changed by someone else", Detail = r.Message };
                conflict.Extensions["revision"] = r.Revision;
                conflict.Extensions["changedSince"] = (r.ChangedSince ?? []).Select(Dto).ToList();
                return TypedResults.Problem(conflict);
            case CycleOutcome.NotFound:
                return Problem(StatusCodes.Status404NotFound, "Not found", r.Message);
            case CycleOutcome.Forbidden:
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", r.Message);
            case CycleOutcome.Refused:
                return Problem(StatusCodes.Status409Conflict, "Refused", r.Message);
            default:
                throw new InvalidOperationException($"{r.Outcome} is not a failure");
        }
    }

    // ---- DTOs ---------------------------------------------------------------------------------------------------------

    private static string Href(WorkspaceData w, string rest) => $"/api/v1/workspaces/{Uri.EscapeDataString(w.Info.Id)}{rest}";

    private static ReportingPeriodDto Dto(WorkspaceData w, ReportingPeriodInfo p, IReadOnlyList<Figure> figures) =>
        new(p.Label, PeriodSlug.Of(p.Label), p.Due, p.OpenedBy, p.OpenedUtc, p.IsPublished, p.PublishedUtc, p.PublishedBy, p.PublishedPlanVersion, p.Revision,
            FigureStates.All.ToDictionary(FigureStates.Key, s => figures.Count(f => f.ReportingPeriod == p.Label && f.State == s)),
            Href(w, "/periods/" + PeriodSlug.Of(p.Label)));

    private static FigureDto Dto(WorkspaceData w, Figure f) =>
        new(f.MeasureId, w.Plan.FindMeasure(f.MeasureId)?.Title ?? f.MeasureId, f.ReportingPeriod, FigureStates.Key(f.State), f.Period.Label, f.Value, f.Numerator, f.Denominator,
            StatusKey(f.Status), f.Note, f.Commentary.Shows, f.Commentary.Why, f.Commentary.Doing, f.Reason, f.Source, f.Version, f.UpdatedBy, f.UpdatedUtc, f.Revision,
            Href(w, $"/periods/{PeriodSlug.Of(f.ReportingPeriod)}/figures/{Uri.EscapeDataString(f.MeasureId)}"));

    private static string StatusKey(ValueStatus s) => s == ValueStatus.Provisional ? "provisional" : "final";

    public static AuditDto Dto(AuditEntry a) =>
        new(a.Id, a.AtUtc, a.PersonId, a.PersonName, a.Subject, a.ItemId, a.ReportingPeriod, a.Field, a.OldValue, a.NewValue, a.Reason);

    private static UploadDto Dto(UploadPreview p, bool applied) =>
        new(p.SourceName, applied, p.CanApply, p.Count(UploadRowKind.New), p.Count(UploadRowKind.Changed), p.Count(UploadRowKind.Unchanged), p.Fingerprint,
            p.Rows.Select(r => new UploadRowDto(r.Line, r.MeasureId, r.ReportingPeriod, r.Period.Label, r.Kind.ToString().ToLowerInvariant(), r.Old.Value, r.New.Value,
                r.New.Numerator, r.New.Denominator, StatusKey(r.New.Status), r.New.Note)).ToList(),
            p.Errors.Select(e => new UploadErrorDto(e.File, e.Line, e.Column, e.Message)).ToList());

    private static FigureEntry Entry(FigureInputDto b) => new()
    {
        Period = b.Period,
        Value = b.Value,
        Numerator = b.Numerator,
        Denominator = b.Denominator,
        Status = b.Status,
        Note = b.Note,
        Shows = b.Shows,
        Why = b.Why,
        Doing = b.Doing,
    };

    // ---- periods ------------------------------------------------------------------------------------------------------

    private static async Task<(WorkspaceData? W, ReportingPeriodInfo? P)> FindAsync(string ws, string period, Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return (null, null);
        }

        var periods = await s.Cycle.PeriodsAsync(w.Info.Id, ct);
        return (w, PeriodSlug.Find(periods, period) ?? periods.FirstOrDefault(p => string.Equals(p.Label, period.Trim(), StringComparison.OrdinalIgnoreCase)));
    }

    public static async Task<Results<Ok<IReadOnlyList<ReportingPeriodDto>>, ProblemHttpResult>> Periods(string ws, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return NoWorkspace(ws);
        }

        var periods = await s.Cycle.PeriodsAsync(w.Info.Id, ct);
        var open = await s.Cycle.OpenFiguresAsync(w.Info.Id, ct);
        var result = new List<ReportingPeriodDto>();
        foreach (var p in periods)
        {
            result.Add(Dto(w, p, p.IsPublished ? await s.Cycle.FiguresAsync(w.Info.Id, p.Label, ct) : open));
        }

        return TypedResults.Ok((IReadOnlyList<ReportingPeriodDto>)result);
    }

    public static async Task<Results<Created<ReportingPeriodDto>, ProblemHttpResult, ValidationProblem>> Open(string ws, OpenPeriodDto? body, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return NoWorkspace(ws);
        }

        var errors = new Dictionary<string, string[]>();
        var parsed = Period.Parse(body?.Period ?? "", YearBasis.Financial);
        if (!parsed.Success || parsed.Value.Kind != PeriodKind.FinancialQuarter || parsed.Value.Start.Year is < 1990 or > 2100)
        {
            errors["period"] = ["Send the quarter to open as written in reports, for example 2015/16 Q3."];
        }

        if (!DateOnly.TryParseExact(body?.Due?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due))
        {
            errors["due"] = ["Send the owners' deadline as a date such as 2016-01-29."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reporting = parsed.Value.WithQualifier(null);
        var result = await s.Cycle.OpenAsync(w.Info.Id, reporting, due, w.Plan, await s.Workspaces.FeedsAsync(w, reporting), await s.Current.ActorAsync(w, ct), ct);
        if (!result.Succeeded)
        {
            return Fail<Created<ReportingPeriodDto>>(result);
        }

        var info = (await s.Cycle.FindPeriodAsync(w.Info.Id, reporting.Label, ct))!;
        var dto = Dto(w, info, await s.Cycle.FiguresAsync(w.Info.Id, info.Label, ct));
        return TypedResults.Created(dto.Href, dto);
    }

    public static async Task<Results<Ok<string>, ProblemHttpResult, ValidationProblem>> Publish(string ws, string period, PublishDto? body, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (body?.Revision is not { } revision)
        {
            return MissingRevision();
        }

        var result = await s.Cycle.PublishAsync(w.Info.Id, p.Label, revision, w.StoredPlan.Version, await s.Current.ActorAsync(w, ct), ct);
        return result.Succeeded ? TypedResults.Ok($"{p.Label} is published.") : Fail<Ok<string>>(result);
    }

    // ---- figures ------------------------------------------------------------------------------------------------------

    public static async Task<Results<Ok<IReadOnlyList<FigureDto>>, ProblemHttpResult>> Figures(string ws, string period, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        var figures = await s.Cycle.FiguresAsync(w.Info.Id, p.Label, ct);
        return TypedResults.Ok((IReadOnlyList<FigureDto>)figures.OrderBy(f => f.MeasureId, StringComparer.Ordinal).Select(f => Dto(w, f)).ToList());
    }

    public static async Task<Results<Ok<FigureDto>, ProblemHttpResult>> Figure(string ws, string period, string id, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        return await FigureOf(w, p, id, s, ct) is { } f ? TypedResults.Ok(Dto(w, f)) : Problem(StatusCodes.Status404NotFound, "Not found", $"'{id}' has no figure in {p.Label}.");
    }

    private static async Task<Figure?> FigureOf(WorkspaceData w, ReportingPeriodInfo p, string id, Services s, CancellationToken ct) =>
        await s.Cycle.FindFigureAsync(w.Info.Id, p.Label, w.Plan.FindMeasure(id)?.Id ?? id, ct);

    public static async Task<Results<Ok<IReadOnlyList<FigureVersionDto>>, ProblemHttpResult>> Versions(string ws, string period, string id, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        var versions = await s.Cycle.VersionsAsync(w.Info.Id, p.Label, w.Plan.FindMeasure(id)?.Id ?? id, ct);
        return TypedResults.Ok((IReadOnlyList<FigureVersionDto>)versions.Select(v =>
            new FigureVersionDto(v.MeasureId, v.Version, FigureStates.Key(v.State), v.Period.Label, v.Value, StatusKey(v.Status), v.Reason, v.PublishedUtc, v.PublishedBy)).ToList());
    }

    public static async Task<Results<Ok<FigureDto>, ProblemHttpResult, ValidationProblem>> Enter(string ws, string period, string id, FigureInputDto? body, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (body?.Revision is not { } revision)
        {
            return MissingRevision();
        }

        var measure = w.Plan.FindMeasure(id)?.Id ?? id;
        var result = await s.Cycle.EnterAsync(w.Info.Id, p.Label, measure, Entry(body), revision, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        return result.Succeeded ? TypedResults.Ok(Dto(w, (await s.Cycle.FindFigureAsync(w.Info.Id, p.Label, measure, ct))!)) : Fail<Ok<FigureDto>>(result);
    }

    public static async Task<Results<Ok<FigureDto>, ProblemHttpResult, ValidationProblem>> Step(string ws, string period, string id, FigureStep step, FigureStepDto? body, Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (body?.Revision is not { } revision)
        {
            return MissingRevision();
        }

        var measure = w.Plan.FindMeasure(id)?.Id ?? id;
        var result = await s.Cycle.StepAsync(w.Info.Id, p.Label, measure, step, body.Reason, revision, await s.Current.ActorAsync(w, ct), ct);
        return result.Succeeded ? TypedResults.Ok(Dto(w, (await s.Cycle.FindFigureAsync(w.Info.Id, p.Label, measure, ct))!)) : Fail<Ok<FigureDto>>(result);
    }

    public static async Task<Results<Ok<FigureDto>, ProblemHttpResult, ValidationProblem>> Correct(string ws, string period, string id, FigureInputDto? body, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (body?.Revision is not { } revision)
        {
            return MissingRevision();
        }

        var measure = w.Plan.FindMeasure(id)?.Id ?? id;
        var result = await s.Cycle.CorrectAsync(w.Info.Id, p.Label, measure, Entry(body), body.Reason, revision, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        return result.Succeeded ? TypedResults.Ok(Dto(w, (await s.Cycle.FindFigureAsync(w.Info.Id, p.Label, measure, ct))!)) : Fail<Ok<FigureDto>>(result);
    }

    // ---- uploads ------------------------------------------------------------------------------------------------------

    public static async Task<Results<Ok<UploadDto>, BadRequest<UploadDto>, ProblemHttpResult, ValidationProblem>> Upload(
        string ws, string period, [FromQuery] bool? apply, [FromQuery] string? fingerprint, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (p.IsPublished)
        {
            return Problem(StatusCodes.Status409Conflict, "Refused", $"{p.Label} has been published: its figures change only by a correction with a reason.");
        }

        var (name, rows, unreadable, problem) = await ReadUploadAsync(s.Http.Request, w, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (rows is null)
        {
            return TypedResults.BadRequest(Dto(new UploadPreview(name, [], unreadable, ""), applied: false));
        }

        var actor = await s.Current.ActorAsync(w, ct);
        var preview = await s.Cycle.PreviewUploadAsync(w.Info.Id, name, rows, actor, ct);

        // The store fills whichever open period asks for a row's figure; this address names one, so a row for another is a mistake.
        var elsewhere = preview.Rows.Where(r => r.ReportingPeriod != p.Label)
            .Select(r => new InputError(name, r.Line, "period", $"{r.Period.Label} is asked for by {r.ReportingPeriod}; expected a figure for {p.Label} (upload it to that period)")).ToList();
        if (elsewhere.Count > 0)
        {
            preview = preview with
            {
                Rows = preview.Rows.Where(r => r.ReportingPeriod == p.Label).ToList(),
                Errors = preview.Errors.Concat(elsewhere).OrderBy(e => e.Line ?? 0).ToList(),
            };
        }

        if (apply != true)
        {
            return TypedResults.Ok(Dto(preview, applied: false));
        }

        if (preview.Errors.Count > 0)
        {
            return TypedResults.BadRequest(Dto(preview, applied: false));
        }

        var (result, applied) = await s.Cycle.ApplyUploadAsync(w.Info.Id, name, rows, string.IsNullOrWhiteSpace(fingerprint) ? null : fingerprint.Trim(), actor, ct);
        switch (result.Outcome)
        {
            case CycleOutcome.Done:
                return TypedResults.Ok(Dto(applied, applied: true));
            case CycleOutcome.Invalid:
                return TypedResults.BadRequest(Dto(applied, applied: false));
            default:
                var refused = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Refused", Detail = result.Message };
                refused.Extensions["fingerprint"] = applied.Fingerprint;
                return TypedResults.Problem(refused);
        }
    }

    /// <summary>
    /// The uploaded file's rows, read by the values file's rules: from a multipart form's one file, or from the body (text/csv,
    /// or the XLSX content type). When the file cannot be read, the rows are null and the errors say where.
    /// </summary>
    private static async Task<(string Name, IReadOnlyList<ValuesRow>? Rows, IReadOnlyList<InputError> Errors, ProblemHttpResult? Problem)> ReadUploadAsync(HttpRequest request, WorkspaceData w, CancellationToken ct)
    {
        if (request.ContentLength > MaxUploadBytes)
        {
            return ("", null, [], Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; split it into several uploads."));
        }

        string name;
        byte[] bytes;
        var type = request.ContentType ?? "";
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count != 1)
            {
                return ("", null, [], Problem(StatusCodes.Status400BadRequest, "No file", "Send exactly one file in the form (a CSV or XLSX values file)."));
            }

            var file = form.Files[0];
            name = Path.GetFileName(string.IsNullOrWhiteSpace(file.FileName) ? "upload.csv" : file.FileName);
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
            type = file.ContentType ?? "";
        }
        else if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
                 || type.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase))
        {
            name = type.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase) ? "upload.xlsx" : "upload.csv";
            using var ms = new MemoryStream();
            await request.Body.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
        }
        else
        {
            return ("", null, [], Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send the values file as multipart/form-data with one file, or as the body with Content-Type text/csv or " + XlsxType + "."));
        }

        if (bytes.Length > MaxUploadBytes)
        {
            return ("", null, [], Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; split it into several uploads."));
        }

        try
        {
            var xlsx = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || type.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase);
            var rows = xlsx
                ? ValuesReader.ReadXlsxRows(new MemoryStream(bytes), name, w.Plan)
                : ValuesReader.ReadCsvRows(bytes, name, w.Plan);
            return (name, rows, [], null);
        }
        catch (InputException e)
        {
            return (name, null, e.Errors, null);
        }
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // ---- actions and evidence ---------------------------------------------------------------------------------------

    public static async Task<Results<Ok<ActionUpdateDto>, ProblemHttpResult>> ActionUpdate(string ws, string period, string code, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (PlanAction(w, code) is not { } action)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", $"'{code}' is not an action of the plan.");
        }

        var update = (await s.Cycle.ActionUpdatesAsync(w.Info.Id, p.Label, ct)).FirstOrDefault(a => a.ActionCode == action.Code);
        return TypedResults.Ok(update is null
            ? new ActionUpdateDto(action.Code, p.Label, ActionStatusKey(action.Status), null, action.Progress, null, null, null, 0)
            : new ActionUpdateDto(update.ActionCode, update.ReportingPeriod, update.Status, update.Rag, update.Progress, update.RevisedDue, update.UpdatedBy, update.UpdatedUtc, update.Revision));
    }

    private static Core.Plans.PlanAction? PlanAction(WorkspaceData w, string code) =>
        w.Plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions)))
            .FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase));

    private static string ActionStatusKey(Core.Plans.ActionStatus status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static async Task<Results<Ok<ActionUpdateDto>, ProblemHttpResult, ValidationProblem>> UpdateAction(
        string ws, string period, string code, ActionUpdateInputDto? body, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        var (w, p) = await FindAsync(ws, period, s, ct);
        if (w is null)
        {
            return NoWorkspace(ws);
        }

        if (p is null)
        {
            return NoPeriod(period);
        }

        if (body?.Revision is not { } revision)
        {
            return MissingRevision();
        }

        var result = await s.Cycle.UpdateActionAsync(w.Info.Id, p.Label, code, body.Status, body.Rag, body.Progress, body.RevisedDue, revision, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        if (!result.Succeeded)
        {
            return Fail<Ok<ActionUpdateDto>>(result);
        }

        var u = (await s.Cycle.ActionUpdatesAsync(w.Info.Id, p.Label, ct)).First(a => string.Equals(a.ActionCode, code, StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok(new ActionUpdateDto(u.ActionCode, u.ReportingPeriod, u.Status, u.Rag, u.Progress, u.RevisedDue, u.UpdatedBy, u.UpdatedUtc, u.Revision));
    }

    public static async Task<Results<Ok<IReadOnlyList<EvidenceDto>>, ProblemHttpResult>> Evidence(string ws, string id, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return NoWorkspace(ws);
        }

        if (w.Plan.FindMeasure(id) is not { } m)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", $"Workspace '{ws}' has no measure '{id}'.");
        }

        return TypedResults.Ok(await EvidenceOf(w, m.Id, s, ct));
    }

    private static async Task<IReadOnlyList<EvidenceDto>> EvidenceOf(WorkspaceData w, string measureId, Services s, CancellationToken ct) =>
        (await s.Cycle.EvidenceAsync(w.Info.Id, measureId, ct: ct))
        .Select(e => new EvidenceDto(e.Id, e.MeasureId, e.ReportingPeriod, e.Quote, e.Attribution, e.Publishable, e.CreatedBy, e.CreatedUtc, e.Revision)).ToList();

    public static async Task<Results<Ok<IReadOnlyList<EvidenceDto>>, ProblemHttpResult, ValidationProblem>> SaveEvidence(
        string ws, string id, EvidenceInputDto? body, [AsParameters] Services s, CancellationToken ct)
    {
        await s.CheckWriteAsync();
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return NoWorkspace(ws);
        }

        var periods = await s.Cycle.PeriodsAsync(w.Info.Id, ct);
        var p = PeriodSlug.Find(periods, body?.Period) ?? periods.FirstOrDefault(x => string.Equals(x.Label, body?.Period?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (p is null)
        {
            return Invalid("period", "Send the reporting period the evidence was gathered for, as written (2015/16 Q3) or as in addresses (2015-16-q3).");
        }

        if (body!.Id is not null && body.Revision is null)
        {
            return MissingRevision();
        }

        var result = await s.Cycle.SaveEvidenceAsync(w.Info.Id, body.Id, id, p.Label, body.Quote, body.Attribution, body.Publishable ?? false, body.Revision ?? 0, w.Plan,
            await s.Current.ActorAsync(w, ct), ct);
        return result.Succeeded ? TypedResults.Ok(await EvidenceOf(w, w.Plan.FindMeasure(id)!.Id, s, ct)) : Fail<Ok<IReadOnlyList<EvidenceDto>>>(result);
    }

    // ---- the audit trail ----------------------------------------------------------------------------------------------

    /// <summary>The audit trail's filters: a measure id or action code, a reporting period (as written or as in addresses), a person's id.</summary>
    public sealed record AuditQuery([FromQuery] string? Measure, [FromQuery] string? Period, [FromQuery] string? Person);

    /// <summary>The trail with its filters applied; at most this many entries (newest first), the export included.</summary>
    public const int AuditLimit = 10_000;

    public static async Task<IReadOnlyList<AuditEntry>> AuditOf(WorkspaceData w, AuditQuery q, CycleStore cycle, CancellationToken ct)
    {
        var periods = await cycle.PeriodsAsync(w.Info.Id, ct);
        var period = string.IsNullOrWhiteSpace(q.Period) ? null : (PeriodSlug.Find(periods, q.Period)?.Label ?? q.Period.Trim());
        var item = string.IsNullOrWhiteSpace(q.Measure) ? null : (w.Plan.FindMeasure(q.Measure.Trim())?.Id ?? q.Measure.Trim());
        return await cycle.AuditAsync(w.Info.Id, item, period, string.IsNullOrWhiteSpace(q.Person) ? null : q.Person.Trim(), AuditLimit, ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditDto>>, ProblemHttpResult>> Audit(string ws, [AsParameters] AuditQuery q, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return NoWorkspace(ws);
        }

        return TypedResults.Ok((IReadOnlyList<AuditDto>)(await AuditOf(w, q, s.Cycle, ct)).Select(Dto).ToList());
    }

    public static async Task<IResult> AuditCsv(string ws, [AsParameters] AuditQuery q, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return NoWorkspace(ws);
        }

        return AuditFile(w, await AuditOf(w, q, s.Cycle, ct));
    }

    public static readonly IReadOnlyList<string> AuditColumns =
        ["id", "at_utc", "person_id", "person", "subject", "item", "reporting_period", "field", "old_value", "new_value", "reason"];

    /// <summary>The trail as CSV (Csv writes any cell a spreadsheet would run as a formula as text: the values are people's words).</summary>
    public static IResult AuditFile(WorkspaceData w, IReadOnlyList<AuditEntry> entries) =>
        Csv.File($"{w.Info.Id}-audit.csv", AuditColumns, entries.Select(a => (IReadOnlyList<string?>)
        [
            a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            a.AtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            a.PersonId, a.PersonName, a.Subject, a.ItemId, a.ReportingPeriod, a.Field, a.OldValue, a.NewValue, a.Reason,
        ]));
}
