namespace GoldenThread.Data.Returns;

/// <summary>
/// A small, strict CSV record reader (RFC 4180: commas, double-quoted fields, doubled quotes, quoted line breaks) that
/// hands out fields as spans over one reusable buffer, so reading a million-row return allocates one string per line.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private char[] _buffer = new char[256];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];

    /// <summary>1-based physical line of the record last read (its first line).</summary>
    public int Line { get; private set; }

    private int _nextLine = 1;

    public int FieldCount { get; private set; }

    public ReadOnlySpan<char> this[int field] => field < FieldCount ? _buffer.AsSpan(_starts[field], _lengths[field]) : default;

    /// <summary>Reads the next non-empty record; false at the end of the input.</summary>
    public bool Read()
    {
        string? line;
        do
        {
            line = reader.ReadLine();
            Line = _nextLine++;
            if (line is null)
            {
                return false;
            }
        }
        while (line.Length == 0);

        var length = 0;
        FieldCount = 0;
        var fieldStart = 0;
        var inQuotes = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            Append(ref length, '"');
                            i++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        Append(ref length, ch);
                    }
                }
                else if (ch == ',')
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
                    Append(ref length, ch);
                }
            }

            if (!inQuotes)
            {
                break;
            }

            // A quoted field runs on to the next line.
            line = reader.ReadLine();
            _nextLine++;
            if (line is null)
            {
                break;
            }

            Append(ref length, '\n');
        }

        EndField(fieldStart, length);
        return true;
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
