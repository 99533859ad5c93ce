using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>Why a measure is stated in words in the committee pack (any one is enough).</summary>
[Flags]
public enum NotableReasons
{
    None = 0,

    /// <summary>Its direction of travel is a change, not "no significant change": improved, declined, or (no polarity) higher or lower.</summary>
    MovedSignificantly = 1,

    /// <summary>Its national quartile differs from its quartile at the previous report.</summary>
    ChangedQuartile = 2,

    /// <summary>It is rated Red.</summary>
    Red = 4,

    /// <summary>It has data newer than at the previous report (the dashboard's "Updated: Y").</summary>
    NewlyUpdated = 8,
}

/// <summary>
/// Which measures the committee pack states in words: those that moved significantly, changed quartile, are rated Red
/// or were newly updated (docs/methods.md#notable-measures). Pure: a function of the row and the quartile the same
/// measure had at the previous report.
/// </summary>
/// <remarks>
/// A measure awaiting data (no figure, nothing withheld) is never notable: there is nothing to say of it but that it
/// is awaiting data, which the pack says once for the theme. A withheld figure is notable by its judgements, which
/// disclosure control leaves in place.
/// </remarks>
public static class NotableRule
{
    public static NotableReasons Reasons(DashboardRow row, int? previousQuartile)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Value is null && !row.Suppressed)
        {
            return NotableReasons.None;
        }

        var reasons = NotableReasons.None;
        if (row.Direction.Outcome is Direction.Improved or Direction.Declined or Direction.Higher or Direction.Lower)
        {
            reasons |= NotableReasons.MovedSignificantly;
        }

        if (row.Quartile is { } q && previousQuartile is { } pq && q != pq)
        {
            reasons |= NotableReasons.ChangedQuartile;
        }

        if (row.Rag.Outcome == Rag.Red)
        {
            reasons |= NotableReasons.Red;
        }

        if (row.Updated == true)
        {
            reasons |= NotableReasons.NewlyUpdated;
        }

        return reasons;
    }

    public static bool IsNotable(DashboardRow row, int? previousQuartile) => Reasons(row, previousQuartile) != NotableReasons.None;

    /// <summary>The reasons in words, for the pack's table of notable measures: "moved significantly, rated Red".</summary>
    public static string Words(NotableReasons reasons)
    {
        var words = new List<string>();
        if (reasons.HasFlag(NotableReasons.MovedSignificantly))
        {
            words.Add("moved significantly");
        }

        if (reasons.HasFlag(NotableReasons.ChangedQuartile))
        {
            words.Add("changed quartile");
        }

        if (reasons.HasFlag(NotableReasons.Red))
        {
            words.Add("rated Red");
        }

        if (reasons.HasFlag(NotableReasons.NewlyUpdated))
        {
            words.Add("newly updated");
        }

        return string.Join(", ", words);
    }
}
