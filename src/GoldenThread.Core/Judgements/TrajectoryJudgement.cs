using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>Progress along a multi-year numeric target trajectory (Derbyshire's 2016/17 … 2019/20 targets).</summary>
/// <remarks>
/// Method (docs/methods.md#trajectory): the trajectory runs from the baseline (the latest value before the first target
/// year begins) through each numeric target, placed at the last day of its year. The expected value at the latest
/// period's last day is read off it by straight-line interpolation between the points either side (the first target
/// before the first target year ends, the final target after the last). On track when the latest value is at or better
/// than the expected value by polarity. Share of distance covered = (latest − baseline) / (final target − baseline).
/// Needs at least one numeric target, a baseline and a polarity; otherwise there is no trajectory.
/// </remarks>
public static class TrajectoryJudgement
{
    public static TrajectoryProgress? Assess(
        IReadOnlyList<ScheduledTarget> targets,
        IReadOnlyList<(Period Period, double Value)> series,
        Polarity polarity,
        Func<double, string> format)
    {
        var steps = targets
            .Where(t => t.Target.Kind == TargetKind.Numeric)
            .OrderBy(t => t.Year.End)
            .ToList();
        if (steps.Count == 0 || polarity == Polarity.NoJudgement || series.Count == 0)
        {
            return null;
        }

        var firstYear = steps[0].Year;
        var baseline = series.Where(p => p.Period.End < firstYear.Start).OrderBy(p => p.Period.End).LastOrDefault();
        if (baseline == default)
        {
            return null;
        }

        var latest = series.OrderBy(p => p.Period.End).Last();
        var points = new List<(DateOnly Day, double Value)> { (baseline.Period.End, baseline.Value) };
        points.AddRange(steps.Select(s => (s.Year.End, s.Target.Value!.Value)));

        var expected = Interpolate(points, latest.Period.End);
        var final = steps[^1];
        var finalValue = final.Target.Value!.Value;
        var distance = finalValue - baseline.Value;
        var share = distance == 0 ? 1.0 : (latest.Value - baseline.Value) / distance;
        var onTrack = (latest.Value - expected) * polarity.Sign() >= -1e-9;
        var reason =
            $"Baseline {format(baseline.Value)} ({baseline.Period.Label}); target {format(finalValue)} by {final.Year.Label}. " +
            $"Expected {format(expected)} by {latest.Period.Label} on a straight line; actual {format(latest.Value)}, " +
            $"{(onTrack ? "on or ahead of" : "behind")} the trajectory, {Math.Round(share * 100):0}% of the distance covered.";
        return new TrajectoryProgress(baseline.Period, baseline.Value, final.Year, finalValue, expected, share, onTrack, reason);
    }

    private static double Interpolate(List<(DateOnly Day, double Value)> points, DateOnly day)
    {
        if (day <= points[0].Day)
        {
            return points[0].Value;
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (day <= points[i].Day)
            {
                var (d0, v0) = points[i - 1];
                var (d1, v1) = points[i];
                var span = d1.DayNumber - d0.DayNumber;
                return span == 0 ? v1 : v0 + ((v1 - v0) * (day.DayNumber - d0.DayNumber) / span);
            }
        }

        return points[^1].Value;
    }
}
