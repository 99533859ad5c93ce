using System.Globalization;
using GoldenThread.Core.AreaComparisons;

namespace GoldenThread.Data.AreaComparisons;

/// <summary>
/// Reads the data file of an area comparison (docs/area-comparisons.md): one row per indicator, group and area, with
/// the published value and 95% interval ("given"), or the counts from which a Wilson interval is worked out
/// ("computed"). All or nothing: every problem is collected and thrown once as an <see cref="InputException"/>.
/// </summary>
/// <remarks>
/// A figure the source suppressed ("x") is written with a blank value and a note. A row with only one bound is kept
/// (a "partial" interval): the comparison then says it cannot compare, and why.
/// </remarks>
public static class AreaFiguresReader
{
    public const string Indicator = "indicator";
    public const string Group = "group";
    public const string Area = "area";
    public const string Value = "value";
    public const string Lower = "lower";
    public const string Upper = "upper";
    public const string Numerator = "numerator";
    public const string Denominator = "denominator";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> Columns = [Indicator, Group, Area, Value, Lower, Upper, Numerator, Denominator, Note];

    private static readonly string[] Required = [Indicator, Area, Value];

    private const string NumberExpected = "expected a per-cent such as 20.2 (a point for decimals), or blank";

    public static IReadOnlyList<AreaFigure> Read(TextReader reader, string fileName, IReadOnlyList<ComparisonIndicator> indicators, string indicatorsFileName = "the indicators file")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(indicators);
        var errors = new List<InputError>();
        var parsed = NamedColumns.Parse(reader, fileName, Columns, Required, errors);
        if (parsed is not { } p || errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var (columns, table) = p;
        var ids = indicators.Select(i => i.Id).ToList();
        var figures = new List<AreaFigure>();
        var firstLine = new Dictionary<(string, string, string), int>();
        foreach (var row in table.Rows.Where(r => !r.IsBlank))
        {
            var before = errors.Count;
            void Error(string? column, string message) =>
                errors.Add(new InputError(fileName, row.Line, column is null ? null : columns.Written(column), message));

            if (row.Cells.Skip(columns.HeaderCount).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                Error(null, $"has values beyond the {columns.HeaderCount.ToString(CultureInfo.InvariantCulture)} named columns; expected no more fields than the header has");
            }

            var indicator = columns.Text(row, Indicator);
            if (indicator is null)
            {
                Error(Indicator, $"blank; expected an indicator id from {indicatorsFileName}: {string.Join(", ", ids)}");
            }
            else if (!ids.Contains(indicator, StringComparer.Ordinal))
            {
                var hint = Suggestions.Closest(indicator, ids) is { } c ? $"did you mean '{c}'?" : "expected one of " + string.Join(", ", ids);
                Error(Indicator, $"'{indicator}' is not in {indicatorsFileName}; {hint}");
            }

            var group = columns.Text(row, Group) ?? "";
            var area = columns.Text(row, Area);
            if (area is null)
            {
                Error(Area, "blank; expected the area's name, such as Leicestershire");
            }

            var value = Percent(row, Value);
            var lower = Percent(row, Lower);
            var upper = Percent(row, Upper);
            var numerator = Count(row, Numerator);
            var denominator = Count(row, Denominator);
            var note = columns.Text(row, Note);
            var hasValue = columns.Text(row, Value) is not null;
            var hasBound = columns.Text(row, Lower) is not null || columns.Text(row, Upper) is not null;
            var hasNumerator = columns.Text(row, Numerator) is not null;
            var hasDenominator = columns.Text(row, Denominator) is not null;

            if (hasNumerator && !hasDenominator)
            {
                Error(Denominator, "blank while the numerator is given; expected both counts or neither");
            }
            else if (hasDenominator && !hasNumerator)
            {
                Error(Numerator, "blank while the denominator is given; expected both counts or neither");
            }
            else if (numerator is { } r && denominator is { } n && AreaFigure.CountsError(r, n) is { } countsError)
            {
                Error(Numerator, countsError);
            }

            if (!hasValue && hasBound)
            {
                Error(Value, "blank while a confidence bound is given; expected the value with its interval, or value, lower and upper all blank for a figure that is not published");
            }

            if (!hasValue && !hasNumerator && note is null)
            {
                Error(Note, "blank for a figure with no value; expected the reason, such as suppressed in source (X)");
            }

            if (lower is { } lo && upper is { } up && lo > up)
            {
                Error(Lower, $"{Show(lo)} is above the upper bound {Show(up)}; expected lower <= upper");
            }
            else if (value is { } v && (lower is { } l2 && v < l2 || upper is { } u2 && v > u2))
            {
                Error(Value, $"{Show(v)} lies outside its confidence interval ({Bound(lower)} to {Bound(upper)}); expected lower <= value <= upper");
            }

            if (value is { } written && numerator is { } num && denominator is { } den && den > 0 && num >= 0 && num <= den)
            {
                var fromCounts = 100.0 * num / den;
                var text = columns.Text(row, Value)!;
                var decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                if (Math.Abs(written - fromCounts) > 0.5 * Math.Pow(10, -decimals) + 1e-9)
                {
                    Error(Value, $"{text} does not match the counts ({num.ToString(CultureInfo.InvariantCulture)}/{den.ToString(CultureInfo.InvariantCulture)} = {fromCounts.ToString("0.###", CultureInfo.InvariantCulture)}%); expected the per-cent from the counts, rounded as written, or a blank value");
                }
            }

            if (indicator is not null && area is not null)
            {
                var key = (indicator, group, area);
                if (firstLine.TryGetValue(key, out var earlier))
                {
                    Error(null, $"a second row for indicator '{indicator}', group '{group}', area '{area}' (first at line {earlier.ToString(CultureInfo.InvariantCulture)}); expected one row per indicator, group and area");
                }
                else
                {
                    firstLine[key] = row.Line;
                }
            }

            if (errors.Count > before)
            {
                continue;
            }

            var figure =
                value is { } val ? AreaFigure.Published(indicator!, group, area!, val, lower, upper, numerator, denominator, note)
                : numerator is { } rr && denominator is { } nn ? AreaFigure.FromCounts(indicator!, group, area!, rr, nn, note)
                : Core.ParseResult<AreaFigure>.Ok(AreaFigure.NotPublished(indicator!, group, area!, note));
            if (!figure.Success)
            {
                Error(Value, figure.Error!);
                continue;
            }

            figures.Add(figure.Value);

            double? Percent(Values.RawRow r, string column)
            {
                if (columns.Text(r, column) is not { } t)
                {
                    return null;
                }

                if (t is "x" or "X")
                {
                    // One message for a row copied with its x's, on the value, not one per cell.
                    if (column != Value && columns.Text(r, Value) is "x" or "X")
                    {
                        return null;
                    }

                    Error(column, "'x' marks a figure suppressed in the source; expected the value, lower and upper left blank and the reason in note, such as suppressed in source (X)");
                    return null;
                }

                const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
                if (!double.TryParse(t, styles, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                {
                    Error(column, $"'{t}' is not a number; {NumberExpected}");
                    return null;
                }

                if (d is < 0 or > 100)
                {
                    Error(column, $"{t} is not a per-cent; expected a number from 0 to 100");
                    return null;
                }

                return d;
            }

            long? Count(Values.RawRow r, string column)
            {
                if (columns.Text(r, column) is not { } t)
                {
                    return null;
                }

                if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    Error(column, $"'{t}' is not a whole number; expected a count of children such as 1540");
                    return null;
                }

                return c;
            }
        }

        if (errors.Count == 0 && figures.Count == 0)
        {
            errors.Add(new InputError(fileName, null, null, "no figures; expected one row per indicator, group and area after the header"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return figures;
    }

    private static string Show(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Bound(double? v) => v is { } x ? Show(x) : "?";
}
