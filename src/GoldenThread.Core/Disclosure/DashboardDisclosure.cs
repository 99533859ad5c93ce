using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;

namespace GoldenThread.Core.Disclosure;

/// <summary>Disclosure control for a dashboard that will be published: every renderer draws from what this returns.</summary>
/// <remarks>
/// A row whose latest figure rests on a count from 1 to the threshold (its numerator, or the value of a count measure)
/// loses its value, counts and previous value, shows the marker, and keeps only its judgements' outcomes, whose
/// reasons (which quote the figures) are replaced. Trend points resting on small counts are dropped; a previous value
/// resting on one is withheld, with the reasons that quote it. Zero is shown as zero. England, region and
/// statistical-neighbour averages are aggregates of whole councils and are kept. Secondary suppression is not applied
/// here: a dashboard's rows are separate measures, not the parts of a published total (see docs/statistics.md).
/// </remarks>
public static class DashboardDisclosure
{
    public static Dashboard.Dashboard Apply(Dashboard.Dashboard dashboard, DisclosureRules rules)
    {
        var any = false;
        var sections = dashboard.Sections.Select(section => section with
        {
            Rows = section.Rows.Select(row =>
            {
                var published = Apply(row, rules);
                any |= published.Suppressed || published.Trend.Count != row.Trend.Count || (row.PreviousValue is not null && published.PreviousValue is null);
                return published;
            }).ToList(),
        }).ToList();
        return dashboard with { Sections = sections, DisclosureNote = any ? rules.Footnote : dashboard.DisclosureNote };
    }

    public static DashboardRow Apply(DashboardRow row, DisclosureRules rules)
    {
        bool Small(double? count) => count is { } c && c == Math.Floor(c) && rules.IsSmall((long)c);
        var trend = row.Trend.Where(p => !Small(p.Numerator)).ToList();
        var withheld = $"Not shown: the figure rests on fewer than {rules.Threshold + 1} children or events (disclosure control).";

        if (row.Value is not null && Small(row.Measure.CountBehind(row.Value, row.Numerator, row.Denominator)))
        {
            return row with
            {
                Value = null,
                Numerator = null,
                Denominator = null,
                ValueText = rules.Marker,
                Suppressed = true,
                PreviousValue = null,
                PreviousNumerator = null,
                Trend = trend,
                Direction = Redact(row.Direction, withheld),
                Rag = Redact(row.Rag, withheld),
                StatisticalNeighbourComparison = Redact(row.StatisticalNeighbourComparison, withheld),
                // A rank places the figure among the other councils' published ones; the quartile band is broad enough to keep.
                Rank = null,
                RankedCount = null,
                Trajectory = null,
                Gap = null,
                RecentTrend = null,
            };
        }

        // The trajectory quotes its baseline, often older than the trend shown.
        if (row.Trajectory is { } t && Small(t.BaselineCount))
        {
            row = row with { Trajectory = null };
        }

        if (row.PreviousValue is not null && Small(row.PreviousNumerator))
        {
            var previousWithheld = "The previous figure rests on fewer than " + (rules.Threshold + 1) + " children or events and is not shown (disclosure control).";
            return row with
            {
                PreviousValue = null,
                PreviousNumerator = null,
                Trend = trend,
                Direction = Redact(row.Direction, previousWithheld),
                Rag = RatedAgainstPrevious(row) ? Redact(row.Rag, previousWithheld) : row.Rag,
            };
        }

        return trend.Count == row.Trend.Count ? row : row with { Trend = trend };
    }

    /// <summary>Increase, reduce and gap-narrowing targets are rated against the previous value, which their reason quotes.</summary>
    private static bool RatedAgainstPrevious(DashboardRow row) =>
        row.Period is { } p && Measures.TargetSchedule.TargetFor(row.Measure, p)?.Kind is
            Measures.TargetKind.Increase or Measures.TargetKind.Reduce or Measures.TargetKind.GapNarrowing;

    private static Judgement<T> Redact<T>(Judgement<T> judgement, string reason)
        where T : struct, Enum =>
        judgement with { Reason = reason };
}
