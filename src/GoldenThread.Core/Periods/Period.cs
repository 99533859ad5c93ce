using System.Globalization;
using System.Text.RegularExpressions;

namespace GoldenThread.Core.Periods;

/// <summary>What kind of span a <see cref="Period"/> is.</summary>
public enum PeriodKind
{
    /// <summary>A quarter of the financial year (April start): Q1 is April to June.</summary>
    FinancialQuarter,
    /// <summary>1 April to 31 March.</summary>
    FinancialYear,
    /// <summary>1 September to 31 August.</summary>
    AcademicYear,
    /// <summary>1 January to 31 December.</summary>
    CalendarYear,
    /// <summary>A calendar month.</summary>
    Month,
    /// <summary>A single day: a count taken "as at" a date.</summary>
    Snapshot,
    /// <summary>Several consecutive years pooled (LAIT's <c>2014-16</c>, <c>2013/14-15/16</c>).</summary>
    MultiYear,
}

/// <summary>Which year a year-based period or a multi-year range counts in.</summary>
public enum YearBasis
{
    Calendar,
    Financial,
    Academic,
}

/// <summary>
/// A reporting period: a financial quarter, a financial, academic or calendar year, a month, a snapshot date or a
/// multi-year range, with the revision label LAIT sometimes adds (<c>(Rev)</c>, <c>(Final)</c>, <c>(OT)</c>, <c>(prov)</c>).
/// </summary>
/// <remarks>
/// Invariants: <see cref="Start"/> &lt;= <see cref="End"/> (both inclusive days); the span matches the kind
/// (a financial quarter is exactly three months starting April, July, October or January, and so on).
/// Equality is on kind, basis and span; the <see cref="Qualifier"/> is a revision label of the same period and takes no
/// part in it. There is deliberately no natural ordering: a financial quarter and an academic year cannot be ordered
/// without saying how, so callers choose <see cref="ByEnd"/> explicitly.
/// </remarks>
public readonly struct Period : IEquatable<Period>
{
    private Period(PeriodKind kind, YearBasis basis, DateOnly start, DateOnly end, string? qualifier)
    {
        Kind = kind;
        Basis = basis;
        Start = start;
        End = end;
        Qualifier = qualifier;
    }

    public PeriodKind Kind { get; }

    /// <summary>The year basis: calendar for quarters' parent years is financial; for multi-year ranges, the years pooled.</summary>
    public YearBasis Basis { get; }

    /// <summary>First day in the period.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day in the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>A revision label such as <c>Rev</c>, <c>Final</c>, <c>OT</c> or <c>prov</c>; null when there is none.</summary>
    public string? Qualifier { get; }

    /// <summary>Orders periods by their last day, then by their first day (longer spans first).</summary>
    public static IComparer<Period> ByEnd { get; } = Comparer<Period>.Create((a, b) =>
    {
        var c = a.End.CompareTo(b.End);
        return c != 0 ? c : a.Start.CompareTo(b.Start);
    });

    // ---- factories ----------------------------------------------------------------------------------------------

    /// <summary>The financial year that starts in April of <paramref name="startYear"/> (2015 gives 2015/16).</summary>
    public static Period FinancialYear(int startYear) =>
        new(PeriodKind.FinancialYear, YearBasis.Financial, new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31), null);

    /// <summary>The academic year that starts in September of <paramref name="startYear"/> (2014 gives 2014/15).</summary>
    public static Period AcademicYear(int startYear) =>
        new(PeriodKind.AcademicYear, YearBasis.Academic, new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31), null);

    public static Period CalendarYear(int year) =>
        new(PeriodKind.CalendarYear, YearBasis.Calendar, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null);

    /// <summary>Quarter 1–4 of the financial year starting in April of <paramref name="financialStartYear"/>.</summary>
    public static Period FinancialQuarter(int financialStartYear, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A financial quarter is 1 to 4.");
        }

        var start = new DateOnly(financialStartYear, 4, 1).AddMonths(3 * (quarter - 1));
        return new(PeriodKind.FinancialQuarter, YearBasis.Financial, start, start.AddMonths(3).AddDays(-1), null);
    }

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, YearBasis.Calendar, start, start.AddMonths(1).AddDays(-1), null);
    }

    public static Period Snapshot(DateOnly date) => new(PeriodKind.Snapshot, YearBasis.Calendar, date, date, null);

    /// <summary>Consecutive years <paramref name="firstStartYear"/> to <paramref name="lastStartYear"/> pooled, on the given basis.</summary>
    public static Period MultiYear(YearBasis basis, int firstStartYear, int lastStartYear)
    {
        if (lastStartYear <= firstStartYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastStartYear), "A multi-year range spans at least two years.");
        }

        var first = YearOf(basis, firstStartYear);
        var last = YearOf(basis, lastStartYear);
        return new(PeriodKind.MultiYear, basis, first.Start, last.End, null);
    }

    /// <summary>The single year on a basis: financial and academic years are named by the calendar year they start in.</summary>
    public static Period YearOf(YearBasis basis, int startYear) => basis switch
    {
        YearBasis.Financial => FinancialYear(startYear),
        YearBasis.Academic => AcademicYear(startYear),
        _ => CalendarYear(startYear),
    };

    public Period WithQualifier(string? qualifier) =>
        new(Kind, Basis, Start, End, string.IsNullOrWhiteSpace(qualifier) ? null : qualifier.Trim());

    // ---- questions ----------------------------------------------------------------------------------------------

    /// <summary>The number of whole years a year-based or multi-year period spans; 0 for shorter periods.</summary>
    public int YearCount => Kind switch
    {
        PeriodKind.FinancialYear or PeriodKind.AcademicYear or PeriodKind.CalendarYear => 1,
        PeriodKind.MultiYear => End.Year - Start.Year + (Basis == YearBasis.Calendar ? 1 : 0),
        _ => 0,
    };

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>
    /// Whether two periods are like for like, so that one can be the previous data point of the other:
    /// same kind, same basis and the same length (a 3-year range is not compared with a 2-year range).
    /// </summary>
    public bool IsComparableWith(Period other) =>
        Kind == other.Kind && Basis == other.Basis && YearCount == other.YearCount;

    /// <summary>
    /// The period of the same kind immediately before this one (the previous quarter, year, month; a multi-year
    /// range rolled back one year). Null for a snapshot, whose previous comparable point depends on the data.
    /// </summary>
    public Period? Previous() => Kind switch
    {
        PeriodKind.FinancialQuarter => FromQuarterStart(Start.AddMonths(-3)),
        PeriodKind.Month => Month(Start.AddMonths(-1).Year, Start.AddMonths(-1).Month),
        PeriodKind.FinancialYear or PeriodKind.AcademicYear or PeriodKind.CalendarYear => YearOf(Basis, Start.Year - 1),
        PeriodKind.MultiYear => MultiYear(Basis, Start.Year - 1, Start.Year - 1 + YearCount - 1),
        _ => null,
    };

    private static Period FromQuarterStart(DateOnly start)
    {
        var fy = start.Month >= 4 ? start.Year : start.Year - 1;
        var q = ((start.Month + 12 - 4) % 12 / 3) + 1;
        return FinancialQuarter(fy, q);
    }

    /// <summary>The financial quarter containing <paramref name="day"/>.</summary>
    public static Period FinancialQuarterContaining(DateOnly day) => FromQuarterStart(new DateOnly(day.Year, day.Month, 1));

    /// <summary>The financial year of the period's last day (for a quarter, the year it belongs to).</summary>
    public int FinancialStartYear => End.Month >= 4 ? End.Year : End.Year - 1;

    // ---- labels -------------------------------------------------------------------------------------------------

    /// <summary>The period as people write it: <c>2015/16 Q3</c>, <c>2015/16</c>, <c>2015</c>, <c>Dec-15</c>, <c>30 Nov 2015</c>, <c>2014-16</c>, with any revision label in brackets.</summary>
    public string Label
    {
        get
        {
            var core = Kind switch
            {
                PeriodKind.FinancialQuarter => $"{SplitYear(FinancialStartYear)} Q{QuarterNumber}",
                PeriodKind.FinancialYear or PeriodKind.AcademicYear => SplitYear(Start.Year),
                PeriodKind.CalendarYear => Start.Year.ToString(CultureInfo.InvariantCulture),
                PeriodKind.Month => Start.ToString("MMM-yy", CultureInfo.InvariantCulture),
                PeriodKind.Snapshot => Start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
                PeriodKind.MultiYear => Basis == YearBasis.Calendar
                    ? $"{Start.Year}-{End.Year % 100:00}"
                    : $"{SplitYear(Start.Year)}-{SplitYear(End.Year - 1).Substring(2)}",
                _ => "?",
            };
            return Qualifier is null ? core : $"{core} ({Qualifier})";
        }
    }

    /// <summary>1–4 for a financial quarter.</summary>
    public int QuarterNumber => Kind == PeriodKind.FinancialQuarter ? ((Start.Month + 12 - 4) % 12 / 3) + 1 : 0;

    /// <summary>A short label for a dashboard column: <c>Q3</c> for a quarter, otherwise <see cref="Label"/>.</summary>
    public string ShortLabel => Kind == PeriodKind.FinancialQuarter ? $"Q{QuarterNumber}" : Label;

    private static string SplitYear(int startYear) =>
        $"{startYear}/{(startYear + 1) % 100:00}";

    public override string ToString() => Label;

    // ---- equality -----------------------------------------------------------------------------------------------

    public bool Equals(Period other) => Kind == other.Kind && Basis == other.Basis && Start == other.Start && End == other.End;

    public override bool Equals(object? obj) => obj is Period p && Equals(p);

    public override int GetHashCode() => HashCode.Combine(Kind, Basis, Start, End);

    public static bool operator ==(Period left, Period right) => left.Equals(right);

    public static bool operator !=(Period left, Period right) => !left.Equals(right);

    // ---- parsing ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Parses a period as people and DfE write it. <paramref name="yearBasis"/> says how to read a split year such as
    /// <c>2016/17</c> or <c>2016-17</c> (financial unless told it is academic); single years such as <c>2015</c> are
    /// calendar years unless the basis says otherwise, in which case they name the year ending then (LAIT writes
    /// academic year 2014/15 results as <c>2015</c> for some measures; see docs/formats.md).
    /// </summary>
    public static ParseResult<Period> Parse(string? text, YearBasis? yearBasis = null) =>
        PeriodParser.Parse(text, yearBasis);

    /// <summary>The first year a parsed period may start in (docs/formats.md, "Limits").</summary>
    public const int EarliestYear = 1900;

    /// <summary>The last year a parsed period may end in.</summary>
    public const int LatestYear = 2100;

    /// <summary>
    /// Whether the period lies within <see cref="EarliestYear"/> to <see cref="LatestYear"/>. Every period read from a
    /// file, a command line or an address is in this range, so code working out earlier or later periods (the
    /// previous quarter, a year's trend) never runs off the calendar.
    /// </summary>
    public bool IsSupported => Start.Year >= EarliestYear && End.Year <= LatestYear;
}

internal static partial class PeriodParser
{
    private static readonly string Expected =
        "expected a period such as 2015/16 Q3, Q3 2015/16, 2015/16, 2015, 2014-16, 2013/14-15/16, Dec-15, 2015-12, 31/12/2015 or 2015-12-31, optionally followed by (Rev), (Final), (OT) or (prov)";

    [GeneratedRegex(@"^(?<core>.*?)\s*\((?<q>[^)]+)\)\s*$")]
    private static partial Regex QualifierPattern();

    [GeneratedRegex(@"^(?<y1>\d{4})\s*[/-]\s*(?<y2>\d{2}|\d{4})$")]
    private static partial Regex SplitYearPattern();

    [GeneratedRegex(@"^(?:year\s+end(?:ing)?\s+|fy\s*|ay\s*)?(?<y1>\d{4})\s*[/-]\s*(?<y2>\d{2}|\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixedSplitYearPattern();

    [GeneratedRegex(@"^(?<y1>\d{4})/(?<y1b>\d{2})\s*-\s*(?<y2>\d{2}|\d{4})/(?<y2b>\d{2})$")]
    private static partial Regex MultiSplitYearPattern();

    [GeneratedRegex(@"^(?:(?:fy\s*)?(?<y1>\d{4})\s*[/-]\s*(?<y2>\d{2}|\d{4})\s+q(?<q>[1-4])|q(?<q2>[1-4])\s+(?:fy\s*)?(?<y3>\d{4})\s*[/-]\s*(?<y4>\d{2}|\d{4}))$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?<m>[a-z]{3,9})[\s-]+(?<y>\d{2}|\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNamePattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})$")]
    private static partial Regex IsoMonthPattern();

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMM yyyy", "d MMMM yyyy", "dd MMM yyyy", "dd-MMM-yyyy", "d-MMM-yyyy",
    ];

    public static ParseResult<Period> Parse(string? text, YearBasis? yearBasis)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Period>.Fail($"an empty period; {Expected}");
        }

        var raw = text.Trim();
        if (raw.Length > LongestText)
        {
            return ParseResult<Period>.Fail($"'{Shown(raw)}' is {raw.Length.ToString(CultureInfo.InvariantCulture)} characters long, too long to be a period; expected at most {LongestText} characters, {Expected}");
        }

        string? qualifier = null;
        var core = raw;
        var qm = QualifierPattern().Match(raw);
        if (qm.Success)
        {
            core = qm.Groups["core"].Value.Trim();
            qualifier = qm.Groups["q"].Value.Trim();
        }

        var years = new YearsSeen();
        var result = ParseCore(core, yearBasis, years);
        if (years.OutOfRange || result is { IsSupported: false })
        {
            return ParseResult<Period>.Fail($"'{Shown(raw)}' is outside the periods GoldenThread reads; expected a period from {Period.EarliestYear} to {Period.LatestYear}");
        }

        return result is { } p
            ? ParseResult<Period>.Ok(p.WithQualifier(qualifier))
            : ParseResult<Period>.Fail($"'{Shown(raw)}' is not a period; {Expected}");
    }

    /// <summary>The longest text read as a period: the longest form, a date with a revision label, is under 30.</summary>
    public const int LongestText = 64;

    // A period is a few characters; a message quoting a megabyte of text would bury the file and row it names.
    private const int ShownLength = 40;

    private static string Shown(string raw) => raw.Length <= ShownLength ? raw : raw[..ShownLength] + "…";

    /// <summary>
    /// Notes a year outside the supported range as soon as it is read, before any date is made from it, so that no
    /// text (<c>9999/00</c>, <c>0000-01</c>) can reach a date beyond the calendar's ends.
    /// </summary>
    private sealed class YearsSeen
    {
        public bool OutOfRange { get; private set; }

        public bool Supported(params ReadOnlySpan<int> years)
        {
            foreach (var y in years)
            {
                if (y is < Period.EarliestYear or > Period.LatestYear)
                {
                    OutOfRange = true;
                    return false;
                }
            }

            return true;
        }
    }

    private static Period? ParseCore(string s, YearBasis? basis, YearsSeen years)
    {
        // A single year.
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            if (!years.Supported(year))
            {
                return null;
            }

            return basis switch
            {
                YearBasis.Academic => Period.AcademicYear(year - 1),
                YearBasis.Financial => Period.FinancialYear(year - 1),
                _ => Period.CalendarYear(year),
            };
        }

        var q = QuarterPattern().Match(s);
        if (q.Success)
        {
            var y1 = q.Groups["y1"].Success ? q.Groups["y1"].Value : q.Groups["y3"].Value;
            var y2 = q.Groups["y2"].Success ? q.Groups["y2"].Value : q.Groups["y4"].Value;
            var qn = q.Groups["q"].Success ? q.Groups["q"].Value : q.Groups["q2"].Value;
            return SecondYearFollows(y1, y2, out var start) && years.Supported(start, start + 1)
                ? Period.FinancialQuarter(start, int.Parse(qn, CultureInfo.InvariantCulture))
                : null;
        }

        var multi = MultiSplitYearPattern().Match(s);
        if (multi.Success)
        {
            var a = int.Parse(multi.Groups["y1"].Value, CultureInfo.InvariantCulture);
            if (!SecondYearFollows(multi.Groups["y1"].Value, multi.Groups["y1b"].Value, out _))
            {
                return null;
            }

            var b = ExpandYear(a, multi.Groups["y2"].Value);
            if (!years.Supported(a, b, b + 1) || !SecondYearFollows(b.ToString(CultureInfo.InvariantCulture), multi.Groups["y2b"].Value, out _) || b <= a)
            {
                return null;
            }

            return Period.MultiYear(basis == YearBasis.Academic ? YearBasis.Academic : YearBasis.Financial, a, b);
        }

        var split = PrefixedSplitYearPattern().Match(s);
        if (split.Success)
        {
            var a = int.Parse(split.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var b = ExpandYear(a, split.Groups["y2"].Value);
            if (b == a + 1)
            {
                if (!years.Supported(a, b))
                {
                    return null;
                }

                return basis == YearBasis.Academic ? Period.AcademicYear(a) : Period.FinancialYear(a);
            }

            // "2014-16": calendar years pooled (the "/" form is never a range of calendar years).
            if (b > a + 1 && b - a <= 10 && !s.Contains('/'))
            {
                if (!years.Supported(a, b))
                {
                    return null;
                }

                return Period.MultiYear(YearBasis.Calendar, a, b);
            }

            // Otherwise it may be an ISO month such as 2016-02: fall through.
        }

        var iso = IsoMonthPattern().Match(s);
        if (iso.Success)
        {
            var m = int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 && years.Supported(y) ? Period.Month(y, m) : null;
        }

        var mn = MonthNamePattern().Match(s);
        if (mn.Success && MonthNumber(mn.Groups["m"].Value) is { } month)
        {
            var y = int.Parse(mn.Groups["y"].Value, CultureInfo.InvariantCulture);
            y = y < 100 ? 2000 + y : y;
            return years.Supported(y) ? Period.Month(y, month) : null;
        }

        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return years.Supported(date.Year) ? Period.Snapshot(date) : null;
        }

        return null;
    }

    private static int ExpandYear(int first, string second) =>
        second.Length == 4
            ? int.Parse(second, CultureInfo.InvariantCulture)
            : (first / 100 * 100) + int.Parse(second, CultureInfo.InvariantCulture) + ((first % 100) > int.Parse(second, CultureInfo.InvariantCulture) ? 100 : 0);

    private static bool SecondYearFollows(string y1, string y2, out int start)
    {
        start = int.Parse(y1, CultureInfo.InvariantCulture);
        return ExpandYear(start, y2) == start + 1;
    }

    private static int? MonthNumber(string name)
    {
        for (var i = 1; i <= 12; i++)
        {
            var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(i);
            if (name.Length >= 3 && full.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return name.Equals("sept", StringComparison.OrdinalIgnoreCase) ? 9 : null;
    }
}
