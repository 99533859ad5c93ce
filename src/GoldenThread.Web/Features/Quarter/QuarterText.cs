using System.Globalization;
using GoldenThread.Core.Cycle;

namespace GoldenThread.Web.Features.Quarter;

/// <summary>Dates, times and states as the quarter's pages write them (times in UTC, as the audit trail records them).</summary>
public static class QuarterText
{
    // The application runs in invariant globalization mode, whose month names are English.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm 'on' d MMMM yyyy", English);

    /// <summary>A GOV.UK tag colour per state: the state is always in words too.</summary>
    public static string Colour(FigureState state) => state switch
    {
        FigureState.Awaiting => "grey",
        FigureState.Entered => "blue",
        FigureState.Submitted => "purple",
        FigureState.Returned => "orange",
        FigureState.Approved => "green",
        _ => "yellow",
    };

    public static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
