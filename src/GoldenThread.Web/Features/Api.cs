using GoldenThread.Core.Plans;
using GoldenThread.Reporting;
using GoldenThread.Store;
using GoldenThread.Views.Plans;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

public sealed record WorkspaceDto(string Id, string Title, int? HomeLaNumber, bool UsesLait, string? DefaultPeriod, int PlanVersion, int DataVersion, int CycleVersion, DateTimeOffset UpdatedUtc, string Href);

public sealed record HeadlineDto(string Label, string Value, string? Period);

public sealed record ThemeSummaryDto(string Id, string Title, string? Description, int Outcomes, int Measures, string Href);

public sealed record PlanDto(string Workspace, string Name, string? Council, int? LaNumber, int FirstYear, int LastYear, string? Vision, string? Mission,
    IReadOnlyList<PlanValue> Values, IReadOnlyList<ThemeSummaryDto> Themes, IReadOnlyList<HeadlineDto> OurChildren, int PlanVersion);

public sealed record MeasureRefDto(string Id, string Title, string Href);

public sealed record IntentionDto(string Id, string Text, IReadOnlyList<string> NeedLevels, IReadOnlyList<string> StrategicPriorities, bool Statutory, string? Rationale);

public sealed record ActionDto(string Code, string Text, string? Lead, DateOnly? Due, string Status, bool Overdue, string? Progress, string ThemeId, string? OutcomeId);

public sealed record OutcomeDto(string Id, string Title, IReadOnlyList<IntentionDto> Intentions, IReadOnlyList<ActionDto> Actions, IReadOnlyList<MeasureRefDto> Measures);

public sealed record ThreadThemeDto(string Id, string Title, IReadOnlyList<OutcomeDto> Outcomes, IReadOnlyList<MeasureRefDto> Measures);

public sealed record DistributionDto(string Period, double Min, double Q1, double Median, double Q3, double Max, double? Home, int? Rank, IReadOnlyList<CouncilValueDto> Councils);

public sealed record CouncilValueDto(string Council, double Value);

/// <summary>New commentary: the period it is about (default: the measure's latest) and the text.</summary>
public sealed record NewCommentaryDto(string? Period, string? Text);

public sealed record CommentaryDto(string Period, string Author, string Text, DateTimeOffset CreatedUtc);

public sealed record MeasureDto(string Id, string Title, string Unit, string Polarity, string? Definition, string? Source, string? Owner, string? LaitCode,
    string ReportingPeriod, string? Period, double? Value, string ValueText, string? Rag, string RagReason, string Direction, string DirectionReason,
    int? Quartile, string? Target, IReadOnlyList<MeasurePoint> Trend, DistributionDto? Distribution, IReadOnlyList<CommentaryDto> Commentary);

public sealed record MatrixRowDto(string OutcomeId, string OutcomeTitle, IReadOnlyDictionary<string, int> ByStrategicPriority, IReadOnlyDictionary<string, int> ByNeedLevel, int Total);

public sealed record IntentionsDto(IReadOnlyList<StrategicPriority> StrategicPriorities, IReadOnlyList<MatrixRowDto> Matrix, IReadOnlyList<IntentionDto> Intentions);

/// <summary>Every page's data as JSON under <c>/api/v1</c>; tables also as CSV with <c>?format=csv</c>.</summary>
public static class Api
{
    public static IEndpointRouteBuilder MapGoldenThreadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workspaces").WithTags("GoldenThread");
        api.MapGet("", Workspaces).WithSummary("The workspaces (plans) in the store.").Public();
        api.MapGet("/{ws}", Plan).WithSummary("A plan at a glance: vision, mission, values, themes, headline figures.").Public();
        api.MapGet("/{ws}/thread", Thread).WithSummary("The golden thread: themes, outcomes, intentions, actions and measures.").Public();
        api.MapGet("/{ws}/dashboard", Dashboard)
            .WithSummary("The dashboard for a period (docs/dashboard-json.md), or with format=csv the filtered table. Public where the workspace published its dashboard.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Requires(Permission.ReadDashboard);
        api.MapGet("/{ws}/measures/{id}", Measure)
            .WithSummary("A measure: its latest judgements, trend with comparators, all councils' values, and commentary for the council's staff.")
            .Requires(Permission.ReadDashboard);
        api.MapGet("/{ws}/measures/{id}/commentary", Commentary).WithSummary("A measure's commentary history, oldest first.").Requires(Permission.ReadInternal);
        api.MapPost("/{ws}/measures/{id}/commentary", AddCommentary)
            .WithSummary("Adds commentary on a measure for a period, as the person the access token or session belongs to.")
            .Requires(Permission.EditMeasure);
        api.MapGet("/{ws}/actions", Actions).WithSummary("Every action, overdue first; format=csv for CSV.").Produces(StatusCodes.Status200OK, contentType: "text/csv").Public();
        api.MapGet("/{ws}/intentions", Intentions).WithSummary("The commissioning matrix and every intention; format=csv for CSV.").Produces(StatusCodes.Status200OK, contentType: "text/csv").Public();
        return app;
    }

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = detail });

    private static ValidationProblem Invalid(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] });

    private static WorkspaceDto Dto(WorkspaceInfo w) =>
        new(w.Id, w.Title, w.HomeLaNumber, w.UsesLait, w.DefaultPeriod, w.PlanVersion, w.DataVersion, w.CycleVersion, w.UpdatedUtc, $"/api/v1/workspaces/{Uri.EscapeDataString(w.Id)}");

    public static async Task<Ok<IReadOnlyList<WorkspaceDto>>> Workspaces(WorkspaceService svc, CancellationToken ct) =>
        TypedResults.Ok((IReadOnlyList<WorkspaceDto>)(await svc.ListAsync(ct)).Select(Dto).ToList());

    public static async Task<Results<Ok<PlanDto>, NotFound<ProblemDetails>>> Plan(string ws, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        var p = w.Plan;
        return TypedResults.Ok(new PlanDto(w.Info.Id, p.Name, p.Council, w.HomeLa, p.FirstYear, p.LastYear, p.Vision, p.Mission, p.Values,
            p.Themes.Select(t => new ThemeSummaryDto(t.Id, t.Title, t.Description, t.Outcomes.Count,
                t.MeasureIds.Concat(t.Outcomes.SelectMany(o => o.MeasureIds)).Distinct(StringComparer.OrdinalIgnoreCase).Count(), w.ThemePath(t.Id))).ToList(),
            p.OurChildren.Select(f => new HeadlineDto(f.Label, f.Value, f.Period)).ToList(), w.StoredPlan.Version));
    }

    public static async Task<Results<Ok<IReadOnlyList<ThreadThemeDto>>, NotFound<ProblemDetails>>> Thread(string ws, WorkspaceService svc, TimeProvider clock, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actions = PlanDelivery.ActionList(w.Plan, today).ToDictionary(a => a.Action.Code, StringComparer.OrdinalIgnoreCase);
        MeasureRefDto Ref(string id) => new(w.Plan.FindMeasure(id)?.Id ?? id, w.Plan.FindMeasure(id)?.Title ?? id, w.MeasurePath(w.Plan.FindMeasure(id)?.Id ?? id));
        return TypedResults.Ok((IReadOnlyList<ThreadThemeDto>)w.Plan.Themes.Select(t => new ThreadThemeDto(t.Id, t.Title,
            t.Outcomes.Select(o => new OutcomeDto(o.Id, o.Title, o.Intentions.Select(IntentionDtoOf).ToList(),
                o.Actions.Select(a => ActionDtoOf(actions[a.Code])).ToList(), o.MeasureIds.Select(Ref).ToList())).ToList(),
            t.MeasureIds.Select(Ref).ToList())).ToList());
    }

    private static IntentionDto IntentionDtoOf(CommissioningIntention ci) =>
        new(ci.Id, ci.Text, ci.NeedLevels.Select(n => n.ToString().ToLowerInvariant()).ToList(), ci.StrategicPriorities, ci.Statutory, ci.Rationale);

    private static ActionDto ActionDtoOf(ActionItem i) =>
        new(i.Action.Code, i.Action.Text, i.Action.Lead, i.Action.Due, ActionItem.StatusWords(i.Action.Status).ToLowerInvariant(), i.Overdue, i.Action.Progress, i.ThemeId, i.OutcomeId);

    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> Dashboard(string ws, [AsParameters] DashboardQuery q, WorkspaceService svc, CurrentPerson current, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        var (filter, error) = DashboardFilter.Parse(q with { Format = string.IsNullOrWhiteSpace(q.Format) ? "json" : q.Format }, w);
        if (filter is null)
        {
            return Invalid("query", error!);
        }

        if (filter.Format is not ("json" or "csv"))
        {
            return Invalid("format", "format is json (default) or csv here; the workbook is at /w/{ws}/dashboard.xlsx.");
        }

        Core.Dashboard.Dashboard d;
        try
        {
            var (shown, notPublished) = await svc.DashboardForAsync(w, filter.Period, await current.AccessAsync(w, ct));
            if (shown is null)
            {
                return NotFound(notPublished!);
            }

            d = shown;
        }
        catch (Core.Dashboard.NothingToReportException e)
        {
            return Invalid("period", e.Message);
        }

        if (filter.Format == "csv")
        {
            return (FileContentHttpResult)Csv.File($"{w.Info.Id}-dashboard.csv", DashboardPages.CsvColumns,
                filter.Apply(d).SelectMany(x => x.Rows.Select(r => DashboardPages.CsvRow(x.Section, r))));
        }

        var ms = new MemoryStream();
        DashboardJsonRenderer.Render(d, ms);
        return TypedResults.File(ms.ToArray(), "application/json; charset=utf-8");
    }

    public static async Task<Results<Ok<MeasureDto>, NotFound<ProblemDetails>, ValidationProblem>> Measure(string ws, string id, [FromQuery] string? period, WorkspaceService svc, WorkspaceStore store, CurrentPerson current, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        if (w.Plan.FindMeasure(id) is not { } m)
        {
            return NotFound($"Workspace '{ws}' has no measure '{id}'.");
        }

        if (!Lookups.TryPeriod(period, out var p, out var error))
        {
            return Invalid("period", error!);
        }

        Core.Dashboard.Dashboard d;
        try
        {
            var (shown, notPublished) = await svc.DashboardForAsync(w, p, await current.AccessAsync(w, ct));
            if (shown is null)
            {
                return NotFound(notPublished!);
            }

            d = shown;
        }
        catch (Core.Dashboard.NothingToReportException e)
        {
            return Invalid("period", e.Message);
        }

        if (d.Rows.FirstOrDefault(r => r.Measure.Id == m.Id) is not { } row)
        {
            return NotFound($"Measure '{id}' is in the plan but under no theme or outcome, so it is on no dashboard.");
        }
        var dist = MeasurePages.Distribution(w, row);
        // Commentary is for the council's staff until the quarter's sign-off publishes it.
        var history = (await current.AccessAsync(w, ct)).ReadsInternal ? await store.CommentaryAsync(w.Info.Id, m.Id, ct) : [];
        return TypedResults.Ok(new MeasureDto(m.Id, m.Title, m.Unit.ToString(), DashboardFormatting.PolarityKey(m.Polarity), m.Definition, m.Source, m.Owner, m.LaitCode,
            d.ReportingPeriod.Label, row.Period?.Label, row.Value, row.ValueText, DashboardFormatting.RagKey(row.Rag.Outcome), row.Rag.Reason,
            DashboardFormatting.DirectionKey(row.Direction.Outcome), row.Direction.Reason, row.Quartile, row.TargetText, MeasurePages.Points(w, row),
            dist is null ? null : new DistributionDto(dist.Period, dist.Quartiles.Min, dist.Quartiles.Q1, dist.Quartiles.Median, dist.Quartiles.Q3, dist.Quartiles.Max,
                dist.Home, dist.Rank, dist.Councils.Select(c => new CouncilValueDto(c.Council, c.Value)).ToList()),
            history.Select(c => new CommentaryDto(c.Period, c.Author, c.Text, c.CreatedUtc)).ToList()));
    }

    public static async Task<Results<Ok<IReadOnlyList<CommentaryDto>>, NotFound<ProblemDetails>>> Commentary(string ws, string id, WorkspaceService svc, WorkspaceStore store, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        if (w.Plan.FindMeasure(id) is not { } m)
        {
            return NotFound($"Workspace '{ws}' has no measure '{id}'.");
        }

        var history = await store.CommentaryAsync(w.Info.Id, m.Id, ct);
        return TypedResults.Ok((IReadOnlyList<CommentaryDto>)history.Select(c => new CommentaryDto(c.Period, c.Author, c.Text, c.CreatedUtc)).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<ActionDto>>, FileContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> Actions(string ws, [FromQuery] string? format, WorkspaceService svc, TimeProvider clock, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        if (format == "csv")
        {
            return (FileContentHttpResult)await DeliveryPages.Actions(ws, "csv", svc, clock, ct);
        }

        if (format is not (null or "json"))
        {
            return Invalid("format", "format is json (default) or csv.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok((IReadOnlyList<ActionDto>)PlanDelivery.ActionList(w.Plan, today).Select(ActionDtoOf).ToList());
    }

    public static async Task<Results<Ok<IntentionsDto>, FileContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> Intentions(string ws, [FromQuery] string? format, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        if (format == "csv")
        {
            return (FileContentHttpResult)await DeliveryPages.Intentions(ws, "csv", svc, ct);
        }

        if (format is not (null or "json"))
        {
            return Invalid("format", "format is json (default) or csv.");
        }

        var matrix = PlanDelivery.Matrix(w.Plan).Select(r => new MatrixRowDto(r.OutcomeId, r.OutcomeTitle, r.ByPriority,
            r.ByNeed.ToDictionary(kv => kv.Key.ToString().ToLowerInvariant(), kv => kv.Value), r.Total)).ToList();
        var all = w.Plan.Themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Intentions)).Select(IntentionDtoOf).ToList();
        return TypedResults.Ok(new IntentionsDto(w.Plan.StrategicPriorities, matrix, all));
    }

    public static async Task<Results<Created<CommentaryDto>, NotFound<ProblemDetails>, ValidationProblem>> AddCommentary(
        string ws, string id, NewCommentaryDto body, WorkspaceService svc, WorkspaceStore store, CurrentPerson current, IAntiforgery antiforgery, HttpContext http, CancellationToken ct)
    {
        // A browser session must prove the call came from this site's page (the RequestVerificationToken header); a script
        // with an access token sends no cookie, so it cannot be forged from another site.
        if (http.User.Identity?.AuthenticationType != Schemes.AccessToken)
        {
            await antiforgery.ValidateRequestAsync(http);
        }

        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return NotFound($"There is no workspace '{ws}'.");
        }

        if (w.Plan.FindMeasure(id) is not { } m)
        {
            return NotFound($"Workspace '{ws}' has no measure '{id}'.");
        }

        var text = body.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Invalid("text", "Enter the commentary.");
        }

        if (text.Length > CommentaryLimits.TextLength)
        {
            return Invalid("text", $"The commentary must be {CommentaryLimits.TextLength} characters or fewer.");
        }

        string period;
        if (string.IsNullOrWhiteSpace(body.Period))
        {
            Core.Dashboard.Dashboard d;
            try
            {
                d = await svc.GetDashboardAsync(w, null);
            }
            catch (Core.Dashboard.NothingToReportException e)
            {
                return Invalid("period", e.Message);
            }

            period = d.Rows.FirstOrDefault(r => r.Measure.Id == m.Id)?.Period?.Label ?? d.ReportingPeriod.Label;
        }
        else if (!Lookups.TryPeriod(body.Period, out var p, out var error))
        {
            return Invalid("period", error!);
        }
        else
        {
            period = p!.Value.Label;
        }

        var author = await current.DisplayNameAsync(ct) ?? "";
        var c = await store.AddCommentaryAsync(w.Info.Id, m.Id, period, author, text, ct);
        return TypedResults.Created($"/api/v1/workspaces/{Uri.EscapeDataString(w.Info.Id)}/measures/{Uri.EscapeDataString(m.Id)}/commentary",
            new CommentaryDto(c.Period, c.Author, c.Text, c.CreatedUtc));
    }
}
