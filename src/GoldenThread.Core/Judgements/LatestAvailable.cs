using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>Whether a measure's latest figure is current for a reporting period, or only the latest available.</summary>
/// <remarks>
/// Rule (docs/methods.md#rag): a figure is <b>out of date</b> when a whole year lies between the end of its period and
/// the start of the reporting period: its last day plus one year falls before the reporting period's first day. In a
/// report for 2015/16 Q3 (from 1 October 2015) the 2014/15 financial year (to 31 March 2015) and the 2014 calendar year
/// are current, the way annual figures usually lag a quarterly report; 2013 and the 2013/14 academic year (to 31 August
/// 2014) are out of date. In an annual report for 2024/25 (from 1 April 2024) last year's 2023/24 figure is current and
/// 2022/23's is out of date. An out-of-date figure is still shown, as the latest available, labelled with its period;
/// it is not rated against a target that was not set for its own year.
/// </remarks>
public static class LatestAvailable
{
    public static bool IsOutOfDate(Period figure, Period reporting) => figure.End.AddYears(1) < reporting.Start;
}
