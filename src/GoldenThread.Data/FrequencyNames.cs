using GoldenThread.Core;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Data;

/// <summary>How files name a measure's <see cref="Frequency"/>, and which year basis its split years are read on.</summary>
public static class FrequencyNames
{
    public const string Expected =
        "quarterly, monthly, financial-year, academic-year, calendar-year, rolling-12-months or snapshot";

    public static ParseResult<Frequency> Parse(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        Frequency? f = t switch
        {
            "quarterly" => Frequency.Quarterly,
            "monthly" => Frequency.Monthly,
            "financial-year" => Frequency.FinancialYear,
            "academic-year" => Frequency.AcademicYear,
            "calendar-year" => Frequency.CalendarYear,
            "rolling-12-months" => Frequency.RollingTwelveMonths,
            "snapshot" => Frequency.Snapshot,
            _ => null,
        };
        return f is { } v
            ? ParseResult<Frequency>.Ok(v)
            : ParseResult<Frequency>.Fail($"'{text}' is not a frequency; expected {Expected}");
    }

    public static string ToName(Frequency frequency) => frequency switch
    {
        Frequency.Quarterly => "quarterly",
        Frequency.Monthly => "monthly",
        Frequency.FinancialYear => "financial-year",
        Frequency.AcademicYear => "academic-year",
        Frequency.CalendarYear => "calendar-year",
        Frequency.RollingTwelveMonths => "rolling-12-months",
        _ => "snapshot",
    };

    /// <summary>
    /// The basis on which a measure's split years (<c>2016/17</c>) and bare years (<c>2017</c>) are read: academic for an
    /// academic-year measure, financial for financial-year and quarterly ones, calendar for calendar-year ones; null
    /// (the parser's own default) for monthly, rolling and snapshot measures.
    /// </summary>
    public static YearBasis? YearBasisFor(Frequency frequency) => frequency switch
    {
        Frequency.AcademicYear => YearBasis.Academic,
        Frequency.FinancialYear or Frequency.Quarterly => YearBasis.Financial,
        Frequency.CalendarYear => YearBasis.Calendar,
        _ => null,
    };
}
