using GoldenThread.Core.Plans;
using GoldenThread.Web.Html;
using GoldenThread.Web.Workspaces;
using static GoldenThread.Web.Html.Html;

namespace GoldenThread.Web.Features;

/// <summary>The list of plans, a plan at a glance, the golden thread, and a page per theme and outcome.</summary>
public static class PlanPages
{
    public static IEndpointRouteBuilder MapPlanPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", Home);
        pages.MapGet("/w/{ws}", Plan);
        pages.MapGet("/w/{ws}/thread", Thread);
        pages.MapGet("/w/{ws}/themes/{id}", ThemePage);
        pages.MapGet("/w/{ws}/outcomes/{id}", OutcomePage);
        return app;
    }

    public static async Task<IResult> Home(WorkspaceService svc, CancellationToken ct)
    {
        var list = await svc.ListAsync(ct);
        return Layout.Page(new PageInfo("Plans"), h =>
        {
            h.H1("Plans and performance dashboards");
            h.P("Each plan traces every action and measure back, through outcomes and themes, to the department's vision: its golden thread.");
            if (list.Count == 0)
            {
                h.P("No plan has been loaded yet.");
                return;
            }

            h.Raw("<ul class=\"govuk-list govuk-list--spaced\">");
            foreach (var w in list)
            {
                h.Raw("<li>").Link($"/w/{Seg(w.Id)}", w.Title).Raw("</li>");
            }

            h.Raw("</ul>");
        });
    }

    public static async Task<IResult> Plan(string ws, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var p = w.Plan;
        return Layout.Page(new PageInfo("The plan at a glance", w.Info, "plan"), h =>
        {
            h.H1(p.Name, p.Council);
            h.SummaryList([
                ("Years", $"{p.FirstYear} to {p.LastYear}"),
                ("Council", p.Council),
                ("Plan version", $"{w.StoredPlan.Version}, loaded from {w.StoredPlan.SourceName}"),
            ]);
            if (p.Vision is { } vision)
            {
                h.H2("Vision").Raw("<p class=\"govuk-body-l\">").Text(vision).Raw("</p>");
            }

            if (p.Mission is { } mission)
            {
                h.H2("Mission").P(mission);
            }

            if (p.Values.Count > 0)
            {
                h.H2("Values").Raw("<ul class=\"govuk-list govuk-list--bullet\">");
                foreach (var v in p.Values)
                {
                    h.Raw("<li><strong>").Text(v.Name).Raw("</strong>").Text(v.Description is { } d ? ": " + d : "").Raw("</li>");
                }

                h.Raw("</ul>");
            }

            h.H2("Themes").Raw("<ol class=\"govuk-list govuk-list--number\">");
            foreach (var t in p.Themes)
            {
                h.Raw("<li>").Link(w.ThemePath(t.Id), t.Title)
                    .Raw(" <span class=\"govuk-body-s\">(").Text($"{t.Outcomes.Count} outcomes, {MeasureCount(t)} measures").Raw(")</span></li>");
            }

            h.Raw("</ol>");
            if (p.OurChildren.Count > 0)
            {
                h.Table("Our children: headline figures", ["Figure", "Value", "Period"],
                    p.OurChildren.Select(f => (IReadOnlyList<string>)[f.Label, f.Value, f.Period ?? "\u2013"]));
            }

            h.Raw("<p class=\"govuk-body\">").Link(w.WsPath("/thread"), "Follow the golden thread from themes to measures").Raw("</p>");
        });
    }

    public static async Task<IResult> Thread(string ws, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        return Layout.Page(new PageInfo("The golden thread", w.Info, "thread"), h =>
        {
            h.H1("The golden thread", w.Plan.Name);
            h.P("Each theme opens to its outcomes; each outcome to the commissioning intentions, actions and measures that deliver and evidence it.");
            foreach (var t in w.Plan.Themes)
            {
                h.Raw("<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                    .Text($"Theme {t.Id}: {t.Title}").Raw("</span></summary><div class=\"govuk-details__text app-thread\">");
                h.Raw("<p class=\"govuk-body\">").Link(w.ThemePath(t.Id), $"Theme {t.Id} page").Raw("</p>");
                foreach (var o in t.Outcomes)
                {
                    h.Raw("<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                        .Text($"Outcome {o.Id}: {o.Title}").Raw("</span></summary><div class=\"govuk-details__text\">");
                    h.Raw("<p class=\"govuk-body\">").Link(w.OutcomePath(o.Id), $"Outcome {o.Id} page").Raw("</p>");
                    DeliveryLists(h, w, o);
                    h.Raw("</div></details>");
                }

                if (t.MeasureIds.Count > 0)
                {
                    h.H3("Measures of the whole theme");
                    MeasureList(h, w, t.MeasureIds);
                }

                h.Raw("</div></details>");
            }
        });
    }

    public static async Task<IResult> ThemePage(string ws, string id, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        if (w.Plan.FindTheme(id) is not { } t)
        {
            return Lookups.NotInPlan(w, "theme", id);
        }

        return Layout.Page(new PageInfo($"Theme {t.Id}", w.Info, "thread", [("Golden thread", w.WsPath("/thread"))]), h =>
        {
            h.H1(t.Title, $"Theme {t.Id}");
            h.P(t.Description);
            h.H2("Outcomes");
            if (t.Outcomes.Count == 0)
            {
                h.P("This theme has no outcomes.");
            }

            h.Raw("<ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var o in t.Outcomes)
            {
                h.Raw("<li>").Link(w.OutcomePath(o.Id), $"{o.Id}: {o.Title}").Raw("</li>");
            }

            h.Raw("</ul>");
            var measures = t.MeasureIds.Concat(t.Outcomes.SelectMany(o => o.MeasureIds)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            h.H2("Measures");
            MeasureList(h, w, measures);
            h.Raw("<p class=\"govuk-body\">").Link(w.WsPath("/dashboard?theme=" + Uri.EscapeDataString(t.Id)), "This theme on the dashboard").Raw("</p>");
        });
    }

    public static async Task<IResult> OutcomePage(string ws, string id, WorkspaceService svc, CancellationToken ct)
    {
        if (await svc.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        if (w.Plan.FindOutcome(id) is not var (t, o))
        {
            return Lookups.NotInPlan(w, "outcome", id);
        }

        return Layout.Page(new PageInfo($"Outcome {o.Id}", w.Info, "thread", [("Golden thread", w.WsPath("/thread")), ($"Theme {t.Id}", w.ThemePath(t.Id))]), h =>
        {
            h.H1(o.Title, $"Outcome {o.Id}, theme {t.Id}: {t.Title}");
            h.P(o.Description);
            DeliveryLists(h, w, o, headings: true);
        });
    }

    private static void DeliveryLists(Html.Html h, WorkspaceData w, Outcome o, bool headings = false)
    {
        void Heading(string text)
        {
            if (headings)
            {
                h.H2(text);
            }
            else
            {
                h.H3(text);
            }
        }

        if (o.Intentions.Count > 0)
        {
            Heading("Commissioning intentions");
            h.Raw("<ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var ci in o.Intentions)
            {
                var needs = string.Join(", ", ci.NeedLevels);
                h.Raw($"<li id=\"{Attr(ci.Id)}\">").Link(w.WsPath("/intentions#" + Uri.EscapeDataString(ci.Id)), ci.Id).Text($": {ci.Text}")
                    .Text(needs.Length > 0 ? $" ({needs})" : "").Text(ci.Statutory ? " (statutory duty)" : "").Raw("</li>");
            }

            h.Raw("</ul>");
        }

        if (o.Actions.Count > 0)
        {
            Heading("Actions");
            h.Raw("<ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var a in o.Actions)
            {
                h.Raw($"<li id=\"action-{Attr(a.Code)}\">").Link(w.WsPath("/actions#action-" + Uri.EscapeDataString(a.Code)), a.Code).Text($": {a.Text}")
                    .Text(a.Lead is { } lead ? $" (lead: {lead})" : "").Raw("</li>");
            }

            h.Raw("</ul>");
        }

        if (o.MeasureIds.Count > 0)
        {
            Heading("Measures");
            MeasureList(h, w, o.MeasureIds);
        }
    }

    private static void MeasureList(Html.Html h, WorkspaceData w, IEnumerable<string> ids)
    {
        h.Raw("<ul class=\"govuk-list govuk-list--bullet\">");
        foreach (var id in ids)
        {
            var m = w.Plan.FindMeasure(id);
            h.Raw("<li>").Link(w.MeasurePath(m?.Id ?? id), m?.Title ?? id).Raw("</li>");
        }

        h.Raw("</ul>");
    }

    private static int MeasureCount(Theme t) =>
        t.MeasureIds.Concat(t.Outcomes.SelectMany(o => o.MeasureIds)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
}
