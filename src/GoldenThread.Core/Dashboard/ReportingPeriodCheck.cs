using System.Globalization;
using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Dashboard;

/// <summary>Whether a reporting period asked for has any data to report, and if not, which periods have.</summary>
/// <remarks>
/// Rule (docs/methods.md#reporting-period): a reporting period that begins after the latest figure's period has ended is
/// beyond the data; one that ends before the earliest figure's period has ended is before any data. Either would give a
/// dashboard of nothing but stale or missing figures, so it is refused, naming the periods that have data. A period
/// between them is reported as usual, each measure at its latest figure by then.
/// </remarks>
public static class ReportingPeriodCheck
{
    /// <summary>How many period labels a message lists before it shortens the list to its first and last ones.</summary>
    private const int ListedInFull = 16;

    /// <summary>Null when <paramref name="asked"/> can be reported; otherwise why not, naming the periods with data.</summary>
    /// <param name="asked">The reporting period asked for.</param>
    /// <param name="withData">The periods of every figure the dashboard could use (any order, repeats allowed); none: no check.</param>
    public static string? Problem(Period asked, IEnumerable<Period> withData)
    {
        var periods = withData.Distinct().OrderBy(p => p, Period.ByEnd).ToList();
        if (periods.Count == 0)
        {
            return null;
        }

        // Of figures ending on the same day, the longest names the edge of the data (2015/16 Q3 rather than Dec-15).
        var earliest = periods.OrderBy(p => p.End).ThenBy(p => p.Start).First();
        var latest = periods.OrderByDescending(p => p.End).ThenBy(p => p.Start).First();
        var span = $"{asked.Label} ({Day(asked.Start)} to {Day(asked.End)})";
        string? problem = null;
        if (asked.Start > latest.End)
        {
            problem = $"{span} begins after the latest data ({latest.Label}, which ends on {Day(latest.End)})";
        }
        else if (asked.End < earliest.End)
        {
            problem = $"{span} ends before any data is complete (the earliest, {earliest.Label}, ends on {Day(earliest.End)})";
        }

        return problem is null
            ? null
            : $"{problem}, so there is nothing to report for it. Periods with data: {List(periods)}. " +
              "Ask for one of these or a period that includes one, or for none to report the latest.";
    }

    /// <summary>The labels in order of their last day, each once; a long list keeps its first three and last twelve.</summary>
    private static string List(IReadOnlyList<Period> periods)
    {
        var labels = periods.Select(p => p.WithQualifier(null).Label).Distinct().ToList();
        return labels.Count <= ListedInFull
            ? string.Join(", ", labels)
            : $"{string.Join(", ", labels.Take(3))}, … ({labels.Count - 15} more) …, {string.Join(", ", labels.TakeLast(12))}";
    }

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
