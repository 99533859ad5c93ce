using System.Globalization;
using System.Text;

namespace GoldenThread.Data.Values;

/// <summary>
/// Splits RFC 4180 CSV text into records: fields separated by commas, optionally quoted, a quote inside a quoted field
/// written twice, line breaks allowed inside quotes. Each record keeps the line it starts on, so errors can point at it.
/// </summary>
internal static class CsvText
{
    /// <summary>The most characters a values CSV may hold (docs/formats.md, "Limits"): a real one holds well under a megabyte.</summary>
    public const int MaxCharacters = 32 * 1024 * 1024;

    /// <summary>The most characters in one field: Excel's limit for a cell, which a note never needs to exceed.</summary>
    public const int MaxFieldCharacters = 32_767;

    /// <summary>The most records (lines holding values) after the header, as for a values workbook.</summary>
    public const int MaxRecords = 100_000;

    /// <summary>The most fields in a record: Excel's column limit (a values file names sixteen columns).</summary>
    public const int MaxFields = 16_384;

    /// <summary>The most lines of any kind, blank ones included: Excel's row limit.</summary>
    public const int MaxLines = 1_048_576;

    /// <summary>
    /// Reads at most <see cref="MaxCharacters"/> and one more; <paramref name="truncated"/> says the file is longer. The
    /// part read is still parsed, so that a field or a row count beyond its limit is reported where it is.
    /// </summary>
    public static string ReadText(TextReader reader, out bool truncated)
    {
        var buffer = new char[1 << 16];
        var sb = new StringBuilder();
        int n;
        while (sb.Length <= MaxCharacters && (n = reader.Read(buffer, 0, Math.Min(buffer.Length, MaxCharacters + 1 - sb.Length))) > 0)
        {
            sb.Append(buffer, 0, n);
        }

        truncated = sb.Length > MaxCharacters;
        return sb.ToString();
    }

    public static RawTable? Parse(string text, string fileName, List<InputError> errors, bool truncated = false)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.StartsWith("PK\u0003\u0004", StringComparison.Ordinal) || text.Contains('\0'))
        {
            errors.Add(new InputError(fileName, null, null,
                "is a binary file, not CSV text (a workbook saved with a .csv name?); expected comma-separated text saved as UTF-8, or an .xlsx file named .xlsx"));
            return null;
        }

        var records = new List<RawRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;
        var quoted = false;
        var recordHasContent = false;
        var valueRecords = 0;
        var firstBeyond = 0;

        // A field beyond the limit, a record beyond the count or a line beyond Excel's: the position and the limit.
        string? TooLarge()
        {
            if (field.Length > MaxFieldCharacters)
            {
                var column = records.Count > 0 && fields.Count < records[0].Cells.Count && records[0].Cells[fields.Count].Trim() is { Length: > 0 } name
                    ? $"column '{Quoted.Text(name)}'"
                    : $"field {(fields.Count + 1).ToString(CultureInfo.InvariantCulture)}";
                return $"{column} is more than {MaxFieldCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters long (the field starting on line {recordLine.ToString(CultureInfo.InvariantCulture)}); expected a field of at most {MaxFieldCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters, Excel's limit for a cell (docs/formats.md, Limits)";
            }

            if (fields.Count > MaxFields)
            {
                return $"the row starting on line {recordLine.ToString(CultureInfo.InvariantCulture)} has more than {MaxFields.ToString("N0", CultureInfo.InvariantCulture)} fields; expected at most {MaxFields.ToString("N0", CultureInfo.InvariantCulture)}, Excel's column limit (docs/formats.md, Limits)";
            }

            if (line > MaxLines)
            {
                return $"the file has more than {MaxLines.ToString("N0", CultureInfo.InvariantCulture)} lines; expected at most {MaxRecords.ToString("N0", CultureInfo.InvariantCulture)} rows of values (docs/formats.md, Limits)";
            }

            return valueRecords > MaxRecords
                ? $"the file has more than {MaxRecords.ToString("N0", CultureInfo.InvariantCulture)} rows of values; expected at most {MaxRecords.ToString("N0", CultureInfo.InvariantCulture)} (docs/formats.md, Limits)"
                : null;
        }

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
            quoted = false;
        }

        void EndRecord()
        {
            EndField();
            if (records.Count > 0 && ++valueRecords == MaxRecords + 1)
            {
                firstBeyond = recordLine;
            }

            records.Add(new RawRow(recordLine, fields.ToList()));
            fields.Clear();
            recordHasContent = false;
        }

        while (i < text.Length)
        {
            if ((field.Length > MaxFieldCharacters || fields.Count > MaxFields || line > MaxLines || valueRecords > MaxRecords) && TooLarge() is { } problem)
            {
                errors.Add(new InputError(fileName, field.Length > MaxFieldCharacters || fields.Count > MaxFields ? recordLine : line > MaxLines ? line : firstBeyond, null, problem));
                return null;
            }

            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    // The closing quote: what follows must end the field.
                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        errors.Add(new InputError(fileName, line, null,
                            "text after a closing quote; expected a comma or the end of the line after a quoted field (write a quote inside quotes as \"\")"));
                        return null;
                    }

                    continue;
                }

                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    line++;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    recordHasContent = true;
                    i++;
                    break;
                case ',':
                    recordHasContent = true;
                    EndField();
                    i++;
                    break;
                case '\r' or '\n':
                    if (recordHasContent || fields.Count > 0 || field.Length > 0)
                    {
                        EndRecord();
                    }
                    else
                    {
                        // An empty line: kept as a blank record so that line numbers stay true.
                        records.Add(new RawRow(recordLine, [""]));
                    }

                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    recordHasContent = true;
                    i++;
                    break;
            }
        }

        if ((field.Length > MaxFieldCharacters || fields.Count > MaxFields || line > MaxLines || valueRecords > MaxRecords) && TooLarge() is { } last)
        {
            errors.Add(new InputError(fileName, field.Length > MaxFieldCharacters || fields.Count > MaxFields ? recordLine : line > MaxLines ? line : firstBeyond, null, last));
            return null;
        }

        if (truncated)
        {
            errors.Add(new InputError(fileName, null, null,
                $"is more than {MaxCharacters / (1024 * 1024)} MB of text ({MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters), larger than any values file; expected at most {MaxRecords.ToString("N0", CultureInfo.InvariantCulture)} rows of values (docs/formats.md, Limits)"));
            return null;
        }

        if (quoted)
        {
            errors.Add(new InputError(fileName, recordLine, null, "a quoted field is never closed; expected a closing quote (\")"));
            return null;
        }

        if (recordHasContent || fields.Count > 0 || field.Length > 0)
        {
            EndRecord();
        }

        if (records.Count == 0 || records[0].IsBlank)
        {
            errors.Add(new InputError(fileName, 1, null, "no header row; expected column names in line 1, e.g. measure,period,value"));
            return null;
        }

        return new RawTable(records[0].Cells, records.Skip(1).ToList());
    }
}
