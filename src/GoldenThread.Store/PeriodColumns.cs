using GoldenThread.Core.Periods;

namespace GoldenThread.Store;

/// <summary>Writes a <see cref="Period"/> as kind, basis, first and last day, and rebuilds it exactly.</summary>
/// <remarks>
/// Not the label: <c>2019/20</c> is a financial or an academic year depending on the measure, so a label alone would need
/// the plan to read it back. The factories rebuild the period, so a row that was edited by hand into a span the kind
/// cannot have fails loudly rather than giving a period that breaks the invariants.
/// </remarks>
public static class PeriodColumns
{
    public static (string Kind, string Basis, DateOnly Start, DateOnly End, string? Qualifier) ToColumns(Period p) =>
        (p.Kind.ToString(), p.Basis.ToString(), p.Start, p.End, p.Qualifier);

    public static Period FromColumns(string kind, string basis, DateOnly start, DateOnly end, string? qualifier)
    {
        var k = Enum.Parse<PeriodKind>(kind);
        var b = Enum.Parse<YearBasis>(basis);
        var p = k switch
        {
            PeriodKind.FinancialQuarter => Period.FinancialQuarterContaining(start),
            PeriodKind.FinancialYear => Period.FinancialYear(start.Year),
            PeriodKind.AcademicYear => Period.AcademicYear(start.Year),
            PeriodKind.CalendarYear => Period.CalendarYear(start.Year),
            PeriodKind.Month => Period.Month(start.Year, start.Month),
            PeriodKind.Snapshot => Period.Snapshot(start),
            PeriodKind.MultiYear => Period.MultiYear(b, start.Year, end.AddDays(1).AddYears(-1).Year),
            _ => throw new InvalidDataException($"unknown period kind '{kind}'"),
        };
        if (p.Start != start || p.End != end || p.Basis != b)
        {
            throw new InvalidDataException($"stored period {kind} {basis} {start:yyyy-MM-dd}..{end:yyyy-MM-dd} is not a period of that kind");
        }

        return p.WithQualifier(qualifier);
    }
}
