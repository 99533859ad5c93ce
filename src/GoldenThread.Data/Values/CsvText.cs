using System.Text;

namespace GoldenThread.Data.Values;

/// <summary>
/// Splits RFC 4180 CSV text into records: fields separated by commas, optionally quoted, a quote inside a quoted field
/// written twice, line breaks allowed inside quotes. Each record keeps the line it starts on, so errors can point at it.
/// </summary>
internal static class CsvText
{
    public static RawTable? Parse(string text, string fileName, List<InputError> errors)
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
            records.Add(new RawRow(recordLine, fields.ToList()));
            fields.Clear();
            recordHasContent = false;
        }

        while (i < text.Length)
        {
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
