using GoldenThread.Web.Hosting;
using System.Globalization;
using GoldenThread.Views.Plans;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Delivery;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>Actions (overdue first, by the injected clock) and commissioning intentions (the matrix with counts).</summary>
public static class DeliveryPages
{
    public static IEndpointRouteBuilder MapDeliveryPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").Public().ExcludeFromDescription();
        pages.MapGet("/w/{ws}/actions", (string ws, [FromQuery] string? format, WorkspaceService svc, TimeProvider clock, CancellationToken ct) => Actions(ws, format, svc, clock, ct)).CachedPage();
        pages.MapGet("/w/{ws}/actions.csv", (string ws, WorkspaceService svc, TimeProvider clock, CancellationToken ct) => Actions(ws, "csv", svc, clock, ct));
        pages.MapGet("/w/{ws}/intentions", (string ws, [FromQuery] string? format, WorkspaceService svc, CancellationToken ct) => Intentions(ws, format, svc, ct)).CachedPage();
        pages.MapGet("/w/{ws}/intentions.csv", (string ws, WorkspaceService svc, CancellationToken ct) => Intentions(ws, "csv", svc, ct));
        return app;
    }

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
        var items = PlanDelivery.ActionList(w.Plan, today);
        if (format == "csv")
        {
            return Csv.File($"{w.Info.Id}-actions.csv", ["code", "text", "theme_id", "outcome_id", "lead", "due", "status", "overdue", "progress"],
                items.Select(i => (IReadOnlyList<string?>)[i.Action.Code, i.Action.Text, i.ThemeId, i.OutcomeId, i.Action.Lead,
                    i.Action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ActionItem.StatusWords(i.Action.Status).ToLowerInvariant(), i.Overdue ? "yes" : "no", i.Action.Progress]));
        }

        return Pages.Render<ActionsPage>(new { Data = w, Items = items, Today = today });
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

        var all = w.Plan.Themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Intentions.Select(ci => (o, ci)))).ToList();
        if (format == "csv")
        {
            return Csv.File($"{w.Info.Id}-intentions.csv", ["id", "text", "outcome_id", "need_levels", "strategic_priorities", "statutory", "rationale"],
                all.Select(x => (IReadOnlyList<string?>)[x.ci.Id, x.ci.Text, x.o.Id, string.Join(";", x.ci.NeedLevels).ToLowerInvariant(),
                    string.Join(";", x.ci.StrategicPriorities), x.ci.Statutory ? "yes" : "no", x.ci.Rationale]));
        }

        return Pages.Render<IntentionsPage>(new { Data = w });
    }
}
