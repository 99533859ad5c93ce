using GoldenThread.Web.Hosting;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Plans;
using GoldenThread.Web.Workspaces;

namespace GoldenThread.Web.Features;

/// <summary>The list of plans, a plan at a glance, the golden thread, and a page per theme and outcome (pages in <c>Plans/</c>).</summary>
public static class PlanPages
{
    public static IEndpointRouteBuilder MapPlanPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").Public().ExcludeFromDescription();
        pages.MapGet("/", Home);
        pages.MapGet("/w/{ws}", Plan).CachedPage();
        pages.MapGet("/w/{ws}/thread", Thread).CachedPage();
        pages.MapGet("/w/{ws}/themes/{id}", ThemePage).CachedPage();
        pages.MapGet("/w/{ws}/outcomes/{id}", OutcomePage).CachedPage();
        return app;
    }

    public static async Task<IResult> Home(WorkspaceService svc, CancellationToken ct) =>
        Pages.Render<HomePage>(new { Workspaces = await svc.ListAsync(ct) });

    public static async Task<IResult> Plan(string ws, WorkspaceService svc, CurrentPerson current, CancellationToken ct) =>
        await svc.GetAsync(ws, ct) is { } w
            ? Pages.Render<PlanPage>(new { Data = w, Administers = (await current.AccessAsync(w, ct)).Administers })
            : Lookups.NoWorkspace(ws);

    public static async Task<IResult> Thread(string ws, WorkspaceService svc, CancellationToken ct) =>
        await svc.GetAsync(ws, ct) is { } w ? Pages.Render<ThreadPage>(new { Data = w }) : Lookups.NoWorkspace(ws);

    public static async Task<IResult> ThemePage(string ws, string id, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        return w.Plan.FindTheme(id) is { } t ? Pages.Render<ThemePage>(new { Data = w, Theme = t }) : Lookups.NotInPlan(w, "theme", id);
    }

    public static async Task<IResult> OutcomePage(string ws, string id, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        return w.Plan.FindOutcome(id) is var (t, o) ? Pages.Render<OutcomePage>(new { Data = w, Theme = t, Outcome = o }) : Lookups.NotInPlan(w, "outcome", id);
    }
}
