using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Disclosure;

/// <summary>Disclosure control for a dashboard that will be published: every renderer draws from what this returns.</summary>
/// <remarks>
/// <para>
/// Only measures that count people (children and families, <see cref="Measure.Counts"/>) are touched; a gap is
/// checked through the counts of its two groups. A figure rests on a small count when the count behind it (its
/// numerator, the value of a count, the denominator of an average, a gap's smaller group) is from 1 to the threshold.
/// </para>
/// <para>
/// Every field that repeats or implies a withheld figure is withheld with it, not only the value cell:
/// the latest figure takes its value, counts, previous value, rank, trajectory, gap and recent trend with it, and keeps
/// only its judgements' outcomes, whose reasons (which quote the figure) are replaced; a withheld previous figure takes
/// the reasons that quote it (direction, a RAG against an increase, reduce or gap-narrowing target), the gap result and
/// the recent trend's numbers; a withheld trend point is dropped, and the recent trend's slope, χ² and reason go when
/// it is one of the five the trend rests on; a trajectory from a withheld baseline is dropped. The row's note is free
/// text that may quote any of these, so it is withheld whenever anything in the row is. Zero is shown as zero.
/// England, region and statistical-neighbour averages are aggregates of whole councils and are kept. Secondary
/// suppression is not applied here: a dashboard's rows are separate measures, not the parts of a published total
/// (see docs/statistics.md).
/// </para>
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
                var (published, withheld) = Disclose(row, rules);
                any |= withheld;
                return published;
            }).ToList(),
        }).ToList();
        return dashboard with { Sections = sections, DisclosureNote = any ? rules.Footnote : dashboard.DisclosureNote };
    }

    public static DashboardRow Apply(DashboardRow row, DisclosureRules rules) => Disclose(row, rules).Row;

    /// <summary>The published row, and whether anything in it was withheld.</summary>
    private static (DashboardRow Row, bool Withheld) Disclose(DashboardRow row, DisclosureRules rules)
    {
        if (row.Measure.Gap is null && !row.Measure.Counts.ArePeople())
        {
            return (row, false);
        }

        bool Small(double? count) => count is { } c && c == Math.Floor(c) && rules.IsSmall((long)c);
        var fewer = $"fewer than {rules.Threshold + 1} children or events";
        var trend = row.Trend.Where(p => !Small(p.Numerator)).ToList();
        var trendWithheld = trend.Count != row.Trend.Count;
        // The recent trend rests on the last five annual points of the trend (Significance.Trend, RecentTrend.PointsUsed).
        var recentTrendWithheld = row.Trend.TakeLast(Statistics.RecentTrend.PointsUsed).Any(p => Small(p.Numerator));
        var note = row.Note is null ? null : $"Not shown: the note may quote a figure that rests on {fewer} (disclosure control).";

        if (row.Value is not null && Small(row.CountBehind ?? row.Measure.CountBehind(row.Value, row.Numerator, row.Denominator)))
        {
            var withheld = $"Not shown: the figure rests on {fewer} (disclosure control).";
            return (row with
            {
                Value = null,
                Numerator = null,
                Denominator = null,
                CountBehind = null,
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
                Note = note,
            }, true);
        }

        var published = row with { Trend = trend };
        var any = trendWithheld;

        // The trajectory quotes its baseline, often older than the trend shown.
        if (row.Trajectory is { } t && Small(t.BaselineCount))
        {
            published = published with { Trajectory = null };
            any = true;
        }

        if (row.PreviousValue is not null && Small(row.PreviousNumerator))
        {
            var previousWithheld = $"The previous figure rests on {fewer} and is not shown (disclosure control).";
            published = published with
            {
                PreviousValue = null,
                PreviousNumerator = null,
                Direction = Redact(row.Direction, previousWithheld),
                Rag = RatedAgainstPrevious(row) ? Redact(row.Rag, previousWithheld) : row.Rag,
                // The gap result quotes the previous gap.
                Gap = null,
            };
            any = true;
            recentTrendWithheld |= row.RecentTrend is not null;
        }

        if (recentTrendWithheld && row.RecentTrend is { } rt)
        {
            // The slope and χ² of five points, with four of them published, would go a long way to the fifth.
            published = published with
            {
                RecentTrend = rt with
                {
                    SlopePerYear = null,
                    ChiSquared = null,
                    Reason = $"Not shown: the trend rests on a figure that rests on {fewer} (disclosure control).",
                },
            };
            any = true;
        }

        if (any && row.Note is not null)
        {
            published = published with { Note = note };
        }

        return (published, any);
    }

    /// <summary>Increase, reduce and gap-narrowing targets are rated against the previous value, which their reason quotes.</summary>
    private static bool RatedAgainstPrevious(DashboardRow row) =>
        row.Period is { } p && TargetSchedule.TargetFor(row.Measure, p)?.Kind is
            TargetKind.Increase or TargetKind.Reduce or TargetKind.GapNarrowing;

    private static Judgement<T> Redact<T>(Judgement<T> judgement, string reason)
        where T : struct, Enum =>
        judgement with { Reason = reason };
}
