using System.Globalization;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Reporting.CommitteeReport;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>
/// The pack's sentence about one notable measure, in the order a council officer writes it: the movement, then where
/// the figure stands nationally and against statistical neighbours, then the rating against the target.
/// </summary>
/// <remarks>
/// Movement and judgement are kept apart: the verb says which way the figure went ("rose", "fell"), from the figures
/// as written at the measure's decimal places; the word in brackets says whether that is good, from the direction of
/// travel judgement ("rose (worsened) to 1.2% in 2015/16 Q3 from 0.7% in 2015/16 Q2" for a measure where lower is
/// better). Comparisons likewise: the side ("above") from the figures, the judgement ("which is worse") from the
/// comparison. Pure: the same row always gives the same words.
/// </remarks>
public static class PackSentences
{
    /// <summary>Counts below this are "small numbers" and the sentence says so, as the Q3 2015/16 report does.</summary>
    public const int SmallNumbersBelowCount = 10;

    public static string Describe(DashboardRow row, int? previousQuartile, string councilName, int suppressionThresholdCount = 5)
    {
        ArgumentNullException.ThrowIfNull(row);
        var m = row.Measure;
        var subject = MeasureSentences.Subject(m.Title);
        var sentences = new List<string>();

        if (row.Suppressed)
        {
            var when = row.Period is { } p ? $"the {p.Label} figure" : "the latest figure";
            var people = m.Counts == Counted.Families ? "families" : "children";
            sentences.Add($"{subject}: {when} is withheld because it rests on fewer than {MeasureSentences.NumberWords(suppressionThresholdCount + 1)} {people}.");
            if (WithheldMovement(row.Direction.Outcome) is { } moved)
            {
                sentences.Add($"It {moved} since the previous figure.");
            }
        }
        else
        {
            sentences.Add(Movement(row, subject));
            if (row.Numerator is { } n && n < SmallNumbersBelowCount && m.Unit.Kind != UnitKind.Count)
            {
                sentences.Add("This does involve small numbers.");
            }
        }

        if (Quartile(row, previousQuartile, councilName) is { } quartile)
        {
            sentences.Add(quartile);
        }

        if (Neighbours(row) is { } neighbours)
        {
            sentences.Add(neighbours);
        }

        if (MeasureSentences.RatingSentence(row) is { } rating)
        {
            sentences.Add(rating);
        }

        return string.Join(" ", sentences);
    }

    /// <summary>"… rose (worsened) to 1.2% in 2015/16 Q3 from 0.7% in 2015/16 Q2." or "… was 63.7% in 2015."</summary>
    internal static string Movement(DashboardRow row, string subject)
    {
        var m = row.Measure;
        var now = Figure(row);
        var when = row.Period is { } p ? " in " + p.Label : "";
        var judgement = row.Direction.Outcome switch
        {
            Direction.Improved => "improved",
            Direction.Declined => "worsened",
            Direction.NoSignificantChange => "not a significant change",
            _ => null,
        };

        if (row.PreviousValue is { } pv && row.Value is { } v)
        {
            var before = DashboardFormatting.Figure(m, pv) + (row.PreviousPeriod is { } pp ? " in " + pp.Label : "");
            var shownNow = m.FormatValue(v);
            var shownBefore = m.FormatValue(pv);
            var bracket = judgement is null ? "" : $" ({judgement})";
            if (shownNow == shownBefore)
            {
                var from = row.PreviousPeriod is { } samePeriod ? samePeriod.Label : "the previous figure";
                return $"{subject} was {now}{when}, unchanged from {from}{bracket}.";
            }

            var verb = v > pv ? "rose" : "fell";
            return $"{subject} {verb}{bracket} to {now}{when} from {before}.";
        }

        // No previous figure to quote: a supplied judgement still says which way it went, in words.
        var against = row.Direction.Outcome switch
        {
            Direction.Improved => ", better than the previous figure",
            Direction.Declined => ", worse than the previous figure",
            Direction.NoSignificantChange => ", similar to the previous figure",
            Direction.Higher => ", higher than the previous figure",
            Direction.Lower => ", lower than the previous figure",
            _ => "",
        };
        return $"{subject} was {now}{when}{against}.";
    }

    private static string Figure(DashboardRow row)
    {
        var figure = DashboardFormatting.Figure(row.Measure, row.Value);
        return row.Numerator is { } n && row.Denominator is { } d && row.Measure.Unit.Kind != UnitKind.Count
            ? $"{figure} ({Count(n)} of {Count(d)})"
            : figure;
    }

    private static string Count(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string? WithheldMovement(Direction d) => d switch
    {
        Direction.Improved => "has improved",
        Direction.Declined => "has worsened",
        Direction.NoSignificantChange => "shows no significant change",
        Direction.Higher => "has gone up",
        Direction.Lower => "has gone down",
        _ => null,
    };

    /// <summary>"This places Leicestershire in the second quartile of local authorities, up from the third at 2015/16 Q2."</summary>
    internal static string? Quartile(DashboardRow row, int? previousQuartile, string councilName)
    {
        if (row.Quartile is not { } q)
        {
            return null;
        }

        var change = previousQuartile is { } pq && pq != q
            ? $", {(q < pq ? "up" : "down")} from the {Ordinal(pq)} at the previous report"
            : "";
        return $"This places {councilName} in the {Ordinal(q)} quartile of local authorities{change}.";
    }

    private static string Ordinal(int quartile) => quartile switch
    {
        1 => "top",
        2 => "second",
        3 => "third",
        _ => "fourth",
    };

    /// <summary>"It is above the statistical-neighbour average of 16.8%, which is worse."</summary>
    internal static string? Neighbours(DashboardRow row)
    {
        if (row.StatisticalNeighbourAverage is not { } sn || !double.IsFinite(sn.Value))
        {
            return null;
        }

        var average = $"the statistical-neighbour average of {DashboardFormatting.Figure(row.Measure, sn.Value)}";
        var outcome = row.StatisticalNeighbourComparison.Outcome;
        if (outcome == Comparison.Similar)
        {
            return $"It is similar to {average}.";
        }

        if (outcome == Comparison.NotAvailable)
        {
            return null;
        }

        string side;
        if (row.Value is { } v)
        {
            var shownV = row.Measure.FormatValue(v);
            var shownSn = row.Measure.FormatValue(sn.Value);
            side = shownV == shownSn ? "level with" : v > sn.Value ? "above" : "below";
        }
        else
        {
            // A withheld figure: the side would give it away within a range, so only the judgement is said.
            return outcome switch
            {
                Comparison.Better => $"It is better than {average}.",
                Comparison.Worse => $"It is worse than {average}.",
                _ => null,
            };
        }

        var judgement = outcome switch
        {
            Comparison.Better => ", which is better",
            Comparison.Worse => ", which is worse",
            _ => "",
        };
        return $"It is {side} {average}{judgement}.";
    }
}
