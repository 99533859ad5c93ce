using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace GoldenThread.Data;

/// <summary>How the text of a file is laid out, for naming where an invalid byte is.</summary>
internal enum TextLayout
{
    /// <summary>Comma-separated: the position is a line and a column named by the header.</summary>
    Csv,

    /// <summary>Lines of text (YAML): the position is a line and a 1-based character column.</summary>
    Lines,
}

/// <summary>
/// Every text file GoldenThread reads is UTF-8. A byte sequence that is not UTF-8 is refused at its line and column,
/// never replaced with U+FFFD: a replaced character silently changes a code, an area name or a child's identifier.
/// </summary>
/// <remarks>
/// The check is a vectorised pass over the bytes; only a file that fails it is read again to find the position, with a
/// forward-only CSV scan that keeps no more than the header's names.
/// </remarks>
internal static class Utf8Text
{
    /// <summary>UTF-8 that throws on invalid bytes rather than replacing them; the readers' last line of defence.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Refuses <paramref name="data"/> at the first byte that is not UTF-8.</summary>
    public static void Require(ReadOnlySpan<byte> data, string fileName, TextLayout layout)
    {
        if (Utf8.IsValid(data))
        {
            return;
        }

        var offset = FirstInvalid(data);
        var position = new PositionScanner(layout);
        var start = data.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        position.Advance(data[start..offset]);
        throw new InputException(position.Error(fileName, data[offset]));
    }

    /// <summary>Refuses the file at <paramref name="path"/> at the first byte that is not UTF-8, reading at most <paramref name="maxBytes"/>.</summary>
    public static void Require(string path, string fileName, TextLayout layout, long maxBytes)
    {
        if (FirstInvalid(path, maxBytes) is not { } found)
        {
            return;
        }

        var (offset, bad) = found;
        var position = new PositionScanner(layout);
        using var stream = File.OpenRead(path);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            // A byte-order mark is not part of the first line (a fault inside one is at offset 0, before it ends).
            long done = 0;
            if (offset >= ByteOrderMark.Length && stream.Read(buffer, 0, ByteOrderMark.Length) == ByteOrderMark.Length)
            {
                done = ByteOrderMark.Length;
                if (!buffer.AsSpan(0, ByteOrderMark.Length).SequenceEqual(ByteOrderMark))
                {
                    position.Advance(buffer.AsSpan(0, ByteOrderMark.Length));
                }
            }

            while (done < offset)
            {
                var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - done));
                if (n <= 0)
                {
                    break;
                }

                position.Advance(buffer.AsSpan(0, n));
                done += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        throw new InputException(position.Error(fileName, bad));
    }

    /// <summary>A stream's text, decoded strictly and refused at its position when not UTF-8; at most <paramref name="maxBytes"/> are read.</summary>
    public static string ReadAll(Stream stream, string fileName, TextLayout layout, long maxBytes, Func<InputException> tooLarge)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                throw tooLarge();
            }
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        Require(bytes, fileName, layout);
        var text = Strict.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> data)
    {
        var chars = ArrayPool<char>.Shared.Rent(1 << 15);
        try
        {
            var offset = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(data[offset..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                offset += read;
                if (status != OperationStatus.DestinationTooSmall)
                {
                    return status == OperationStatus.Done ? -1 : offset;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static (long Offset, byte Byte)? FirstInvalid(string path, long maxBytes)
    {
        using var stream = File.OpenRead(path);
        var buffer = ArrayPool<byte>.Shared.Rent((1 << 16) + 4);
        try
        {
            long start = 0;
            var carried = 0;
            while (start < maxBytes)
            {
                var n = stream.Read(buffer, carried, 1 << 16);
                var length = carried + n;
                var final = n <= 0;
                var span = buffer.AsSpan(0, length);
                if (!final && Utf8.IsValid(span))
                {
                    start += length;
                    carried = 0;
                    continue;
                }

                // Either the chunk ends inside a character (carry its first bytes into the next chunk) or it holds a fault.
                var offset = FirstInvalid(span);
                if (offset < 0)
                {
                    return null;
                }

                if (!final && length - offset < 4 && IsIncompleteTail(span[offset..]))
                {
                    span[offset..].CopyTo(buffer);
                    carried = length - offset;
                    start += offset;
                    continue;
                }

                return (start + offset, span[offset]);
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True when the bytes are the start of a character cut off by the end of a chunk, not a fault.</summary>
    private static bool IsIncompleteTail(ReadOnlySpan<byte> tail) =>
        Utf8.ToUtf16(tail, stackalloc char[4], out _, out _, replaceInvalidSequences: false, isFinalBlock: false) == OperationStatus.NeedMoreData;

    /// <summary>Follows the bytes before a fault, counting lines and (for CSV) fields, and keeping the header's names.</summary>
    private sealed class PositionScanner(TextLayout layout)
    {
        private const int HeaderNamesKept = 256;
        private const int HeaderNameBytes = 128;

        private readonly List<string> _header = [];
        private readonly List<byte> _name = [];
        private int _line = 1;
        private int _character = 1;
        private int _field;
        private bool _inHeader = true;
        private bool _quoted;
        private bool _quoteInQuoted;
        private bool _afterCarriageReturn;
        private bool _atFieldStart = true;

        public void Advance(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                Step(b);
            }
        }

        private void Step(byte b)
        {
            if (_afterCarriageReturn && b == (byte)'\n')
            {
                _afterCarriageReturn = false;
                return;
            }

            _afterCarriageReturn = false;
            if ((b & 0xC0) != 0x80)
            {
                _character++;
            }

            if (layout == TextLayout.Csv && _quoteInQuoted)
            {
                _quoteInQuoted = false;
                if (b == (byte)'"')
                {
                    Keep(b);
                    return;
                }

                _quoted = false;
            }

            if (layout == TextLayout.Csv && _quoted)
            {
                if (b == (byte)'"')
                {
                    _quoteInQuoted = true;
                    return;
                }

                NewLineIn(b);
                Keep(b);
                return;
            }

            if (b is (byte)'\n' or (byte)'\r')
            {
                NewLineIn(b);
                if (layout == TextLayout.Csv)
                {
                    EndField();
                    _inHeader = false;
                    _field = 0;
                }

                return;
            }

            if (layout != TextLayout.Csv)
            {
                return;
            }

            if (b == (byte)',')
            {
                EndField();
                _field++;
                return;
            }

            if (b == (byte)'"' && _atFieldStart)
            {
                _quoted = true;
                _atFieldStart = false;
                return;
            }

            _atFieldStart = false;
            Keep(b);
        }

        private void NewLineIn(byte b)
        {
            if (b is (byte)'\n' or (byte)'\r')
            {
                _line++;
                _character = 1;
                _afterCarriageReturn = b == (byte)'\r';
            }
        }

        private void Keep(byte b)
        {
            if (_inHeader && _name.Count < HeaderNameBytes)
            {
                _name.Add(b);
            }
        }

        private void EndField()
        {
            if (_inHeader && _header.Count < HeaderNamesKept)
            {
                _header.Add(Encoding.UTF8.GetString([.. _name]).Trim().TrimStart('\uFEFF'));
            }

            _name.Clear();
            _atFieldStart = true;
        }

        public InputError Error(string fileName, byte bad)
        {
            var what = $"is not UTF-8 text (byte 0x{bad.ToString("X2", CultureInfo.InvariantCulture)} at character {_character.ToString(CultureInfo.InvariantCulture)} of the line; " +
                "a binary file, or text saved in another encoding?); expected text saved as UTF-8 (in Excel: CSV UTF-8)";
            if (layout == TextLayout.Lines)
            {
                return new InputError(fileName, _line, _character.ToString(CultureInfo.InvariantCulture), what);
            }

            var column = !_inHeader && _field < _header.Count && _header[_field].Length > 0
                ? Quoted.Text(_header[_field])
                : $"field {(_field + 1).ToString(CultureInfo.InvariantCulture)}";
            return new InputError(fileName, _line, column, what);
        }
    }
}
