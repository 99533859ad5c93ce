using System.Globalization;
using GoldenThread.Core;
using GoldenThread.Core.AreaComparisons;

namespace GoldenThread.Data.AreaComparisons;

/// <summary>
/// Reads the indicators file of an area comparison (docs/area-comparisons.md): <c>indicator,title,polarity,unit,decimals,statement</c>,
/// one row per indicator. All or nothing: every problem is collected and thrown once as an <see cref="InputException"/>.
/// </summary>
public static class ComparisonIndicatorsReader
{
    public const string Indicator = "indicator";
    public const string Title = "title";
    public const string PolarityColumn = "polarity";
    public const string Unit = "unit";
    public const string Decimals = "decimals";
    public const string Statement = "statement";

    public static readonly IReadOnlyList<string> Columns = [Indicator, Title, PolarityColumn, Unit, Decimals, Statement];

    private static readonly string[] Required = [Indicator, Title, PolarityColumn];

    public static IReadOnlyList<ComparisonIndicator> Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<InputError>();
        var parsed = NamedColumns.Parse(reader, fileName, Columns, Required, errors);
        if (parsed is not { } p || errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var (columns, table) = p;
        var result = new List<ComparisonIndicator>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => !r.IsBlank))
        {
            var rowErrors = errors.Count;
            void Error(string? column, string message) =>
                errors.Add(new InputError(fileName, row.Line, column is null ? null : columns.Written(column), message));

            if (row.Cells.Skip(columns.HeaderCount).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                Error(null, $"has values beyond the {columns.HeaderCount.ToString(CultureInfo.InvariantCulture)} named columns; expected no more fields than the header has");
            }

            var id = columns.Text(row, Indicator);
            if (id is null)
            {
                Error(Indicator, "blank; expected a short id such as obese, used in the data file's indicator column");
            }
            else if (firstLine.TryGetValue(id, out var earlier))
            {
                Error(Indicator, $"a second row for indicator '{id}' (first at line {earlier.ToString(CultureInfo.InvariantCulture)}); expected each indicator once");
            }

            var polarity = PolarityExtensions.Parse(columns.Text(row, PolarityColumn));
            if (!polarity.Success)
            {
                Error(PolarityColumn, polarity.Error!);
            }

            if (columns.Text(row, Unit) is { } unit && unit.ToLowerInvariant() is not ("percent" or "%" or "per cent"))
            {
                Error(Unit, $"'{unit}' is not supported; expected percent (values from 0 to 100; intervals from counts are Wilson intervals for a proportion)");
            }

            var decimals = 1;
            if (columns.Text(row, Decimals) is { } d && !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out decimals))
            {
                Error(Decimals, $"'{d}' is not a whole number; expected the decimal places to show, 0 to 4");
            }

            if (errors.Count > rowErrors)
            {
                continue;
            }

            var indicator = ComparisonIndicator.Create(id!, columns.Text(row, Title) ?? "", polarity.Value, decimals, columns.Text(row, Statement));
            if (!indicator.Success)
            {
                var column = indicator.Error!.StartsWith("the title", StringComparison.Ordinal) ? Title
                    : indicator.Error.Contains("decimal places", StringComparison.Ordinal) ? Decimals
                    : Statement;
                Error(column, indicator.Error);
                continue;
            }

            firstLine[id!] = row.Line;
            result.Add(indicator.Value);
        }

        if (errors.Count == 0 && result.Count == 0)
        {
            errors.Add(new InputError(fileName, null, null, "no indicators; expected one row per indicator after the header"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return result;
    }
}
