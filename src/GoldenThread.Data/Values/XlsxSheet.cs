using System.Globalization;
using GoldenThread.Data.Xlsx;

namespace GoldenThread.Data.Values;

/// <summary>Reads the first worksheet of an XLSX workbook as text cells: shared and inline strings, numbers, blanks.</summary>
internal static class XlsxSheet
{
    /// <summary>The most rows holding values a values workbook may have (docs/formats.md, "Limits").</summary>
    public const int MaxRows = 100_000;

    /// <summary>The last column a values workbook may hold a value in: sixteen columns are named, the rest are spare.</summary>
    public const int MaxColumns = 64;

    public static RawTable? Read(Stream stream, string fileName, List<InputError> errors)
    {
        try
        {
            using var workbook = XlsxWorkbook.Open(stream, fileName);
            if (workbook.Sheets.Count == 0)
            {
                errors.Add(new InputError(fileName, null, null, "has no worksheet; expected the values in the first worksheet"));
                return null;
            }

            var (sheetName, relationshipId) = workbook.Sheets[0];
            var shared = workbook.SharedStrings();
            var dateStyles = workbook.DateStyles();
            var rows = new List<RawRow>();
            workbook.ReadRows(sheetName, relationshipId, MaxRows, row =>
            {
                var cells = new List<string>();
                foreach (var cell in row.Cells)
                {
                    var text = CellText(cell, shared, dateStyles);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (cell.Column >= MaxColumns)
                    {
                        throw new InputException(new InputError(fileName, row.Number, null,
                            $"has a value in column {(cell.Column + 1).ToString(CultureInfo.InvariantCulture)}, beyond the {MaxColumns} columns a values workbook may use; expected the values in the named columns (docs/formats.md, Limits)"));
                    }

                    while (cells.Count <= cell.Column)
                    {
                        cells.Add("");
                    }

                    cells[cell.Column] = text;
                }

                rows.Add(new RawRow(row.Number, cells));
            });

            var header = rows.FirstOrDefault(r => !r.IsBlank);
            if (header is null || header.Line != 1)
            {
                errors.Add(new InputError(fileName, header?.Line ?? 1, null,
                    "no header row in row 1 of the first worksheet; expected column names in row 1, e.g. measure, period, value"));
                return null;
            }

            return new RawTable(header.Cells, rows.Where(r => r.Line > 1).ToList());
        }
        catch (InputException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    private static string CellText(XlsxCell cell, IReadOnlyList<string> shared, HashSet<uint> dateStyles)
    {
        var raw = cell.Raw;
        switch (cell.Type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
            case "inlineStr":
                return raw;
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "d":
                // ISO 8601 date-time; a period column wants the date.
                return raw.Length >= 10 ? raw[..10] : raw;
        }

        if (cell.Type is null or "n" && cell.Style is { } style && dateStyles.Contains(style) &&
            double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            // A date typed into Excel is a serial day number shown through a date format: give it as an ISO date.
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }
}
