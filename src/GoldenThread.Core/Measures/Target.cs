using System.Globalization;
using System.Text.RegularExpressions;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Measures;

public enum TargetKind
{
    /// <summary>Reach a value; which side is good follows the measure's polarity.</summary>
    Numeric,
    /// <summary>Stay on one side of a bound, whatever the polarity: "below 4%", "&gt;84%".</summary>
    Bound,
    /// <summary>Be in the national top quartile (quartile 1).</summary>
    TopQuartile,
    /// <summary>Be better than the England average.</summary>
    AboveNationalAverage,
    /// <summary>Be at or better than the statistical-neighbour average.</summary>
    AtOrBetterThanStatisticalNeighbours,
    /// <summary>Go up compared with the previous comparable value.</summary>
    Increase,
    /// <summary>Go down compared with the previous comparable value.</summary>
    Reduce,
    /// <summary>The gap to a comparison group gets smaller.</summary>
    GapNarrowing,
    ToBeConfirmed,
    MonitoringOnly,
    /// <summary>The period is the baseline year: no target yet.</summary>
    Baseline,
}

public enum BoundOperator
{
    Below,
    AtMost,
    Above,
    AtLeast,
}

/// <summary>A target: numeric, a bound, or relative to comparators or to the previous value.</summary>
/// <remarks>Invariant: <see cref="Value"/> is set for <see cref="TargetKind.Numeric"/> and <see cref="TargetKind.Bound"/>
/// (and <see cref="Operator"/> for a bound), and null otherwise.</remarks>
public sealed partial record Target
{
    private Target(TargetKind kind, double? value, BoundOperator? op)
    {
        Kind = kind;
        Value = value;
        Operator = op;
    }

    public TargetKind Kind { get; }

    public double? Value { get; }

    public BoundOperator? Operator { get; }

    public static Target Numeric(double value) => new(TargetKind.Numeric, value, null);

    public static Target Bound(BoundOperator op, double value) => new(TargetKind.Bound, value, op);

    public static Target Of(TargetKind kind) => kind is TargetKind.Numeric or TargetKind.Bound
        ? throw new ArgumentException("Numeric and bound targets need a value.", nameof(kind))
        : new(kind, null, null);

    /// <summary>True for the kinds that can give a RAG rating (not TBC, monitoring only or baseline).</summary>
    public bool IsRateable => Kind is not (TargetKind.ToBeConfirmed or TargetKind.MonitoringOnly or TargetKind.Baseline);

    /// <summary>
    /// The target as people write it: <c>100%</c>, <c>below 9%</c>, <c>70.5%</c>, <c>Top quartile</c>,
    /// <c>Above national average</c>: at the measure's decimal places, without the zeros a target is never written
    /// with (<c>100%</c>, not <c>100.0%</c>).
    /// </summary>
    public string Describe(MeasureUnit unit, int decimalPlaces)
    {
        string F(double v)
        {
            var places = 0;
            while (places < decimalPlaces && Math.Round(v, places) != Math.Round(v, decimalPlaces))
            {
                places++;
            }

            return unit.Format(v, places);
        }

        return Kind switch
        {
            TargetKind.Numeric => F(Value!.Value),
            TargetKind.Bound => Operator switch
            {
                BoundOperator.Below => "below " + F(Value!.Value),
                BoundOperator.AtMost => "at most " + F(Value!.Value),
                BoundOperator.Above => "above " + F(Value!.Value),
                _ => "at least " + F(Value!.Value),
            },
            TargetKind.TopQuartile => "Top quartile",
            TargetKind.AboveNationalAverage => "Above national average",
            TargetKind.AtOrBetterThanStatisticalNeighbours => "At or better than statistical neighbours",
            TargetKind.Increase => "Increase",
            TargetKind.Reduce => "Reduce",
            TargetKind.GapNarrowing => "Gap narrowing",
            TargetKind.ToBeConfirmed => "To be confirmed",
            TargetKind.MonitoringOnly => "Monitoring only",
            _ => "Baseline year",
        };
    }

    [GeneratedRegex(@"^(?<op>below|under|less than|<|at most|no more than|<=|above|over|more than|greater than|>|at least|no less than|>=)\s*(?<v>-?[\d.,]+)\s*%?$", RegexOptions.IgnoreCase)]
    private static partial Regex BoundPattern();

    /// <summary>
    /// Parses how plans write targets: <c>70</c>, <c>70%</c>, <c>below 4%</c>, <c>&lt;9%</c>, <c>&gt;84%</c>, <c>top quartile</c>,
    /// <c>above national average</c>, <c>at or better than statistical neighbours</c>, <c>increase</c>, <c>reduce</c>,
    /// <c>gap narrowing</c>, <c>tbc</c>, <c>monitoring only</c>, <c>baseline</c>.
    /// </summary>
    public static ParseResult<Target> Parse(string? text)
    {
        var t = Regex.Replace((text ?? "").Trim().ToLowerInvariant(), @"\s+", " ");
        TargetKind? kind = t switch
        {
            "top quartile" or "top 25%" or "in top 25% of local authorities" or "top-quartile" => TargetKind.TopQuartile,
            "above national average" or "above national" or "better than national average" or "better than england" or "above-national-average" => TargetKind.AboveNationalAverage,
            "at or better than statistical neighbours" or "at or better than sn" or "statistical neighbours" or "at-or-better-than-statistical-neighbours" => TargetKind.AtOrBetterThanStatisticalNeighbours,
            "increase" => TargetKind.Increase,
            "reduce" or "decrease" => TargetKind.Reduce,
            "gap narrowing" or "narrow the gap" or "gap-narrowing" => TargetKind.GapNarrowing,
            "tbc" or "to be confirmed" or "to-be-confirmed" => TargetKind.ToBeConfirmed,
            "monitoring only" or "monitoring" or "monitor" or "monitoring-only" => TargetKind.MonitoringOnly,
            "baseline" or "baseline year" => TargetKind.Baseline,
            _ => null,
        };
        if (kind is { } k)
        {
            return ParseResult<Target>.Ok(Of(k));
        }

        var numberText = t.EndsWith('%') ? t[..^1].Trim() : t;
        if (double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
        {
            return ParseResult<Target>.Ok(Numeric(n));
        }

        var m = BoundPattern().Match(t);
        if (m.Success && double.TryParse(m.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            var op = m.Groups["op"].Value switch
            {
                "below" or "under" or "less than" or "<" => BoundOperator.Below,
                "at most" or "no more than" or "<=" => BoundOperator.AtMost,
                "above" or "over" or "more than" or "greater than" or ">" => BoundOperator.Above,
                _ => BoundOperator.AtLeast,
            };
            return ParseResult<Target>.Ok(Bound(op, b));
        }

        return ParseResult<Target>.Fail(
            $"'{text}' is not a target; expected a number (70 or 70%), a bound (below 4%, <9%, >84%, at least 90), top quartile, above national average, at or better than statistical neighbours, increase, reduce, gap narrowing, tbc, monitoring only or baseline");
    }
}

/// <summary>A target set for one year of a plan (a step on a trajectory such as 2016/17 … 2019/20).</summary>
public sealed record ScheduledTarget(Period Year, Target Target);

/// <summary>Which target is in force for a period.</summary>
public static class TargetSchedule
{
    /// <summary>
    /// The target a measure's value for <paramref name="period"/> is rated against: its yearly target in force
    /// (<see cref="InForce(IReadOnlyList{ScheduledTarget}, Period)"/>), or its standing target, which has no year.
    /// </summary>
    public static Target? TargetFor(Measure measure, Period period) =>
        InForce(measure.Targets, period)?.Target ?? measure.StandingTarget;

    /// <summary>
    /// The target in force for <paramref name="period"/>: the one whose year contains the period's last day; failing that,
    /// the earliest later one (the destination being worked towards); failing that, the latest earlier one (a target
    /// stands until replaced). Null when the measure has no targets. See docs/methods.md.
    /// </summary>
    public static ScheduledTarget? InForce(IReadOnlyList<ScheduledTarget> targets, Period period)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        var containing = targets.Where(t => t.Year.Contains(period.End)).OrderBy(t => t.Year.End).FirstOrDefault();
        if (containing is not null)
        {
            return containing;
        }

        var later = targets.Where(t => t.Year.Start > period.End).OrderBy(t => t.Year.End).FirstOrDefault();
        return later ?? targets.OrderByDescending(t => t.Year.End).First();
    }
}
