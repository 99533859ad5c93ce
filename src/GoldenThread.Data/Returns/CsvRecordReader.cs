namespace GoldenThread.Data.Returns;

/// <summary>
/// A small, strict CSV record reader (RFC 4180: commas, double-quoted fields, doubled quotes, quoted line breaks) that
/// hands out fields as spans over one reusable buffer, so reading a million-row return allocates one string per line.
/// </summary>
/// <remarks>
/// Bounded (docs/formats.md, "Limits"): a field, a record, a record's field count or the line count past its limit
/// stops the reading with <see cref="Problem"/> set, so a field of megabytes is never held whole.
/// </remarks>
internal sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>The most characters in a field: Excel's limit for a cell (a return's longest field is a date or code).</summary>
    public const int MaxFieldCharacters = 32_767;

    /// <summary>The most fields in a record: Excel's column limit (a 903 table has at most a dozen).</summary>
    public const int MaxFields = 16_384;

    /// <summary>The most characters in a record, its fields together.</summary>
    public const int MaxRecordCharacters = 1 << 20;

    /// <summary>The most lines in a file: Excel's row limit.</summary>
    public const int MaxLines = 1_048_576;

    /// <summary>Why reading stopped early: a limit passed on <see cref="Line"/>; null when the input was read to its end.</summary>
    public string? Problem { get; private set; }

    /// <summary>The 0-based field the <see cref="Problem"/> lies in, or -1 for the record or the file as a whole.</summary>
    public int ProblemField { get; private set; } = -1;

    private char[] _buffer = new char[256];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];

    /// <summary>1-based physical line of the record last read (its first line).</summary>
    public int Line { get; private set; }

    private int _nextLine = 1;

    public int FieldCount { get; private set; }


    public ReadOnlySpan<char> this[int field] => field < FieldCount ? _buffer.AsSpan(_starts[field], _lengths[field]) : default;

    private readonly char[] _chunk = new char[1 << 16];
    private int _pos;
    private int _len;

    private int NextChar()
    {
        if (_pos == _len && !Fill())
        {
            return -1;
        }

        return _chunk[_pos++];
    }

    private int PeekChar() => _pos == _len && !Fill() ? -1 : _chunk[_pos];

    private bool Fill()
    {
        _len = reader.Read(_chunk, 0, _chunk.Length);
        _pos = 0;
        if (_len > 0)
        {
            return true;
        }

        _len = 0;
        return false;
    }

    /// <summary>Reads the next non-empty record; false at the end of the input.</summary>
    /// <remarks>Scans characters straight from the reader's buffer: no string per line.</remarks>
    public bool Read()
    {
        if (Problem is not null)
        {
            return false;
        }

        while (true)
        {
            Line = _nextLine;
            if (Line > MaxLines)
            {
                return Stop(-1, $"the file has more than {MaxLines.ToString("N0", Invariant)} lines; expected at most {MaxLines.ToString("N0", Invariant)}, Excel's row limit (docs/formats.md, Limits)");
            }

            var length = 0;
            var fieldStart = 0;
            var inQuotes = false;
            var content = false;
            FieldCount = 0;
            int ch;
            while ((ch = NextChar()) != -1)
            {
                if (length - fieldStart > MaxFieldCharacters)
                {
                    return Stop(FieldCount, $"is more than {MaxFieldCharacters.ToString("N0", Invariant)} characters long; expected a field of at most {MaxFieldCharacters.ToString("N0", Invariant)}, Excel's limit for a cell (docs/formats.md, Limits)");
                }

                if (length > MaxRecordCharacters || FieldCount >= MaxFields)
                {
                    return Stop(-1, $"the row is more than {MaxRecordCharacters.ToString("N0", Invariant)} characters or {MaxFields.ToString("N0", Invariant)} fields long; expected a row of a return (docs/formats.md, Limits)");
                }

                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (PeekChar() == '"')
                        {
                            NextChar();
                            Append(ref length, '"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        _nextLine += ch == '\n' ? 1 : 0;
                        Append(ref length, (char)ch);
                    }

                    continue;
                }

                if (ch is '\n' or '\r')
                {
                    if (ch == '\r' && PeekChar() == '\n')
                    {
                        NextChar();
                    }

                    _nextLine++;
                    break;
                }

                content = true;
                if (ch == ',')
                {
                    EndField(fieldStart, length);
                    fieldStart = length;
                }
                else if (ch == '"')
                {
                    inQuotes = true;
                }
                else
                {
                    Append(ref length, (char)ch);
                }
            }

            if (content)
            {
                EndField(fieldStart, length);
                return true;
            }

            if (ch == -1)
            {
                return false;
            }
        }
    }

    private static System.Globalization.CultureInfo Invariant => System.Globalization.CultureInfo.InvariantCulture;

    private bool Stop(int field, string problem)
    {
        Problem = problem;
        ProblemField = field;
        return false;
    }

    private void Append(ref int length, char ch)
    {
        if (length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _buffer[length++] = ch;
    }

    private void EndField(int start, int end)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        var s = start;
        var e = end;
        while (s < e && _buffer[s] == ' ')
        {
            s++;
        }

        while (e > s && _buffer[e - 1] == ' ')
        {
            e--;
        }

        _starts[FieldCount] = s;
        _lengths[FieldCount] = e - s;
        FieldCount++;
    }
}
