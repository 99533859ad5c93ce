using System.Globalization;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>Direction of travel: the latest value against the previous comparable data point.</summary>
/// <remarks>
/// Method (docs/methods.md#direction-of-travel): with no previous comparable value, "no comparison". When the change is
/// within the measure's <see cref="Tolerance"/> (measured around the previous value; the edge counts as within),
/// "no significant change". Otherwise improved or declined by polarity; for a measure with no polarity, higher or lower.
/// This is the rule the Q3 2015/16 Leicestershire dashboard applies by eye ("Same", "Similar"); where counts exist a
/// statistical test replaces it (see <c>DirectionOfTravel.JudgeBySignificance</c> once the statistics land).
/// </remarks>
public static class DirectionOfTravel
{
    public static Judgement<Direction> Judge(
        double current,
        Period currentPeriod,
        double? previous,
        Period? previousPeriod,
        Polarity polarity,
        Tolerance tolerance,
        Func<double, string> format,
        Func<double, string>? difference = null)
    {
        var d = difference ?? Number;
        if (previous is not { } prev || previousPeriod is not { } prevPeriod)
        {
            return new(Direction.NoComparison, "No previous comparable data point.", JudgementMethod.NotApplicable);
        }

        var change = current - prev;
        var width = tolerance.WidthAround(prev);
        var changeText = $"{format(current)} in {currentPeriod.Label} against {format(prev)} in {prevPeriod.Label}";
        if (tolerance.IsWithin(current, prev))
        {
            return new(
                Direction.NoSignificantChange,
                $"{changeText}: a change of {d(change)}, within the tolerance of ±{d(width)} ({tolerance}).",
                JudgementMethod.Tolerance);
        }

        var word = change > 0 ? "up" : "down";
        var outcome = polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? Direction.Improved : Direction.Declined,
            Polarity.LowerIsBetter => change < 0 ? Direction.Improved : Direction.Declined,
            _ => change > 0 ? Direction.Higher : Direction.Lower,
        };
        var because = polarity == Polarity.NoJudgement
            ? "no polarity, so neither better nor worse"
            : polarity.ToWords();
        return new(
            outcome,
            $"{changeText}: {word} {d(Math.Abs(change))}, beyond the tolerance of ±{d(width)} ({because}).",
            JudgementMethod.Tolerance);
    }

    internal static string Number(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
