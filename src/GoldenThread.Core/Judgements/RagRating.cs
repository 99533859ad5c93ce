using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>What a RAG rating may need besides the value: the comparators a relative target refers to.</summary>
public sealed record RagContext
{
    public required double Value { get; init; }

    public required Polarity Polarity { get; init; }

    /// <summary>The Amber band around a target or comparator.</summary>
    public required Tolerance Tolerance { get; init; }

    /// <summary>What counts as a real movement for increase, reduce and gap-narrowing targets; the Amber band when null.</summary>
    public Tolerance? SimilarWithin { get; init; }

    public required Func<double, string> Format { get; init; }

    /// <summary>How a difference is written ("0.7 percentage points"); a plain number when null.</summary>
    public Func<double, string>? Difference { get; init; }

    /// <summary>1–4, 1 the best.</summary>
    public int? Quartile { get; init; }

    public double? England { get; init; }

    public double? StatisticalNeighbourAverage { get; init; }

    /// <summary>The previous comparable value (for increase, reduce and gap narrowing).</summary>
    public double? Previous { get; init; }

    /// <summary>
    /// Whether the value is a gap (a gap measure's group minus comparison). False for a group's own value whose plan
    /// targets "gap narrowing" without naming the comparison group: that target then gives no rating.
    /// </summary>
    public bool MeasuresAGap { get; init; } = true;
}

/// <summary>Red / Amber / Green against the target in force.</summary>
/// <remarks>
/// Method (docs/methods.md#rag): Green when the target is met; Amber when it is missed by no more than the measure's
/// tolerance (around the target or comparator; the edge counts as Amber); Red beyond that. For top quartile: quartile 1
/// Green, 2 Amber, 3 or 4 Red. For increase, reduce and gap narrowing: moved the right way by more than the measure's
/// similar-within band Green, within it Amber, the wrong way by more Red. No target, TBC, monitoring only, a baseline year, or a missing comparator gives no rating,
/// never a guess.
/// </remarks>
public static class RagRating
{
    /// <summary>
    /// The RAG rating of a dashboard row: the value against <paramref name="target"/>, the target in force for the value's
    /// own period (<see cref="TargetSchedule.InForce"/>), which was set for <paramref name="targetYear"/> (null: a target with
    /// no year, in force for every period). A value out of date for the reporting period
    /// (<see cref="LatestAvailable.IsOutOfDate"/>) is not rated against this year's target: when its target is the one in
    /// force for the reporting period too (<paramref name="reportingTargetYear"/>, or a target with no year), the latest
    /// available figure is shown but not rated, since this year's target says nothing about how a year long past did.
    /// </summary>
    public static Judgement<Rag> Judge(
        Target? target, Period? targetYear, Period? reportingTargetYear, Period valuePeriod, Period reporting, RagContext c)
    {
        if (target is not null && LatestAvailable.IsOutOfDate(valuePeriod, reporting) && (targetYear is null || targetYear == reportingTargetYear))
        {
            var which = targetYear is { } year ? $"the target for {year.Label}" : "the target, which has no year,";
            return None(
                $"Not rated: the latest figure available is for {valuePeriod.Label}, more than two years before the reporting " +
                $"period {reporting.Label}, and {which} is the one in force for {reporting.Label}, not a target for {valuePeriod.Label}.");
        }

        return Judge(target, c);
    }

    public static Judgement<Rag> Judge(Target? target, RagContext c)
    {
        if (target is null)
        {
            return None("No target is set for this period.");
        }

        var f = c.Format;
        switch (target.Kind)
        {
            case TargetKind.ToBeConfirmed:
                return None("The target is to be confirmed.");
            case TargetKind.MonitoringOnly:
                return None("Monitoring only: no target.");
            case TargetKind.Baseline:
                return None("Baseline year: no target yet.");

            case TargetKind.Numeric:
                if (c.Polarity == Polarity.NoJudgement)
                {
                    return None("The measure has no polarity, so it cannot be said which side of the target is good.");
                }

                return AgainstLevel(c.Value, target.Value!.Value, c.Polarity, c.Tolerance, $"the target of {f(target.Value.Value)}", f, c.Difference ?? DirectionOfTravel.Number, orEqualIsMet: true);

            case TargetKind.Bound:
                var v = target.Value!.Value;
                var (pol, inclusive, words) = target.Operator switch
                {
                    BoundOperator.Below => (Polarity.LowerIsBetter, false, "below"),
                    BoundOperator.AtMost => (Polarity.LowerIsBetter, true, "at most"),
                    BoundOperator.Above => (Polarity.HigherIsBetter, false, "above"),
                    _ => (Polarity.HigherIsBetter, true, "at least"),
                };
                return AgainstLevel(c.Value, v, pol, c.Tolerance, $"the target of {words} {f(v)}", f, c.Difference ?? DirectionOfTravel.Number, inclusive);

            case TargetKind.TopQuartile:
                return c.Quartile switch
                {
                    null => None("Top-quartile target, but no national quartile is available for this period."),
                    1 => new(Rag.Green, "In the top quartile nationally (quartile 1), meeting the target.", JudgementMethod.Exact),
                    2 => new(Rag.Amber, "In the second quartile: one band short of the top-quartile target.", JudgementMethod.Exact),
                    var q => new(Rag.Red, $"In quartile {q}: two or more bands short of the top-quartile target.", JudgementMethod.Exact),
                };

            case TargetKind.AboveNationalAverage:
                if (c.England is not { } eng)
                {
                    return None("Target is to be above the national average, but no England value is available.");
                }

                if (c.Polarity == Polarity.NoJudgement)
                {
                    return None("The measure has no polarity, so 'above national average' cannot be judged.");
                }

                return AgainstLevel(c.Value, eng, c.Polarity, c.Tolerance, $"the England average of {f(eng)}", f, c.Difference ?? DirectionOfTravel.Number, orEqualIsMet: false);

            case TargetKind.AtOrBetterThanStatisticalNeighbours:
                if (c.StatisticalNeighbourAverage is not { } sn)
                {
                    return None("Target is to be at or better than statistical neighbours, but no SN average is available.");
                }

                if (c.Polarity == Polarity.NoJudgement)
                {
                    return None("The measure has no polarity, so 'at or better than statistical neighbours' cannot be judged.");
                }

                return AgainstLevel(c.Value, sn, c.Polarity, c.Tolerance, $"the statistical-neighbour average of {f(sn)}", f, c.Difference ?? DirectionOfTravel.Number, orEqualIsMet: true);

            case TargetKind.GapNarrowing when !c.MeasuresAGap:
                return None("Target is to narrow a gap, but this measure is one group's value and the plan names no comparison group to measure the gap against.");

            case TargetKind.Increase:
            case TargetKind.Reduce:
            case TargetKind.GapNarrowing:
                return AgainstPrevious(target.Kind, c);

            default:
                return None("Unknown target kind.");
        }
    }

    private static Judgement<Rag> AgainstPrevious(TargetKind kind, RagContext c)
    {
        if (c.Previous is not { } prev)
        {
            return None($"Target is to {Verb(kind)}, but there is no previous comparable value.");
        }

        // A gap narrows when its size falls, whichever group is ahead.
        var (now, before) = kind == TargetKind.GapNarrowing ? (Math.Abs(c.Value), Math.Abs(prev)) : (c.Value, prev);
        var wantUp = kind == TargetKind.Increase;
        var text = kind == TargetKind.GapNarrowing
            ? $"The gap is {c.Format(now)} against {c.Format(before)} before"
            : $"{c.Format(now)} against {c.Format(before)} before";
        if ((c.SimilarWithin ?? c.Tolerance).IsWithin(now, before))
        {
            return new(Rag.Amber, $"{text}: within the tolerance, so not yet the {Noun(kind)} targeted.", JudgementMethod.Tolerance);
        }

        var up = now > before;
        return up == wantUp
            ? new(Rag.Green, $"{text}: the {Noun(kind)} targeted.", JudgementMethod.Tolerance)
            : new(Rag.Red, $"{text}: moved the opposite way to the target to {Verb(kind)}.", JudgementMethod.Tolerance);
    }

    /// <summary>Met when on the good side of <paramref name="level"/>; Amber within tolerance of it; Red beyond.</summary>
    private static Judgement<Rag> AgainstLevel(
        double value, double level, Polarity polarity, Tolerance tolerance, string levelText, Func<double, string> f, Func<double, string> d, bool orEqualIsMet)
    {
        var better = (value - level) * polarity.Sign();
        var met = orEqualIsMet ? better >= 0 : better > 0;
        if (met)
        {
            return new(Rag.Green, $"{f(value)} meets {levelText}.", JudgementMethod.Exact);
        }

        var width = tolerance.WidthAround(level);
        if (tolerance.IsWithin(value, level))
        {
            return new(Rag.Amber, $"{f(value)} misses {levelText} by {d(Math.Abs(value - level))}, within the tolerance of {d(width)}.", JudgementMethod.Tolerance);
        }

        return new(Rag.Red, $"{f(value)} misses {levelText} by {d(Math.Abs(value - level))}, beyond the tolerance of {d(width)}.", JudgementMethod.Tolerance);
    }

    private static string Verb(TargetKind kind) => kind switch
    {
        TargetKind.Increase => "increase",
        TargetKind.Reduce => "reduce",
        _ => "narrow the gap",
    };

    private static string Noun(TargetKind kind) => kind switch
    {
        TargetKind.Increase => "increase",
        TargetKind.Reduce => "reduction",
        _ => "narrowing",
    };

    private static Judgement<Rag> None(string reason) => new(Rag.None, reason, JudgementMethod.NotApplicable);
}
