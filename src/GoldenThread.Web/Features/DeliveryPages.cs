using System.Globalization;
using GoldenThread.Core.Plans;
using GoldenThread.Web.Html;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;
using static GoldenThread.Web.Html.Html;

namespace GoldenThread.Web.Features;

/// <summary>An action with where it sits and whether it is overdue on the day asked.</summary>
public sealed record ActionItem(string ThemeId, string ThemeTitle, string OutcomeId, string OutcomeTitle, PlanAction Action, bool Overdue)
{
    public static string StatusWords(ActionStatus s) => s switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.OnTrack => "On track",
        ActionStatus.AtRisk => "At risk",
        ActionStatus.OffTrack => "Off track",
        _ => "Complete",
    };
}

/// <summary>A cell of the commissioning matrix: an outcome against a strategic priority and a need level.</summary>
public sealed record MatrixRow(string OutcomeId, string OutcomeTitle, IReadOnlyDictionary<string, int> ByPriority, IReadOnlyDictionary<NeedLevel, int> ByNeed, int Total);

/// <summary>Actions (overdue first, by the injected clock) and commissioning intentions (the matrix with counts).</summary>
public static class DeliveryPages
{
    public static IEndpointRouteBuilder MapDeliveryPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/w/{ws}/actions", (string ws, [FromQuery] string? format, WorkspaceService svc, TimeProvider clock, CancellationToken ct) => Actions(ws, format, svc, clock, ct));
        pages.MapGet("/w/{ws}/actions.csv", (string ws, WorkspaceService svc, TimeProvider clock, CancellationToken ct) => Actions(ws, "csv", svc, clock, ct));
        pages.MapGet("/w/{ws}/intentions", (string ws, [FromQuery] string? format, WorkspaceService svc, CancellationToken ct) => Intentions(ws, format, svc, ct));
        pages.MapGet("/w/{ws}/intentions.csv", (string ws, WorkspaceService svc, CancellationToken ct) => Intentions(ws, "csv", svc, ct));
        return app;
    }

    /// <summary>Every action, overdue ones first, then in plan order.</summary>
    public static IReadOnlyList<ActionItem> ActionList(Plan plan, DateOnly today) =>
        plan.Themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Actions.Select(a =>
                new ActionItem(t.Id, t.Title, o.Id, o.Title, a, a.Due is { } due && due < today && a.Status != ActionStatus.Complete))))
            .Select((item, index) => (item, index))
            .OrderBy(x => x.item.Overdue ? 0 : 1).ThenBy(x => x.index)
            .Select(x => x.item).ToList();

    public static IReadOnlyList<MatrixRow> Matrix(Plan plan) =>
        plan.Themes.SelectMany(t => t.Outcomes).Where(o => o.Intentions.Count > 0).Select(o => new MatrixRow(
            o.Id, o.Title,
            plan.StrategicPriorities.ToDictionary(sp => sp.Id, sp => o.Intentions.Count(ci => ci.StrategicPriorities.Contains(sp.Id, StringComparer.OrdinalIgnoreCase))),
            Enum.GetValues<NeedLevel>().ToDictionary(n => n, n => o.Intentions.Count(ci => ci.NeedLevels.Contains(n))),
            o.Intentions.Count)).ToList();

    private static IResult? BadFormat(WorkspaceData w, string? format) =>
        format is null or "html" or "csv" ? null : Lookups.BadRequest(w, $"format '{format}' is not one of html, csv.");

    public static async Task<IResult> Actions(string ws, string? format, WorkspaceService svc, TimeProvider clock, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        if (BadFormat(w, format) is { } bad)
        {
            return bad;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = ActionList(w.Plan, today);
        string Due(PlanAction a) => a.Due?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "\u2013";
        if (format == "csv")
        {
            return Csv.File($"{w.Info.Id}-actions.csv", ["code", "text", "theme_id", "outcome_id", "lead", "due", "status", "overdue", "progress"],
                items.Select(i => (IReadOnlyList<string?>)[i.Action.Code, i.Action.Text, i.ThemeId, i.OutcomeId, i.Action.Lead,
                    i.Action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ActionItem.StatusWords(i.Action.Status).ToLowerInvariant(), i.Overdue ? "yes" : "no", i.Action.Progress]));
        }

        return Layout.Page(new PageInfo("Actions", w.Info, "actions"), h =>
        {
            h.H1("Actions", w.Plan.Name);
            var overdue = items.Count(i => i.Overdue);
            h.P($"{items.Count} actions; {overdue} overdue on {today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Overdue actions are listed first.");
            h.Raw("<p class=\"govuk-body\">").Link(w.WsPath("/actions.csv"), "Download the actions as CSV").Raw("</p>");
            if (overdue > 0)
            {
                h.H2("Overdue");
                ActionTable(h, w, "Overdue actions", items.Where(i => i.Overdue), Due);
            }

            foreach (var theme in items.Where(i => !i.Overdue).GroupBy(i => (i.ThemeId, i.ThemeTitle)))
            {
                h.H2($"{theme.Key.ThemeId}: {theme.Key.ThemeTitle}");
                foreach (var outcome in theme.GroupBy(i => (i.OutcomeId, i.OutcomeTitle)))
                {
                    ActionTable(h, w, $"{outcome.Key.OutcomeId}: {outcome.Key.OutcomeTitle}", outcome, Due);
                }
            }
        });
    }

    private static void ActionTable(Html.Html h, WorkspaceData w, string caption, IEnumerable<ActionItem> items, Func<PlanAction, string> due)
    {
        h.Raw("<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls sideways on small screens\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">").Text(caption)
            .Raw("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var c in new[] { "Action", "Lead", "Due", "Status", "Progress" })
        {
            h.Raw("<th scope=\"col\" class=\"govuk-table__header\">").Text(c).Raw("</th>");
        }

        h.Raw("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var i in items)
        {
            var a = i.Action;
            h.Raw($"<tr class=\"govuk-table__row\" id=\"action-{Attr(a.Code)}\"><th scope=\"row\" class=\"govuk-table__header\">").Text(a.Code).Raw(" ")
                .Raw("<span class=\"govuk-body-s\">").Text(a.Text).Raw("</span> ").Link(w.OutcomePath(i.OutcomeId), $"(outcome {i.OutcomeId})").Raw("</th>");
            h.Raw("<td class=\"govuk-table__cell\">").Text(a.Lead ?? "\u2013").Raw("</td><td class=\"govuk-table__cell\">").Text(due(a)).Raw("</td>");
            h.Raw("<td class=\"govuk-table__cell\">").Raw(i.Overdue ? "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong> " : "")
                .Raw("<strong class=\"govuk-tag govuk-tag--grey\">").Text(ActionItem.StatusWords(a.Status)).Raw("</strong></td>");
            h.Raw("<td class=\"govuk-table__cell\">").Text(a.Progress ?? "\u2013").Raw("</td></tr>");
        }

        h.Raw("</tbody></table></div>");
    }

    public static async Task<IResult> Intentions(string ws, string? format, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        if (BadFormat(w, format) is { } bad)
        {
            return bad;
        }

        var plan = w.Plan;
        var matrix = Matrix(plan);
        var needs = Enum.GetValues<NeedLevel>();
        var all = plan.Themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Intentions.Select(ci => (o, ci)))).ToList();
        if (format == "csv")
        {
            return Csv.File($"{w.Info.Id}-intentions.csv", ["id", "text", "outcome_id", "need_levels", "strategic_priorities", "statutory", "rationale"],
                all.Select(x => (IReadOnlyList<string?>)[x.ci.Id, x.ci.Text, x.o.Id, string.Join(";", x.ci.NeedLevels).ToLowerInvariant(),
                    string.Join(";", x.ci.StrategicPriorities), x.ci.Statutory ? "yes" : "no", x.ci.Rationale]));
        }

        return Layout.Page(new PageInfo("Commissioning intentions", w.Info, "intentions"), h =>
        {
            h.H1("Commissioning intentions", plan.Name);
            if (all.Count == 0)
            {
                h.P("This plan lists no commissioning intentions.");
                return;
            }

            h.P($"{all.Count} commissioning intentions across {matrix.Count} outcomes. The matrix counts them by the strategic-plan priorities they serve and by need level; an intention can count in several columns.");
            h.Raw("<p class=\"govuk-body\">").Link(w.WsPath("/intentions.csv"), "Download the intentions as CSV").Raw("</p>");
            var headers = new List<string> { "Outcome" };
            headers.AddRange(plan.StrategicPriorities.Select(sp => $"{sp.Id}: {sp.Title}"));
            headers.AddRange(needs.Select(n => n.ToString()));
            headers.Add("Total");
            var rows = matrix.Select(r =>
            {
                var cells = new List<string> { $"{r.OutcomeId}: {r.OutcomeTitle}" };
                cells.AddRange(plan.StrategicPriorities.Select(sp => r.ByPriority[sp.Id].ToString(CultureInfo.InvariantCulture)));
                cells.AddRange(needs.Select(n => r.ByNeed[n].ToString(CultureInfo.InvariantCulture)));
                cells.Add(r.Total.ToString(CultureInfo.InvariantCulture));
                return (IReadOnlyList<string>)cells;
            }).ToList();
            var totals = new List<string> { "All outcomes" };
            totals.AddRange(plan.StrategicPriorities.Select(sp => matrix.Sum(r => r.ByPriority[sp.Id]).ToString(CultureInfo.InvariantCulture)));
            totals.AddRange(needs.Select(n => matrix.Sum(r => r.ByNeed[n]).ToString(CultureInfo.InvariantCulture)));
            totals.Add(all.Count.ToString(CultureInfo.InvariantCulture));
            rows.Add(totals);
            h.Raw("<div class=\"app-matrix\">").Table("Commissioning intentions by outcome, strategic priority and need level (Prevent, Reduce, Delay, Meet)", headers, rows).Raw("</div>");
            h.H2("Every intention");
            h.Table("Commissioning intentions", ["Intention", "Outcome", "Need levels", "Strategic priorities", "Statutory"],
                all.Select(x => (IReadOnlyList<string>)[$"{x.ci.Id}: {x.ci.Text}", x.o.Id, string.Join(", ", x.ci.NeedLevels), string.Join(", ", x.ci.StrategicPriorities), x.ci.Statutory ? "Yes" : "No"]),
                rowIds: all.Select(x => x.ci.Id).ToList());
        });
    }
}
