using System.Globalization;
using GoldenThread.Core.Plans;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.ActionProgress;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>An action of the plan with its update in a reporting period (null: none yet).</summary>
public sealed record ActionLine(PlanAction Action, ActionUpdate? Update, bool MayEdit);

/// <summary>The action update form's fields as typed; the revised due date in the GOV.UK date input's three parts.</summary>
public sealed record ActionUpdateInput(string? Status, string? Rag, string? Progress, string? Day, string? Month, string? Year, int Revision)
{
    public static ActionUpdateInput Of(ActionUpdate? u) => new(
        u?.Status, u?.Rag ?? (u is null ? null : "none"), u?.Progress,
        u?.RevisedDue?.Day.ToString(CultureInfo.InvariantCulture), u?.RevisedDue?.Month.ToString(CultureInfo.InvariantCulture), u?.RevisedDue?.Year.ToString(CultureInfo.InvariantCulture),
        u?.Revision ?? 0);
}

/// <summary>The action update page: the action, the form as typed, and after a conflict what the other person changed.</summary>
public sealed record ActionUpdateView(WorkspaceData W, ReportingPeriodInfo Period, PlanAction Action, ActionUpdateInput Input, IReadOnlyList<AuditEntry> ChangedSince, string? Message);

/// <summary>
/// Actions in the quarter (docs/cycle-uploads.md#actions): every action of the plan with its status, RAG, progress note and
/// revised due date in a reporting period, and the form its lead (or the performance officer) updates them with.
/// </summary>
public static class ActionUpdatePages
{
    public static IEndpointRouteBuilder MapActionUpdatePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/w/{ws}/quarter/{period}/actions").ExcludeFromDescription();
        pages.MapGet("", List).Requires(Permission.ReadInternal);
        pages.MapGet("/{code}", Form).Requires(Permission.EditAction);
        pages.MapPost("/{code}", Save).Requires(Permission.EditAction);
        return app;
    }

    public sealed class Services(WorkspaceService workspaces, CycleStore cycle, CurrentPerson current)
    {
        public WorkspaceService Workspaces => workspaces;
        public CycleStore Cycle => cycle;
        public CurrentPerson Current => current;
    }

    public static IEnumerable<PlanAction> ActionsOf(Plan plan) => plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions)));

    private static async Task<(WorkspaceData? W, ReportingPeriodInfo? Period, IResult? Error)> FindPeriod(string ws, string period, Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return (null, null, Lookups.NoWorkspace(ws));
        }

        return PeriodSlug.Find(w.Cycle.Periods, period) is { } p
            ? (w, p, null)
            : (w, null, Lookups.NotInPlan(w, "reporting period", period));
    }

    public static async Task<IResult> List(string ws, string period, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, error) = await FindPeriod(ws, period, s, ct);
        if (error is not null)
        {
            return error;
        }

        var access = await s.Current.AccessAsync(w!, ct);
        var updates = (await s.Cycle.ActionUpdatesAsync(w!.Info.Id, p!.Label, ct)).ToDictionary(u => u.ActionCode, StringComparer.OrdinalIgnoreCase);
        var lines = ActionsOf(w.Plan)
            .Select(a => new ActionLine(a, updates.GetValueOrDefault(a.Code), !p.IsPublished && access.EditsAction(a.Code)))
            .ToList();
        var saved = done is not null && lines.FirstOrDefault(l => string.Equals(l.Action.Code, done, StringComparison.OrdinalIgnoreCase)) is { } d
            ? $"The update of action {d.Action.Code} is saved."
            : null;
        return Pages.Render<ActionUpdatesPage>(new { Data = w, Period = p, Lines = lines, Done = saved });
    }

    private static async Task<(WorkspaceData? W, ReportingPeriodInfo? Period, PlanAction? Action, IResult? Error)> FindAction(string ws, string period, string code, Services s, CancellationToken ct)
    {
        var (w, p, error) = await FindPeriod(ws, period, s, ct);
        if (error is not null)
        {
            return (w, p, null, error);
        }

        return ActionsOf(w!.Plan).FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)) is { } action
            ? (w, p, action, null)
            : (w, p, null, Lookups.NotInPlan(w, "action", code));
    }

    public static async Task<IResult> Form(string ws, string period, string code, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, action, error) = await FindAction(ws, period, code, s, ct);
        if (error is not null)
        {
            return error;
        }

        var update = (await s.Cycle.ActionUpdatesAsync(w!.Info.Id, p!.Label, ct)).FirstOrDefault(u => string.Equals(u.ActionCode, action!.Code, StringComparison.OrdinalIgnoreCase));
        return Page(new ActionUpdateView(w, p, action!, ActionUpdateInput.Of(update), [], p.IsPublished ? $"{p.Label} has been published: its action updates no longer change." : null), [], StatusCodes.Status200OK);
    }

    private static IResult Page(ActionUpdateView view, IReadOnlyList<FieldError> errors, int status) =>
        Pages.Render<ActionUpdatePage>(new { View = view, Errors = errors }, status);

    public static async Task<IResult> Save(string ws, string period, string code, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, action, error) = await FindAction(ws, period, code, s, ct);
        if (error is not null)
        {
            return error;
        }

        var input = new ActionUpdateInput(form["status"].ToString(), form["rag"].ToString(), form["progress"].ToString(),
            form["revisedDue-day"].ToString(), form["revisedDue-month"].ToString(), form["revisedDue-year"].ToString(),
            int.TryParse(form["revision"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : -1);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Status))
        {
            errors.Add(new("status", "Choose the action's status"));
        }

        if (string.IsNullOrWhiteSpace(input.Rag))
        {
            errors.Add(new("rag", "Choose a RAG rating, or none"));
        }

        var (due, dueError) = RevisedDue(input);
        if (dueError is not null)
        {
            errors.Add(new("revisedDue", dueError));
        }

        if (input.Revision < 0)
        {
            errors.Add(new("status", "The form did not say which update you started from. Reload the page and try again"));
        }

        var view = new ActionUpdateView(w!, p!, action!, input, [], null);
        if (errors.Count > 0)
        {
            return Page(view, errors, StatusCodes.Status400BadRequest);
        }

        var rag = input.Rag!.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null : input.Rag;
        var result = await s.Cycle.UpdateActionAsync(w!.Info.Id, p!.Label, action!.Code, input.Status, rag, input.Progress, due, input.Revision, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        return result.Outcome switch
        {
            CycleOutcome.Done => TypedResults.Redirect(w.WsPath($"/quarter/{Uri.EscapeDataString(PeriodSlug.Of(p.Label))}/actions?done={Uri.EscapeDataString(action.Code)}")),
            CycleOutcome.Invalid => Page(view, result.Errors!.Select(e => new FieldError(FieldOf(e.Column), Sentence(e.Column, e.Message))).ToList(), StatusCodes.Status400BadRequest),
            // What the person typed stays; the form now carries the newer revision, so saving again replaces the other change knowingly.
            CycleOutcome.Conflict => Page(view with { Input = input with { Revision = result.Revision }, ChangedSince = result.ChangedSince ?? [], Message = result.Message }, [], StatusCodes.Status409Conflict),
            CycleOutcome.Forbidden => Pages.Error(StatusCodes.Status403Forbidden, "You cannot do this", result.Message!, w.Info),
            CycleOutcome.NotFound => Pages.Error(StatusCodes.Status404NotFound, "Page not found", result.Message!, w.Info),
            _ => Page(view with { Message = result.Message }, [], StatusCodes.Status409Conflict),
        };
    }

    /// <summary>The revised due date as the store takes it (yyyy-MM-dd), none when all three parts are blank, or what is wrong.</summary>
    public static (string? Date, string? Error) RevisedDue(ActionUpdateInput input)
    {
        string[] parts = [input.Day?.Trim() ?? "", input.Month?.Trim() ?? "", input.Year?.Trim() ?? ""];
        if (parts.All(p => p.Length == 0))
        {
            return (null, null);
        }

        if (parts.Any(p => p.Length is 0 or > 4)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, "The revised due date must be a real date, for example 31 3 2026");
        }

        return (new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
    }

    private static string FieldOf(string? column) => column switch
    {
        "revised due date" => "revisedDue",
        "rag" => "rag",
        "progress" => "progress",
        _ => "status",
    };

    private static string Sentence(string? column, string message) =>
        char.ToUpperInvariant((column ?? "status")[0]) + (column ?? "status")[1..] + ": " + message;
}
