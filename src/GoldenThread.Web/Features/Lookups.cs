using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Web.Workspaces;

namespace GoldenThread.Web.Features;

/// <summary>Finding things in a plan by the ids in URLs (ignoring case, as the plan reader matches references).</summary>
public static class Lookups
{
    public static Theme? FindTheme(this Plan plan, string id) =>
        plan.Themes.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    public static (Theme Theme, Outcome Outcome)? FindOutcome(this Plan plan, string id) =>
        plan.Themes.SelectMany(t => t.Outcomes.Select(o => (t, o)))
            .Where(x => string.Equals(x.o.Id, id, StringComparison.OrdinalIgnoreCase))
            .Select(x => ((Theme, Outcome)?)(x.t, x.o)).FirstOrDefault();

    /// <summary>Where a measure sits in the thread: every theme and outcome (or the theme itself) that names it.</summary>
    public static IReadOnlyList<(Theme Theme, Outcome? Outcome)> PlacesOf(this Plan plan, string measureId)
    {
        var places = new List<(Theme, Outcome?)>();
        foreach (var t in plan.Themes)
        {
            places.AddRange(t.Outcomes.Where(o => o.MeasureIds.Contains(measureId, StringComparer.OrdinalIgnoreCase)).Select(o => (t, (Outcome?)o)));
            if (t.MeasureIds.Contains(measureId, StringComparer.OrdinalIgnoreCase))
            {
                places.Add((t, null));
            }
        }

        return places;
    }

    public static string WsPath(this WorkspaceData ws, string rest = "") => $"/w/{Uri.EscapeDataString(ws.Info.Id)}{rest}";

    public static string MeasurePath(this WorkspaceData ws, string id) => ws.WsPath("/measures/" + Uri.EscapeDataString(id));

    public static string ThemePath(this WorkspaceData ws, string id) => ws.WsPath("/themes/" + Uri.EscapeDataString(id));

    public static string OutcomePath(this WorkspaceData ws, string id) => ws.WsPath("/outcomes/" + Uri.EscapeDataString(id));

    /// <summary>Reads <c>?period=</c>: absent is the default period; unreadable is a 400 with the parser's message.</summary>
    public static bool TryPeriod(string? text, out Period? period, out string? error)
    {
        period = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parsed = Period.Parse(text);
        if (!parsed.Success)
        {
            error = $"The period '{text}' cannot be read: {parsed.Error}.";
            return false;
        }

        // A dashboard reports on a quarter or a year; any other span (a single day, a month) would be a new dashboard
        // to build and cache for each of thousands of addresses, for no reader's benefit.
        if (parsed.Value.Kind is not (PeriodKind.FinancialQuarter or PeriodKind.FinancialYear or PeriodKind.AcademicYear or PeriodKind.CalendarYear)
            || parsed.Value.Start.Year is < 1990 or > 2100)
        {
            error = $"The period '{text}' is not one a dashboard reports on: expected a financial quarter (2023/24 Q3) or a year (2023/24, 2023) from 1990 to 2100.";
            return false;
        }

        period = parsed.Value;
        return true;
    }

    public static IResult NoWorkspace(string id) =>
        Components.Pages.Error(StatusCodes.Status404NotFound, "Page not found", $"There is no plan called '{id}'.");

    public static IResult NotInPlan(WorkspaceData ws, string what, string id) =>
        Components.Pages.Error(StatusCodes.Status404NotFound, "Page not found", $"This plan has no {what} '{id}'.", ws.Info);

    /// <summary>A period a visitor may not see yet: not found, as far as they are concerned.</summary>
    public static IResult NotPublished(WorkspaceData ws, string message) =>
        Components.Pages.Error(StatusCodes.Status404NotFound, "Not published", message + " Published periods are shown to everyone once the performance team signs them off.", ws.Info);

    public static IResult BadRequest(WorkspaceData? ws, string message) =>
        Components.Pages.Error(StatusCodes.Status400BadRequest, "There is a problem with the address", message, ws?.Info);
}
