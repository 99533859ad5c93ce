using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Judgements;

/// <summary>Whether a measure's latest figure is current for a reporting period, or only the latest available.</summary>
/// <remarks>
/// Rule (docs/methods.md#figures-years-older-than-the-report): a figure is <b>out of date</b> when more than two whole
/// years lie between the end of its period and the start of the reporting period: its last day plus two years falls
/// before the reporting period's first day. Some annual statistics are published well over a year after their year ends
/// (Leicestershire's Q3 2015/16 dashboard gives 2013 as the latest period of under-18 conceptions), so a figure a year and
/// a half old is often the latest there is and current for its measure; one more than two years older is not. In a report for 2015/16 Q3
/// (from 1 October 2015) calendar 2013 is current and 2012 is out of date; in an annual report for 2024/25 (from 1 April
/// 2024) 2022/23 is current and 2021/22 out of date. An out-of-date figure is still shown, as the latest available,
/// labelled with its period; it is not rated against this year's target.
/// </remarks>
public static class LatestAvailable
{
    public static bool IsOutOfDate(Period figure, Period reporting) => figure.End.AddYears(2) < reporting.Start;
}
