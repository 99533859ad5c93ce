using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Plans;

/// <summary>One difference between a plan in force and a new version of it, in words for the person about to apply it.</summary>
/// <param name="Kind"><c>added</c>, <c>removed</c>, <c>retitled</c>, <c>target</c>, <c>owner</c>, <c>unit</c>, <c>theme</c>, <c>action</c>.</param>
/// <param name="ItemId">The measure id, theme id or action code.</param>
public sealed record PlanChange(string Kind, string ItemId, string? Old, string? New);

/// <summary>What changes between two versions of a plan (docs/cycle.md#plan-changes). Pure.</summary>
public static class PlanChanges
{
    public static IReadOnlyList<PlanChange> Between(Plan old, Plan @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var changes = new List<PlanChange>();
        var before = old.Measures.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var after = @new.Measures.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var m in @new.Measures.Where(m => !before.ContainsKey(m.Id)))
        {
            changes.Add(new PlanChange("added", m.Id, null, m.Title));
        }

        foreach (var m in old.Measures.Where(m => !after.ContainsKey(m.Id)))
        {
            changes.Add(new PlanChange("removed", m.Id, m.Title, null));
        }

        foreach (var m in @new.Measures.Where(m => before.ContainsKey(m.Id)))
        {
            var was = before[m.Id];
            if (was.Title != m.Title)
            {
                changes.Add(new PlanChange("retitled", m.Id, was.Title, m.Title));
            }

            if (Targets(was) != Targets(m))
            {
                changes.Add(new PlanChange("target", m.Id, Targets(was), Targets(m)));
            }

            if ((was.Owner ?? "") != (m.Owner ?? ""))
            {
                changes.Add(new PlanChange("owner", m.Id, was.Owner, m.Owner));
            }

            if (was.Unit != m.Unit || was.Polarity != m.Polarity || was.Frequency != m.Frequency)
            {
                changes.Add(new PlanChange("definition", m.Id, Definition(was), Definition(m)));
            }
        }

        var themesBefore = old.Themes.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var themesAfter = @new.Themes.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        changes.AddRange(@new.Themes.Where(t => !themesBefore.ContainsKey(t.Id)).Select(t => new PlanChange("theme added", t.Id, null, t.Title)));
        changes.AddRange(old.Themes.Where(t => !themesAfter.ContainsKey(t.Id)).Select(t => new PlanChange("theme removed", t.Id, t.Title, null)));
        changes.AddRange(@new.Themes.Where(t => themesBefore.TryGetValue(t.Id, out var w) && w.Title != t.Title)
            .Select(t => new PlanChange("theme retitled", t.Id, themesBefore[t.Id].Title, t.Title)));

        var actionsBefore = Actions(old);
        var actionsAfter = Actions(@new);
        changes.AddRange(actionsAfter.Where(a => !actionsBefore.ContainsKey(a.Key)).Select(a => new PlanChange("action added", a.Key, null, a.Value.Text)));
        changes.AddRange(actionsBefore.Where(a => !actionsAfter.ContainsKey(a.Key)).Select(a => new PlanChange("action removed", a.Key, a.Value.Text, null)));
        changes.AddRange(actionsAfter.Where(a => actionsBefore.TryGetValue(a.Key, out var w) && (w.Text != a.Value.Text || w.Lead != a.Value.Lead || w.Due != a.Value.Due))
            .Select(a => new PlanChange("action changed", a.Key, Action(actionsBefore[a.Key]), Action(a.Value))));
        return changes;
    }

    private static Dictionary<string, PlanAction> Actions(Plan plan)
    {
        var result = new Dictionary<string, PlanAction>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions))))
        {
            result.TryAdd(a.Code, a);
        }

        return result;
    }

    private static string Action(PlanAction a) =>
        string.Join("; ", new[] { a.Text, a.Lead is null ? null : "lead " + a.Lead, a.Due is { } d ? "due " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null }.Where(x => x is not null));

    private static string Targets(Measure m)
    {
        if (m.StandingTarget is { } standing)
        {
            return standing.Describe(m.Unit, m.DecimalPlaces);
        }

        return m.Targets.Count == 0
            ? "none"
            : string.Join("; ", m.Targets.Select(t => $"{t.Year.Label}: {t.Target.Describe(m.Unit, m.DecimalPlaces)}"));
    }

    private static string Definition(Measure m) => $"{m.Unit}, {m.Polarity}, {m.Frequency}";
}
