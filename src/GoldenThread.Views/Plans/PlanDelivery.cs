using GoldenThread.Core.Plans;

namespace GoldenThread.Views.Plans;

/// <summary>
/// An action with where it sits (its outcome, or no outcome for an action of the theme as a whole) and whether it is
/// overdue on the day asked.
/// </summary>
public sealed record ActionItem(string ThemeId, string ThemeTitle, string? OutcomeId, string? OutcomeTitle, PlanAction Action, bool Overdue)
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

/// <summary>A row of the commissioning matrix: an outcome's intentions counted by strategic priority and by need level.</summary>
public sealed record MatrixRow(string OutcomeId, string OutcomeTitle, IReadOnlyDictionary<string, int> ByPriority, IReadOnlyDictionary<NeedLevel, int> ByNeed, int Total);

/// <summary>What the delivery views show of a plan: its actions (overdue first) and its commissioning matrix.</summary>
public static class PlanDelivery
{
    /// <summary>
    /// Every action, overdue ones first (not complete, due before <paramref name="today"/>), then in plan order: each
    /// theme's outcomes' actions, then the theme's own ("key actions" of a plan that does not give them to an outcome).
    /// </summary>
    public static IReadOnlyList<ActionItem> ActionList(Plan plan, DateOnly today)
    {
        bool Overdue(PlanAction a) => a.Due is { } due && due < today && a.Status != ActionStatus.Complete;
        return plan.Themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Actions.Select(a => new ActionItem(t.Id, t.Title, o.Id, o.Title, a, Overdue(a))))
                .Concat(t.Actions.Select(a => new ActionItem(t.Id, t.Title, null, null, a, Overdue(a)))))
            .Select((item, index) => (item, index))
            .OrderBy(x => x.item.Overdue ? 0 : 1).ThenBy(x => x.index)
            .Select(x => x.item).ToList();
    }

    /// <summary>One row per outcome with commissioning intentions; an intention counts in every priority and need level it names.</summary>
    public static IReadOnlyList<MatrixRow> Matrix(Plan plan) =>
        plan.Themes.SelectMany(t => t.Outcomes).Where(o => o.Intentions.Count > 0).Select(o => new MatrixRow(
            o.Id, o.Title,
            plan.StrategicPriorities.ToDictionary(sp => sp.Id, sp => o.Intentions.Count(ci => ci.StrategicPriorities.Contains(sp.Id, StringComparer.OrdinalIgnoreCase))),
            Enum.GetValues<NeedLevel>().ToDictionary(n => n, n => o.Intentions.Count(ci => ci.NeedLevels.Contains(n))),
            o.Intentions.Count)).ToList();

    /// <summary>The measures of a theme: its own, then its outcomes', each once (ids matched ignoring case).</summary>
    public static IReadOnlyList<string> MeasureIdsOf(Theme t) =>
        t.MeasureIds.Concat(t.Outcomes.SelectMany(o => o.MeasureIds)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>"1 outcome", "3 outcomes".</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
