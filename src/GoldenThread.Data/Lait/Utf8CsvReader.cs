using System.Text;

namespace GoldenThread.Data.Lait;

/// <summary>Where one field of the current record lies in the buffer.</summary>
internal readonly record struct CsvField(int Start, int Length, bool Quoted, bool HasEscapedQuote);

/// <summary>
/// An RFC 4180 record reader over UTF-8 bytes that hands out field positions instead of strings, so a reader of a
/// 640,000-row file allocates only for the fields it keeps.
/// </summary>
/// <remarks>
/// Fields are separated by commas and records by CRLF or LF. A field that starts with a double quote runs to the
/// matching closing quote; inside it commas and line breaks are data and <c>""</c> is one quote. A quote inside an
/// unquoted field is kept as data (lenient, as Excel writes it). A record's <see cref="Line"/> is the physical line it
/// starts on, so messages point at what an editor shows even after multi-line fields.
/// </remarks>
internal sealed class Utf8CsvReader
{
    private readonly byte[] _data;
    private readonly int _end;
    private int _pos;
    private int _nextLine = 1;
    private CsvField[] _fields = new CsvField[16];

    public Utf8CsvReader(byte[] data)
    {
        _data = data;
        _end = data.Length;

        // A UTF-8 byte order mark is not part of the first header name.
        if (_end >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
            _pos = 3;
        }
    }

    /// <summary>1-based physical line the current record starts on.</summary>
    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>Set when the current record has a quoted field that never closes.</summary>
    public bool UnterminatedQuote { get; private set; }

    public ReadOnlySpan<CsvField> Fields => _fields.AsSpan(0, FieldCount);

    /// <summary>The raw bytes of a field (without the surrounding quotes; an escaped quote still reads <c>""</c>).</summary>
    public ReadOnlySpan<byte> Raw(int index)
    {
        var f = _fields[index];
        return _data.AsSpan(f.Start, f.Length);
    }

    public bool IsEmpty(int index) => _fields[index].Length == 0;

    public string GetString(int index)
    {
        var f = _fields[index];
        var s = Encoding.UTF8.GetString(_data, f.Start, f.Length);
        return f.HasEscapedQuote ? s.Replace("\"\"", "\"", StringComparison.Ordinal) : s;
    }

    /// <summary>Reads the next record; false at the end of the data. A final empty line is not a record.</summary>
    public bool Read()
    {
        if (_pos >= _end)
        {
            return false;
        }

        Line = _nextLine;
        FieldCount = 0;
        UnterminatedQuote = false;
        var data = _data;
        var pos = _pos;

        while (true)
        {
            if (pos < _end && data[pos] == (byte)'"')
            {
                var start = pos + 1;
                var i = start;
                var escaped = false;
                var closed = false;
                while (i < _end)
                {
                    var b = data[i];
                    if (b == (byte)'"')
                    {
                        if (i + 1 < _end && data[i + 1] == (byte)'"')
                        {
                            escaped = true;
                            i += 2;
                            continue;
                        }

                        closed = true;
                        break;
                    }

                    if (b == (byte)'\n')
                    {
                        _nextLine++;
                    }

                    i++;
                }

                Add(new CsvField(start, i - start, true, escaped));
                if (!closed)
                {
                    UnterminatedQuote = true;
                    pos = _end;
                    break;
                }

                pos = i + 1;

                // Anything between the closing quote and the separator is tolerated and dropped.
                while (pos < _end && data[pos] != (byte)',' && data[pos] != (byte)'\n')
                {
                    pos++;
                }
            }
            else
            {
                var rest = data.AsSpan(pos, _end - pos);
                var rel = rest.IndexOfAny((byte)',', (byte)'\n');
                var len = rel < 0 ? rest.Length : rel;
                var fieldLen = len > 0 && rest[len - 1] == (byte)'\r' && (rel < 0 || rest[rel] == (byte)'\n') ? len - 1 : len;
                Add(new CsvField(pos, fieldLen, false, false));
                pos = rel < 0 ? _end : pos + rel;
            }

            if (pos >= _end)
            {
                break;
            }

            if (data[pos] == (byte)',')
            {
                pos++;
                if (pos >= _end)
                {
                    // A trailing comma at the very end of the data still ends with an empty field.
                    Add(new CsvField(pos, 0, false, false));
                    break;
                }

                continue;
            }

            // data[pos] is '\n' (a '\r' before it was trimmed from the field above or skipped after a quote).
            pos++;
            _nextLine++;
            break;
        }

        // A quoted field directly followed by CRLF leaves the '\r' skipped by the tolerance loop, which is what we want.
        _pos = pos;
        return true;
    }

    private void Add(CsvField field)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = field;
    }
}
