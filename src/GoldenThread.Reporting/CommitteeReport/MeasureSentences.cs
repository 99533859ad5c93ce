using System.Globalization;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;

namespace GoldenThread.Reporting.CommitteeReport;

/// <summary>
/// The plain-English paragraphs of the committee report about single measures, built from a row's figures and the
/// outcomes of its judgements (never from the reason strings, which are for officers and change wording freely).
/// Pure: the same row always gives the same words.
/// </summary>
/// <remarks>
/// A measure is notable when it is rated Red or Green, improved or declined, sits in the first or fourth national
/// quartile, or is better or worse than its statistical neighbours. Its sentence lists what changed and how it compares,
/// joining good and bad news with "but" the way the Q3 2015/16 report does ("an improvement on quarter 2 (53.9%) but
/// still fourth quartile by comparison"), then the rating against the target.
/// </remarks>
public static class MeasureSentences
{
    private enum Tone
    {
        Neutral,
        Good,
        Bad,
    }

    private readonly record struct Clause(string Text, Tone Tone, bool AboutPrevious = false);

    /// <summary>True when the row has a judgement a committee should hear about (see the class remarks).</summary>
    public static bool IsNotable(DashboardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Rag.Outcome is Rag.Red or Rag.Green
            || row.Direction.Outcome is Direction.Improved or Direction.Declined
            || row.Quartile is 1 or 4
            || row.StatisticalNeighbourComparison.Outcome is Comparison.Better or Comparison.Worse;
    }

    /// <summary>True when the measure has no figure to report yet (as opposed to one withheld by disclosure control).</summary>
    public static bool IsAwaitingData(DashboardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Value is null && !row.Suppressed;
    }

    /// <summary>
    /// The paragraph about one notable measure; null when the row is not notable or has no figure yet.
    /// </summary>
    /// <param name="row">The row as published (after disclosure control).</param>
    /// <param name="suppressionThresholdCount">The largest count disclosure control withholds (5 by default), for the wording of a withheld figure.</param>
    public static string? Describe(DashboardRow row, int suppressionThresholdCount = 5)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!IsNotable(row) || IsAwaitingData(row))
        {
            return null;
        }

        var sentences = new List<string>();
        if (row.Suppressed)
        {
            var when = row.Period is { } p ? $"the {p.Label} figure" : "the latest figure";
            var people = row.Measure.Counts == Core.Measures.Counted.Families ? "families" : "children";
            sentences.Add($"{Subject(row.Measure.Title)}: {when} is withheld because it rests on fewer than {NumberWords(suppressionThresholdCount + 1)} {people}.");
            var judgements = Join(JudgementClauses(row));
            if (judgements.Length > 0)
            {
                sentences.Add($"It {judgements}.");
            }
        }
        else
        {
            var opening = $"{Subject(row.Measure.Title)} was {ValueWithCount(row)}{(row.Period is { } p ? " in " + p.Label : "")}";
            var clauses = FigureClauses(row);
            var comparisons = Join(clauses);
            // "…was 60% in 2014/15, which is in the top quartile" reads on where "…, in the top quartile" stumbles;
            // a change on the previous figure ("an improvement on …") needs no such link.
            var link = clauses.Count > 0 && !clauses[0].AboutPrevious ? "which is " : "";
            sentences.Add(comparisons.Length > 0 ? $"{opening}, {link}{comparisons}." : opening + ".");
        }

        if (RatingSentence(row) is { } rating)
        {
            sentences.Add(rating);
        }

        return string.Join(" ", sentences);
    }

    /// <summary>
    /// One paragraph naming the measures with no figure yet, or null when there are none, e.g.
    /// "Two measures are awaiting data and are not reported on: ‘A’ and ‘B’."
    /// </summary>
    public static string? AwaitingData(IReadOnlyList<DashboardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var awaiting = rows.Where(IsAwaitingData).ToList();
        if (awaiting.Count == 0)
        {
            return null;
        }

        var count = Capitalise(NumberWords(awaiting.Count));
        var verb = awaiting.Count == 1 ? "measure is" : "measures are";
        return $"{count} {verb} awaiting data and {(awaiting.Count == 1 ? "is" : "are")} not reported on: " +
               List(awaiting.Select(r => $"\u2018{r.Measure.Title}\u2019").ToList()) + ".";
    }

    /// <summary>Numbers one to ten in words, as in prose; larger ones as digits.</summary>
    public static string NumberWords(int n) => n switch
    {
        0 => "no",
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        8 => "eight",
        9 => "nine",
        10 => "ten",
        _ => n.ToString("#,0", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A measure's title as the subject of a sentence: "% children with …" reads as "The percentage of children with …",
    /// and a title starting in lower case gets a capital.
    /// </summary>
    public static string Subject(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = title.Trim();
        if (t.StartsWith("% of ", StringComparison.Ordinal))
        {
            return "The percentage of " + t[5..];
        }

        if (t.StartsWith("% ", StringComparison.Ordinal))
        {
            return "The percentage of " + t[2..];
        }

        return Capitalise(t);
    }

    private static string ValueWithCount(DashboardRow row)
    {
        var figure = DashboardFormatting.Figure(row.Measure, row.Value);
        return row.Numerator is { } n && row.Denominator is { } d && row.Measure.Unit.Kind != Core.Measures.UnitKind.Count
            ? $"{figure} ({Count(n)} of {Count(d)})"
            : figure;
    }

    private static string Count(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The comparisons after "X was 66.7% in 2015/16 Q3, …", as noun phrases.</summary>
    private static List<Clause> FigureClauses(DashboardRow row)
    {
        var m = row.Measure;
        var clauses = new List<Clause>();
        var previous = row.PreviousValue is { } pv
            ? DashboardFormatting.Figure(m, pv) + (row.PreviousPeriod is { } pp ? " in " + pp.Label : "")
            : null;
        if (previous is not null)
        {
            switch (row.Direction.Outcome)
            {
                case Direction.Improved:
                    clauses.Add(new($"an improvement on {previous}", Tone.Good, AboutPrevious: true));
                    break;
                case Direction.Declined:
                    clauses.Add(new($"a decline from {previous}", Tone.Bad, AboutPrevious: true));
                    break;
                case Direction.NoSignificantChange:
                    clauses.Add(new($"similar to {previous}", Tone.Neutral, AboutPrevious: true));
                    break;
                case Direction.Higher:
                    clauses.Add(new($"up from {previous}", Tone.Neutral, AboutPrevious: true));
                    break;
                case Direction.Lower:
                    clauses.Add(new($"down from {previous}", Tone.Neutral, AboutPrevious: true));
                    break;
            }
        }

        if (QuartileClause(row.Quartile) is { } q)
        {
            clauses.Add(q);
        }

        if (row.StatisticalNeighbourAverage is { } sn && row.Value is { } value)
        {
            var average = $"the statistical neighbour average of {DashboardFormatting.Figure(m, sn.Value)}";
            var side = value > sn.Value ? "above" : "below";
            switch (row.StatisticalNeighbourComparison.Outcome)
            {
                case Comparison.Better:
                    clauses.Add(new($"{side} {average}", Tone.Good));
                    break;
                case Comparison.Worse:
                    clauses.Add(new($"{side} {average}", Tone.Bad));
                    break;
                case Comparison.Similar:
                    clauses.Add(new($"similar to {average}", Tone.Neutral));
                    break;
                case Comparison.Higher or Comparison.Lower:
                    clauses.Add(new($"{side} {average}", Tone.Neutral));
                    break;
            }
        }

        return clauses;
    }

    /// <summary>The judgements of a withheld figure after "It …", as verb phrases that quote no figure of the council's.</summary>
    private static List<Clause> JudgementClauses(DashboardRow row)
    {
        var clauses = new List<Clause>();
        switch (row.Direction.Outcome)
        {
            case Direction.Improved:
                clauses.Add(new("has improved since the previous figure", Tone.Good));
                break;
            case Direction.Declined:
                clauses.Add(new("has declined since the previous figure", Tone.Bad));
                break;
            case Direction.NoSignificantChange:
                clauses.Add(new("shows no significant change since the previous figure", Tone.Neutral));
                break;
            case Direction.Higher:
                clauses.Add(new("has gone up since the previous figure", Tone.Neutral));
                break;
            case Direction.Lower:
                clauses.Add(new("has gone down since the previous figure", Tone.Neutral));
                break;
        }

        if (QuartileClause(row.Quartile) is { } q)
        {
            clauses.Add(q with { Text = "is " + q.Text });
        }

        var average = row.StatisticalNeighbourAverage is { } sn
            ? $"the statistical neighbour average of {DashboardFormatting.Figure(row.Measure, sn.Value)}"
            : "the statistical neighbour average";
        switch (row.StatisticalNeighbourComparison.Outcome)
        {
            case Comparison.Better:
                clauses.Add(new($"is better than {average}", Tone.Good));
                break;
            case Comparison.Worse:
                clauses.Add(new($"is worse than {average}", Tone.Bad));
                break;
            case Comparison.Similar:
                clauses.Add(new($"is similar to {average}", Tone.Neutral));
                break;
            case Comparison.Higher:
                clauses.Add(new($"is above {average}", Tone.Neutral));
                break;
            case Comparison.Lower:
                clauses.Add(new($"is below {average}", Tone.Neutral));
                break;
        }

        return clauses;
    }

    // The second and third quartiles are not notable alone, but they still lean one way, so the sentence reads
    // "an improvement …, but in the third quartile" rather than "an improvement … and in the third quartile".
    private static Clause? QuartileClause(int? quartile) => quartile switch
    {
        1 => new Clause("in the top quartile nationally", Tone.Good),
        2 => new Clause("in the second quartile nationally", Tone.Good),
        3 => new Clause("in the third quartile nationally", Tone.Bad),
        4 => new Clause("in the fourth quartile nationally", Tone.Bad),
        _ => null,
    };

    /// <summary>"It is rated Red against the 2016/17 target of below 9%.", shared by the committee report and the pack.</summary>
    internal static string? RatingSentence(DashboardRow row)
    {
        if (row.Rag.Outcome == Rag.None)
        {
            return null;
        }

        var words = DashboardFormatting.RagWords(row.Rag.Outcome);
        if (row.TargetText is not { Length: > 0 } target)
        {
            return $"It is rated {words}.";
        }

        var year = row.TargetYear is { } y ? y.Label + " " : "";
        return $"It is rated {words} against the {year}target of {Uncapitalise(target)}.";
    }

    /// <summary>
    /// Joins clauses into one phrase: clauses of one leaning with "and", a change of leaning with "but" (then
    /// "although", so a sentence never has two buts). Neutral clauses never change the leaning.
    /// </summary>
    private static string Join(IReadOnlyList<Clause> clauses)
    {
        var groups = new List<List<string>>();
        Tone? leaning = null;
        foreach (var clause in clauses)
        {
            var turns = clause.Tone != Tone.Neutral && leaning is { } l && l != clause.Tone;
            if (groups.Count == 0 || turns)
            {
                groups.Add([]);
            }

            groups[^1].Add(clause.Text);
            if (clause.Tone != Tone.Neutral)
            {
                leaning = clause.Tone;
            }
        }

        var text = "";
        for (var i = 0; i < groups.Count; i++)
        {
            text += i switch
            {
                0 => "",
                1 => ", but ",
                _ => ", although ",
            };
            text += List(groups[i]);
        }

        return text;
    }

    private static string List(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string Capitalise(string s) =>
        s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    // "Top quartile" → "top quartile", but "TBC", "SN average" and "70%" stay as written.
    private static string Uncapitalise(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
