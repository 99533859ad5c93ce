using System.Globalization;
using GoldenThread.Core.Cycle;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Quarter;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>One figure of a period as the progress board and "my work" list it.</summary>
public sealed record FigureLine(Figure Figure, Measure Measure, string Theme, IReadOnlyList<string> Owners, ReportingPeriodInfo Period, bool Overdue)
{
    /// <summary>The value as the measure writes it, or a dash.</summary>
    public string ValueText => Figure.Value is { } v ? Measure.FormatValue(v) + (Figure.Status == ValueStatus.Provisional ? " (provisional)" : "") : "\u2013";
}

/// <summary>How many figures of a group (a theme, an owner) are in each state, and how many are overdue.</summary>
public sealed record StateCounts(string Name, IReadOnlyDictionary<FigureState, int> ByState, int Overdue)
{
    public int this[FigureState state] => ByState.TryGetValue(state, out var n) ? n : 0;

    public static StateCounts Of(string name, IEnumerable<FigureLine> lines)
    {
        var list = lines.ToList();
        return new(name, list.GroupBy(l => l.Figure.State).ToDictionary(g => g.Key, g => g.Count()), list.Count(l => l.Overdue));
    }
}

/// <summary>The progress board of one reporting period.</summary>
public sealed record BoardView(WorkspaceData W, ReportingPeriodInfo Period, IReadOnlyList<FigureLine> Lines, IReadOnlyList<StateCounts> ByTheme, IReadOnlyList<StateCounts> ByOwner, bool Approves)
{
    public string Path => QuarterPages.PeriodPath(W, Period);
}

/// <summary>What a person typed in one of a figure's forms, and how the last attempt went.</summary>
public sealed record FigureAttempt(FigureEntry Typed, string? Reason, int Revision, IReadOnlyList<FieldError> Errors, string? Refusal, IReadOnlyList<AuditEntry>? Conflict, string? ConflictMessage)
{
    public static FigureAttempt Fresh(Figure f) => new(EntryOf(f), null, f.Revision, [], null, null, null);

    /// <summary>The figure as it stands, written as a person would type it.</summary>
    public static FigureEntry EntryOf(Figure f) => new()
    {
        Value = Number(f.Value),
        Numerator = Number(f.Numerator),
        Denominator = Number(f.Denominator),
        Status = f.Status == ValueStatus.Provisional ? "provisional" : "final",
        Note = f.Note,
        Shows = f.Commentary.Shows,
        Why = f.Commentary.Why,
        Doing = f.Commentary.Doing,
    };

    private static string? Number(double? v) => v is { } x ? MeasureUnit.Clean(x).ToString("R", CultureInfo.InvariantCulture) : null;
}

/// <summary>One figure's page: the figure, its history, the dashboard's comparison and the forms the person may use.</summary>
public sealed record FigureView(
    WorkspaceData W, ReportingPeriodInfo Period, Measure Measure, Figure Figure, IReadOnlyList<AuditEntry> History, IReadOnlyList<FigureVersion> Versions,
    DashboardRow? Row, bool Edits, bool Approves, bool Overdue, FigureAttempt Attempt, string? Done)
{
    public string Path => QuarterPages.FigurePath(W, Period, Measure.Id);
}

/// <summary>An action a person leads, in an open period, for "my work".</summary>
public sealed record MyAction(string Code, string Text, ReportingPeriodInfo Period, string? Status);

/// <summary>"My work": the figures of open periods a person may change, and the actions they lead.</summary>
public sealed record MyWorkView(WorkspaceData W, IReadOnlyList<FigureLine> Lines, IReadOnlyList<MyAction> Actions, IReadOnlyList<ReportingPeriodInfo> OpenPeriods, bool Approves);

/// <summary>
/// The quarterly cycle in the browser (docs/cycle.md): the reporting periods and opening one, the progress board with the
/// performance officer's approvals and publication, "my work", and each figure's page where its owner enters it.
/// Every rule (who, which state, which revision) is <see cref="CycleStore"/>'s; these pages show its answers.
/// </summary>
public static class QuarterPages
{
    /// <summary>A period's label is a few characters ("2015/16 Q3"); anything longer is not one.</summary>
    private const int MaxPeriodText = 40;

    public static IEndpointRouteBuilder MapQuarterPages(this IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/w/{ws}").ExcludeFromDescription();
        ws.MapGet("/quarter", Periods).Requires(Permission.ReadInternal);
        ws.MapPost("/quarter", Open).Requires(Permission.Approve);
        ws.MapGet("/quarter/{period}", Board).Requires(Permission.ReadInternal);
        ws.MapPost("/quarter/{period}/publish", Publish).Requires(Permission.Approve);
        ws.MapGet("/my-work", MyWork).Requires(Permission.ReadInternal);
        ws.MapGet("/quarter/{period}/figures/{id}", ShowFigure).Requires(Permission.ReadInternal);
        ws.MapPost("/quarter/{period}/figures/{id}", Enter).Requires(Permission.EditMeasure);
        ws.MapPost("/quarter/{period}/figures/{id}/submit", (string ws, string period, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct) =>
            Step(ws, period, id, FigureStep.Submit, form, s, ct)).Requires(Permission.EditMeasure);
        ws.MapPost("/quarter/{period}/figures/{id}/approve", (string ws, string period, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct) =>
            Step(ws, period, id, FigureStep.Approve, form, s, ct)).Requires(Permission.Approve);
        ws.MapPost("/quarter/{period}/figures/{id}/return", (string ws, string period, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct) =>
            Step(ws, period, id, FigureStep.Return, form, s, ct)).Requires(Permission.Approve);
        ws.MapPost("/quarter/{period}/figures/{id}/not-available", (string ws, string period, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct) =>
            Step(ws, period, id, FigureStep.MarkNotAvailable, form, s, ct)).Requires(Permission.Approve);
        ws.MapPost("/quarter/{period}/figures/{id}/correct", Correct).Requires(Permission.Approve);
        return app;
    }

    /// <summary>The services every quarter page uses, in one parameter.</summary>
    public sealed class Services(WorkspaceService workspaces, CycleStore cycle, CurrentPerson current, PeopleStore people, TimeProvider clock)
    {
        public WorkspaceService Workspaces => workspaces;
        public CycleStore Cycle => cycle;
        public CurrentPerson Current => current;
        public PeopleStore People => people;
        public TimeProvider Clock => clock;

        public DateOnly Today() => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    }

    public static string QuarterPath(WorkspaceData w) => w.WsPath("/quarter");

    public static string PeriodPath(WorkspaceData w, ReportingPeriodInfo p) => w.WsPath("/quarter/" + Uri.EscapeDataString(PeriodSlug.Of(p.Label)));

    public static string FigurePath(WorkspaceData w, ReportingPeriodInfo p, string measureId) => PeriodPath(w, p) + "/figures/" + Uri.EscapeDataString(measureId);

    public static string ActionPath(WorkspaceData w, ReportingPeriodInfo p, string code) => PeriodPath(w, p) + "/actions/" + Uri.EscapeDataString(code);

    // ---- Reporting periods ----

    public static async Task<IResult> Periods(string ws, [AsParameters] Services s, CancellationToken ct) =>
        await s.Workspaces.GetAsync(ws, ct) is { } w
            ? await PeriodsPage(w, s, null, null, null, [], StatusCodes.Status200OK, ct)
            : Lookups.NoWorkspace(ws);

    private static async Task<IResult> PeriodsPage(WorkspaceData w, Services s, string? typedPeriod, string?[]? typedDue, string? refusal, IReadOnlyList<FieldError> errors, int status, CancellationToken ct) =>
        Pages.Render<PeriodsPage>(new
        {
            Data = w,
            Periods = await s.Cycle.PeriodsAsync(w.Info.Id, ct),
            Approves = (await s.Current.AccessAsync(w, ct)).Approves,
            TypedPeriod = typedPeriod,
            TypedDue = typedDue ?? [null, null, null],
            Refusal = refusal,
            Errors = errors,
        }, status);

    public static async Task<IResult> Open(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var typedPeriod = form["period"].ToString();
        string?[] typedDue = [form["due-day"].ToString(), form["due-month"].ToString(), form["due-year"].ToString()];
        var errors = new List<FieldError>();
        Period? period = null;
        if (string.IsNullOrWhiteSpace(typedPeriod))
        {
            errors.Add(new("period", "Enter the reporting period, for example 2015/16 Q3"));
        }
        else if (typedPeriod.Length > MaxPeriodText || Period.Parse(typedPeriod.Trim(), YearBasis.Financial) is not { Success: true } parsed)
        {
            errors.Add(new("period", "Enter the reporting period as a financial quarter or year, for example 2015/16 Q3 or 2015/16"));
        }
        else if (parsed.Value.Kind is not (PeriodKind.FinancialQuarter or PeriodKind.FinancialYear) || parsed.Value.Start.Year is < 1990 or > 2100)
        {
            errors.Add(new("period", "The reporting period must be a financial quarter or year from 1990 to 2100, for example 2015/16 Q3 or 2015/16"));
        }
        else
        {
            period = parsed.Value;
        }

        DateOnly? due = null;
        if (typedDue.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new("due", "Enter the date figures are due"));
        }
        else if (typedDue.Any(t => t is null || t.Trim().Length is 0 or > 4)
                 || !DateOnly.TryParseExact($"{typedDue[2]!.Trim()}-{typedDue[1]!.Trim().PadLeft(2, '0')}-{typedDue[0]!.Trim().PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            errors.Add(new("due", "The date figures are due must be a real date, for example 27 3 2026"));
        }
        else
        {
            due = d;
        }

        if (errors.Count > 0)
        {
            return await PeriodsPage(w, s, typedPeriod, typedDue, null, errors, StatusCodes.Status400BadRequest, ct);
        }

        var actor = await s.Current.ActorAsync(w, ct);
        var result = await s.Cycle.OpenAsync(w.Info.Id, period!.Value, due!.Value, w.Plan, await s.Workspaces.FeedsAsync(w, period.Value), actor, ct);
        return result.Outcome switch
        {
            CycleOutcome.Done => TypedResults.Redirect(w.WsPath("/quarter/" + Uri.EscapeDataString(PeriodSlug.Of(period.Value.Label)))),
            CycleOutcome.Invalid => await PeriodsPage(w, s, typedPeriod, typedDue, null, Fields(result), StatusCodes.Status400BadRequest, ct),
            CycleOutcome.Forbidden => Forbidden(w, result),
            _ => await PeriodsPage(w, s, typedPeriod, typedDue, result.Message, [], StatusCodes.Status409Conflict, ct),
        };
    }

    // ---- The progress board ----

    /// <summary>The workspace and the period named by the address; the error page when either is not there.</summary>
    private static async Task<(WorkspaceData? W, ReportingPeriodInfo? Period, IResult? Error)> FindPeriod(string ws, string period, Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return (null, null, Lookups.NoWorkspace(ws));
        }

        // The periods as loaded with the cycle's figures, for the version the workspace's row had on this request.
        var found = period.Length > MaxPeriodText ? null : PeriodSlug.Find(w.Cycle.Periods, period);
        return found is null
            ? (w, null, Pages.Error(StatusCodes.Status404NotFound, "Page not found", "This plan has no reporting period with that name: it may not have been opened yet.", w.Info))
            : (w, found, null);
    }

    public static async Task<IResult> Board(string ws, string period, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, error) = await FindPeriod(ws, period, s, ct);
        return error ?? await BoardPage(w!, p!, s, null, Done(done), StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> BoardPage(WorkspaceData w, ReportingPeriodInfo p, Services s, string? refusal, string? done, int status, CancellationToken ct)
    {
        var today = s.Today();
        var figures = await s.Workspaces.CycleViewAsync(w, ("board", p.Label, today), async () =>
        {
            // Not the request's token: other requests may be waiting for this load.
            var lines = Lines(w, [p], await s.Cycle.FiguresAsync(w.Info.Id, p.Label, CancellationToken.None), today);
            var byTheme = w.Plan.Themes.Select(t => StateCounts.Of(t.Title, lines.Where(l => l.Theme == t.Title)))
                .Where(c => c.ByState.Count > 0).ToList();
            if (lines.Any(l => l.Theme.Length == 0))
            {
                byTheme.Add(StateCounts.Of("Not in a theme", lines.Where(l => l.Theme.Length == 0)));
            }

            return (Lines: lines, ByTheme: (IReadOnlyList<StateCounts>)byTheme);
        });

        // Who owns what is not under the cycle version (a role or an assignment changes it), so it is read per request.
        var owners = await OwnersAsync(w, s, ct);
        var named = figures.Lines.Select(l => l with { Owners = OwnersOf(l.Measure, owners) }).ToList();
        var byOwner = named.SelectMany(l => l.Owners.Select(o => (Owner: o, Line: l)))
            .GroupBy(x => x.Owner, StringComparer.Ordinal)
            .OrderBy(g => g.Key == NoOwner).ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => StateCounts.Of(g.Key, g.Select(x => x.Line))).ToList();
        var view = new BoardView(w, p, named, figures.ByTheme, byOwner, (await s.Current.AccessAsync(w, ct)).Approves);
        return Pages.Render<BoardPage>(new { View = view, Refusal = refusal, Done = done }, status);
    }

    private const string NoOwner = "No owner named";

    /// <summary>
    /// Each figure with its measure, theme and whether it is overdue, in the plan's order of measures; its owners are
    /// left for the page to add (<see cref="OwnersOf"/>).
    /// </summary>
    private static IReadOnlyList<FigureLine> Lines(WorkspaceData w, IReadOnlyList<ReportingPeriodInfo> periods, IReadOnlyList<Figure> figures, DateOnly today)
    {
        var order = w.Plan.Measures.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var byLabel = periods.ToDictionary(p => p.Label, StringComparer.Ordinal);
        return figures
            .Where(f => byLabel.ContainsKey(f.ReportingPeriod) && w.Plan.FindMeasure(f.MeasureId) is not null)
            .OrderBy(f => order.TryGetValue(f.MeasureId, out var i) ? i : int.MaxValue)
            .Select(f =>
            {
                var m = w.Plan.FindMeasure(f.MeasureId)!;
                var p = byLabel[f.ReportingPeriod];
                var theme = w.Plan.PlacesOf(m.Id).FirstOrDefault() is { Theme: { } t } ? t.Title : "";
                return new FigureLine(f, m, theme, [], p, FigureStates.Overdue(f.State, p.Due, today));
            })
            .ToList();
    }

    /// <summary>A measure's owners: the contributors who keep it, else the owner the plan names, else nobody.</summary>
    private static IReadOnlyList<string> OwnersOf(Measure m, IReadOnlyDictionary<string, IReadOnlyList<string>> owners) =>
        owners.TryGetValue(m.Id, out var people) ? people : m.Owner is { Length: > 0 } o ? [o] : [NoOwner];

    /// <summary>
    /// The contributors who own each measure (named by the plan or assigned in the browser), by name: worked out once for
    /// the plan version and the store's access version, which a role, an assignment or a renamed person moves.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> OwnersAsync(WorkspaceData w, Services s, CancellationToken ct)
    {
        var version = await s.Current.AccessVersionAsync(ct);
        return await s.Workspaces.AccessViewAsync(version, ("owners", w.Info.Id, w.Info.PlanVersion), async () =>
        {
            // Not the request's token: other requests may be waiting for this load.
            var owners = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            var assigned = await s.Current.AssignmentsAsync(w.Info.Id, CancellationToken.None);
            foreach (var member in (await s.Current.MembersAsync(w.Info.Id, CancellationToken.None)).Where(m => m.Role == WorkspaceRole.Contributor && !m.Disabled))
            {
                var (measures, _) = Ownership.Of(w.Plan, member.DisplayName, member.Email, assigned[member.PersonId]);
                var name = string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email : member.DisplayName;
                foreach (var id in measures)
                {
                    if (!owners.TryGetValue(id, out var list))
                    {
                        owners[id] = list = [];
                    }

                    list.Add(name);
                }
            }

            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)owners.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase);
        });
    }

    public static async Task<IResult> Publish(string ws, string period, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, error) = await FindPeriod(ws, period, s, ct);
        if (error is not null)
        {
            return error;
        }

        if (!int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return await BoardPage(w!, p!, s, ReloadMessage, null, StatusCodes.Status400BadRequest, ct);
        }

        var result = await s.Cycle.PublishAsync(w!.Info.Id, p!.Label, revision, w.StoredPlan.Version, await s.Current.ActorAsync(w, ct), ct);
        return result.Outcome switch
        {
            CycleOutcome.Done => TypedResults.Redirect(PeriodPath(w, p) + "?done=published"),
            CycleOutcome.Forbidden => Forbidden(w, result),
            CycleOutcome.NotFound => Pages.Error(StatusCodes.Status404NotFound, "Page not found", result.Message ?? "", w.Info),
            _ => await BoardPage(w, p, s, result.Message, null, StatusCodes.Status409Conflict, ct),
        };
    }

    // ---- My work ----

    public static async Task<IResult> MyWork(string ws, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var access = await s.Current.AccessAsync(w, ct);
        var work = await OpenWorkAsync(w, s);
        var lines = work.Lines.Where(l => access.EditsMeasure(l.Figure.MeasureId)).ToList();
        var actions = work.Actions.Where(a => access.EditsAction(a.Code)).ToList();
        return Pages.Render<MyWorkPage>(new { View = new MyWorkView(w, lines, actions, work.Open, access.Approves) });
    }

    /// <summary>
    /// Everything "my work" may list, for everyone: every figure and every action update of the open periods. Loaded once
    /// per cycle version and day and shared; each request keeps only what its person may change.
    /// </summary>
    private static Task<(IReadOnlyList<ReportingPeriodInfo> Open, IReadOnlyList<FigureLine> Lines, IReadOnlyList<MyAction> Actions)> OpenWorkAsync(WorkspaceData w, Services s)
    {
        var today = s.Today();
        return s.Workspaces.CycleViewAsync(w, ("open-work", today), async () =>
        {
            // Not the request's token: other requests may be waiting for this load.
            var open = w.Cycle.Periods.Where(p => !p.IsPublished).ToList();
            var lines = open.Count == 0 ? [] : Lines(w, open, await s.Cycle.OpenFiguresAsync(w.Info.Id, CancellationToken.None), today);
            var actions = new List<MyAction>();
            var plan = w.Plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions))).ToList();
            foreach (var p in open)
            {
                var updates = (await s.Cycle.ActionUpdatesAsync(w.Info.Id, p.Label, CancellationToken.None)).ToDictionary(u => u.ActionCode, StringComparer.OrdinalIgnoreCase);
                actions.AddRange(plan.Select(a => new MyAction(a.Code, a.Text, p, updates.TryGetValue(a.Code, out var u) ? u.Status : null)));
            }

            return ((IReadOnlyList<ReportingPeriodInfo>)open, lines, (IReadOnlyList<MyAction>)actions);
        });
    }

    // ---- One figure ----

    private static async Task<(WorkspaceData? W, ReportingPeriodInfo? Period, Measure? Measure, Figure? Figure, IResult? Error)> FindFigure(string ws, string period, string id, Services s, CancellationToken ct)
    {
        var (w, p, error) = await FindPeriod(ws, period, s, ct);
        if (error is not null)
        {
            return (w, null, null, null, error);
        }

        if (w!.Plan.FindMeasure(id) is not { } m || await s.Cycle.FindFigureAsync(w.Info.Id, p!.Label, m.Id, ct) is not { } f)
        {
            return (w, p, null, null, Pages.Error(StatusCodes.Status404NotFound, "Page not found", $"{p!.Label} has no figure for a measure called '{id}'.", w.Info));
        }

        return (w, p, m, f, null);
    }

    public static async Task<IResult> ShowFigure(string ws, string period, string id, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, m, f, error) = await FindFigure(ws, period, id, s, ct);
        return error ?? await FigurePage(w!, p!, m!, f!, FigureAttempt.Fresh(f!), Done(done), StatusCodes.Status200OK, s, ct);
    }

    private static async Task<IResult> FigurePage(WorkspaceData w, ReportingPeriodInfo p, Measure m, Figure f, FigureAttempt attempt, string? done, int status, Services s, CancellationToken ct)
    {
        var access = await s.Current.AccessAsync(w, ct);
        var history = (await s.Cycle.AuditAsync(w.Info.Id, m.Id, p.Label, ct: ct)).Where(a => a.Subject == "figure").ToList();
        DashboardRow? row = null;
        try
        {
            row = await s.Workspaces.RowForAsync(w, p.Period, m.Id);
        }
        catch (NothingToReportException)
        {
            // No dashboard for the period yet: the page shows the figure without the comparison.
        }

        var view = new FigureView(w, p, m, f, history, p.IsPublished ? await s.Cycle.VersionsAsync(w.Info.Id, p.Label, m.Id, ct) : [],
            row, access.EditsMeasure(m.Id), access.Approves, FigureStates.Overdue(f.State, p.Due, s.Today()), attempt, done);
        return Pages.Render<FigurePage>(new { View = view }, status);
    }

    /// <summary>Saves what the owner typed, and with "Save and submit", submits it for approval.</summary>
    public static async Task<IResult> Enter(string ws, string period, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, m, f, error) = await FindFigure(ws, period, id, s, ct);
        if (error is not null)
        {
            return error;
        }

        var typed = EntryOf(form);
        if (!TryRevision(form, out var revision))
        {
            return await FigurePage(w!, p!, m!, f!, new FigureAttempt(typed, null, f!.Revision, [], ReloadMessage, null, null), null, StatusCodes.Status400BadRequest, s, ct);
        }

        var actor = await s.Current.ActorAsync(w!, ct);
        var result = await s.Cycle.EnterAsync(w!.Info.Id, p!.Label, m!.Id, typed, revision, w.Plan, actor, ct);
        var done = "saved";
        if (result.Succeeded && form["then"] == "submit")
        {
            result = await s.Cycle.StepAsync(w.Info.Id, p.Label, m.Id, FigureStep.Submit, null, result.Revision, actor, ct);
            done = "submitted";
        }

        return await Answer(w, p, m, result, typed, null, done, s, ct);
    }

    /// <summary>Submits, approves, returns or marks not available, from the figure's page or the progress board.</summary>
    public static async Task<IResult> Step(string ws, string period, string id, FigureStep step, IFormCollection form, Services s, CancellationToken ct)
    {
        var (w, p, m, f, error) = await FindFigure(ws, period, id, s, ct);
        if (error is not null)
        {
            return error;
        }

        var reason = form.TryGetValue("reason", out var r) ? r.ToString() : null;
        if (!TryRevision(form, out var revision))
        {
            return await FigurePage(w!, p!, m!, f!, FigureAttempt.Fresh(f!) with { Reason = reason, Refusal = ReloadMessage }, null, StatusCodes.Status400BadRequest, s, ct);
        }

        var result = await s.Cycle.StepAsync(w!.Info.Id, p!.Label, m!.Id, step, reason, revision, await s.Current.ActorAsync(w, ct), ct);
        if (result.Succeeded && form["from"] == "board")
        {
            return TypedResults.Redirect(PeriodPath(w, p) + "?done=" + FigureStates.StepKey(step) + "#figure-" + Uri.EscapeDataString(m.Id));
        }

        return await Answer(w, p, m, result, null, reason, FigureStates.StepKey(step), s, ct);
    }

    /// <summary>Corrects a published figure: a new version, with its reason.</summary>
    public static async Task<IResult> Correct(string ws, string period, string id, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, p, m, f, error) = await FindFigure(ws, period, id, s, ct);
        if (error is not null)
        {
            return error;
        }

        var typed = EntryOf(form);
        var reason = form.TryGetValue("reason", out var r) ? r.ToString() : null;
        if (!TryRevision(form, out var revision))
        {
            return await FigurePage(w!, p!, m!, f!, new FigureAttempt(typed, reason, f!.Revision, [], ReloadMessage, null, null), null, StatusCodes.Status400BadRequest, s, ct);
        }

        var result = await s.Cycle.CorrectAsync(w!.Info.Id, p!.Label, m!.Id, typed, reason, revision, w.Plan, await s.Current.ActorAsync(w, ct), ct);
        return await Answer(w, p, m, result, typed, reason, "corrected", s, ct);
    }

    /// <summary>
    /// After a change: back to the figure's page on success (a GET, so a reload does not send it again); otherwise the
    /// page again with what was typed and why it was not saved.
    /// </summary>
    private static async Task<IResult> Answer(WorkspaceData w, ReportingPeriodInfo p, Measure m, CycleResult result, FigureEntry? typed, string? reason, string done, Services s, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return TypedResults.Redirect(FigurePath(w, p, m.Id) + "?done=" + done);
        }

        if (result.Outcome == CycleOutcome.Forbidden)
        {
            return Forbidden(w, result);
        }

        // Read again: a conflict or a refusal is answered with the figure as it now stands.
        if (await s.Cycle.FindFigureAsync(w.Info.Id, p.Label, m.Id, ct) is not { } now)
        {
            return Pages.Error(StatusCodes.Status404NotFound, "Page not found", result.Message ?? "", w.Info);
        }

        var entry = typed ?? FigureAttempt.EntryOf(now);
        var attempt = result.Outcome switch
        {
            CycleOutcome.Invalid => new FigureAttempt(entry, reason, now.Revision, Fields(result), null, null, null),
            CycleOutcome.Conflict => new FigureAttempt(entry, reason, now.Revision, [], null, result.ChangedSince ?? [], result.Message),
            _ => new FigureAttempt(entry, reason, now.Revision, [], result.Message, null, null),
        };
        var status = result.Outcome switch
        {
            CycleOutcome.Invalid => StatusCodes.Status400BadRequest,
            CycleOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        return await FigurePage(w, p, m, now, attempt, null, status, s, ct);
    }

    // ---- helpers ----

    private const string ReloadMessage = "The form was not complete: reload the page and try again.";

    private static IResult Forbidden(WorkspaceData w, CycleResult result) =>
        Pages.Error(StatusCodes.Status403Forbidden, "You cannot do this", result.Message ?? "You may not change this.", w.Info);

    private static bool TryRevision(IFormCollection form, out int revision) =>
        int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out revision);

    /// <summary>What was typed, field by field; a field the form did not have is null (kept), an empty one is cleared.</summary>
    private static FigureEntry EntryOf(IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        return new FigureEntry
        {
            Value = Field("value"),
            Numerator = Field("numerator"),
            Denominator = Field("denominator"),
            Status = Field("status"),
            Note = Field("note"),
            Shows = Field("shows"),
            Why = Field("why"),
            Doing = Field("doing"),
        };
    }

    /// <summary>The store's problems as the error summary lists them: by field (its column), in the reader's words.</summary>
    private static IReadOnlyList<FieldError> Fields(CycleResult result) =>
        (result.Errors ?? []).Select(e => new FieldError(FieldOf(e.Column), Capitalise(e.Message))).ToList();

    private static string FieldOf(string? column) => column switch
    {
        "value" or "numerator" or "denominator" or "status" or "note" or "shows" or "why" or "doing" or "reason" or "due" or "period" => column,
        _ => "value",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string? Done(string? key) => key switch
    {
        "saved" => "The figure is saved.",
        "submitted" => "The figure is saved and submitted for approval.",
        "submit" => "The figure is submitted for approval.",
        "approve" => "The figure is approved.",
        "return" => "The figure is returned to its owner with your reason.",
        "not-available" => "The figure is marked not available this period.",
        "corrected" => "The correction is saved as a new version of the published figure.",
        "published" => "The period is published.",
        _ => null,
    };
}
