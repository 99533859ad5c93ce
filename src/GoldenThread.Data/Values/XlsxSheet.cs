using System.Globalization;
using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GoldenThread.Data.Values;

/// <summary>Reads the first worksheet of an XLSX workbook as text cells: shared and inline strings, numbers, blanks.</summary>
internal static class XlsxSheet
{
    public static RawTable? Read(Stream stream, string fileName, List<InputError> errors)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is FileFormatException or OpenXmlPackageException or InvalidDataException or ArgumentException)
        {
            errors.Add(new InputError(fileName, null, null,
                "is not an XLSX workbook (not a valid zip package); expected an .xlsx file saved by Excel or LibreOffice, or a .csv file"));
            return null;
        }

        using (doc)
        {
            var workbook = doc.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } relId || workbook.GetPartById(relId) is not WorksheetPart part)
            {
                errors.Add(new InputError(fileName, null, null, "has no worksheet; expected the values in the first worksheet"));
                return null;
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var dateStyles = DateStyleIndexes(workbook.WorkbookStylesPart?.Stylesheet);

            var rows = new List<RawRow>();
            var previousRow = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var rowNumber = row.RowIndex?.Value is { } r ? (int)r : previousRow + 1;
                previousRow = rowNumber;
                var cells = new List<string>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                    nextColumn = column + 1;
                    while (cells.Count <= column)
                    {
                        cells.Add("");
                    }

                    cells[column] = CellText(cell, shared, dateStyles);
                }

                rows.Add(new RawRow(rowNumber, cells));
            }

            var header = rows.FirstOrDefault(r => !r.IsBlank);
            if (header is null || header.Line != 1)
            {
                errors.Add(new InputError(fileName, header?.Line ?? 1, null,
                    "no header row in row 1 of the first worksheet; expected column names in row 1, e.g. measure, period, value"));
                return null;
            }

            return new RawTable(header.Cells, rows.Where(r => r.Line > 1).ToList());
        }
    }

    private static string ItemText(SharedStringItem item)
    {
        // Plain text, or rich-text runs; phonetic guides (rPh) are not part of the value.
        if (item.Text is { } t)
        {
            return t.Text;
        }

        var sb = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            sb.Append(run.Text?.Text);
        }

        return sb.ToString();
    }

    private static string CellText(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        }

        if (type == CellValues.InlineString)
        {
            var inline = cell.InlineString;
            if (inline?.Text is { } t)
            {
                return t.Text;
            }

            return string.Concat(inline?.Elements<Run>().Select(r => r.Text?.Text) ?? []);
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.Date)
        {
            // ISO 8601 date-time; a period column wants the date.
            return raw.Length >= 10 ? raw[..10] : raw;
        }

        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) &&
            double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            // A date typed into Excel is a serial day number shown through a date format: give it as an ISO date.
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>The cell-format indexes whose number format shows a date (built-in 14–22, 45–47, or a custom code with d or y).</summary>
    private static HashSet<uint> DateStyleIndexes(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null)
        {
            return result;
        }

        var customDates = new HashSet<uint>();
        foreach (var nf in styles.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (nf.NumberFormatId?.Value is { } id && IsDateCode(nf.FormatCode?.Value ?? ""))
            {
                customDates.Add(id);
            }
        }

        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateCode(string code)
    {
        // Ignore quoted literals and [colour]/[locale] sections, which may contain d or y.
        var inQuote = false;
        var inBracket = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    inQuote = !inQuote;
                    break;
                case '[' when !inQuote:
                    inBracket = true;
                    break;
                case ']' when !inQuote:
                    inBracket = false;
                    break;
                default:
                    if (!inQuote && !inBracket && c is 'd' or 'D' or 'y' or 'Y')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>0-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            n = (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(0, n - 1);
    }
}
