using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>The gap between a vulnerable group and its comparison group, and whether it is narrowing.</summary>
/// <remarks>
/// Method (docs/methods.md#gaps): gap = group value − comparison value in the same period. The latest period in which
/// both have a value is compared with the previous comparable period in which both do. Narrowing when the gap's size
/// (absolute value) falls by more than the tolerance (around the previous gap's size), widening when it rises by more,
/// otherwise no significant change. "Diminishing the difference" in the sector's words.
/// </remarks>
public static class GapJudgement
{
    public static IReadOnlyList<(Period Period, double Gap)> Gaps(
        IReadOnlyList<(Period Period, double Value)> group,
        IReadOnlyList<(Period Period, double Value)> comparison)
    {
        var byPeriod = new Dictionary<Period, double>();
        foreach (var c in comparison)
        {
            byPeriod[c.Period] = c.Value;
        }

        return group
            .Where(g => byPeriod.ContainsKey(g.Period))
            .Select(g => (g.Period, g.Value - byPeriod[g.Period]))
            .OrderBy(g => g.Period, Period.ByEnd)
            .ToList();
    }

    public static GapResult? Assess(IReadOnlyList<(Period Period, double Gap)> gaps, Tolerance tolerance, Func<double, string> format)
    {
        if (gaps.Count == 0)
        {
            return null;
        }

        var latest = gaps[^1];
        var previous = gaps.Take(gaps.Count - 1).Where(g => g.Period.IsComparableWith(latest.Period)).LastOrDefault();
        if (previous == default)
        {
            return new GapResult(latest.Period, latest.Gap, null, null, "no comparison",
                $"Gap of {format(latest.Gap)} in {latest.Period.Label}; no earlier comparable period with both groups.");
        }

        var now = Math.Abs(latest.Gap);
        var before = Math.Abs(previous.Gap);
        var trend = tolerance.IsWithin(now, before) ? "no significant change" : now < before ? "narrowing" : "widening";
        return new GapResult(latest.Period, latest.Gap, previous.Period, previous.Gap, trend,
            $"Gap of {format(latest.Gap)} in {latest.Period.Label} against {format(previous.Gap)} in {previous.Period.Label}: {trend}.");
    }
}
