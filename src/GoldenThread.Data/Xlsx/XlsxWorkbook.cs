using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace GoldenThread.Data.Xlsx;

/// <summary>One cell of a worksheet row: its 0-based column, its text as the sheet stores it, its type and style.</summary>
internal readonly record struct XlsxCell(int Column, string Raw, string? Type, uint? Style);

/// <summary>One row of a worksheet: its row number and the cells it holds.</summary>
internal sealed record XlsxRow(int Number, IReadOnlyList<XlsxCell> Cells);

/// <summary>
/// Reads an XLSX workbook straight from its zip entries with forward-only XML readers (docs/formats.md, "Limits").
/// </summary>
/// <remarks>
/// The Open XML SDK loads a whole worksheet into objects, so a sheet declaring ten million rows took gigabytes before any
/// check could run, and a missing part, a sheet pointing nowhere or malformed XML escaped as one of a dozen exception
/// types. Here every part is read as a stream within a size limit, rows and columns are counted as they are read, any
/// DTD is refused, and every fault becomes one <see cref="InputException"/> naming the file and what is wrong with it.
/// </remarks>
internal sealed class XlsxWorkbook : IDisposable
{
    /// <summary>Excel's own limits: 1,048,576 rows and 16,384 columns (A to XFD); nothing beyond them is a worksheet.</summary>
    public const int MaxRowNumber = 1_048_576;
    public const int MaxColumns = 16_384;

    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>The most bytes read from the worksheet part (uncompressed).</summary>
    public const long MaxSheetBytes = 256L * 1024 * 1024;

    /// <summary>The most bytes read from the shared strings part (uncompressed), and the most strings in it.</summary>
    public const long MaxSharedStringBytes = 64L * 1024 * 1024;
    public const int MaxSharedStrings = 1_048_576;

    /// <summary>The most bytes read from any other part (the workbook, its relationships, the styles).</summary>
    public const long MaxOtherPartBytes = 16L * 1024 * 1024;

    private const string Expected = "expected an .xlsx file saved by Excel or LibreOffice";
    private const string RelationshipsNamespaceSuffix = "/relationships";

    private readonly ZipArchive _zip;
    private readonly string _fileName;
    private readonly Dictionary<string, (string Type, string Target)> _workbookRelationships;

    private XlsxWorkbook(ZipArchive zip, string fileName, string workbookPath)
    {
        _zip = zip;
        _fileName = fileName;
        WorkbookPath = workbookPath;
        _workbookRelationships = ReadRelationships(RelationshipsPathOf(workbookPath), required: false);
        Sheets = ReadSheets();
    }

    /// <summary>The workbook's sheets in tab order: name and relationship id.</summary>
    public IReadOnlyList<(string Name, string RelationshipId)> Sheets { get; }

    private string WorkbookPath { get; }

    /// <summary>Opens the package and reads its workbook part and sheet list; any fault is an <see cref="InputException"/>.</summary>
    public static XlsxWorkbook Open(Stream stream, string fileName)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);

            // The central directory is read on first use of the entries: a damaged one (a count that does not match, an
            // entry cut short) must fail here, as not a zip, rather than later in whichever reader asks first.
            _ = zip.Entries.Count;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or ArgumentException or IOException)
        {
            throw Fault(fileName, "is not an XLSX workbook (not a valid zip package); expected an .xlsx file saved by Excel or LibreOffice, or a .csv file");
        }

        try
        {
            var package = ReadRelationships(zip, fileName, "_rels/.rels", required: true);
            var office = package.Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal));
            if (office.Target is null)
            {
                throw Fault(fileName, $"is not an XLSX workbook: its package names no workbook part (_rels/.rels has no officeDocument relationship); {Expected}");
            }

            return new XlsxWorkbook(zip, fileName, Resolve("", office.Target));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>The shared strings, in order; empty when the workbook has none.</summary>
    public IReadOnlyList<string> SharedStrings()
    {
        var rel = _workbookRelationships.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal));
        if (rel.Target is null)
        {
            return [];
        }

        var result = new List<string>();
        Read(Resolve(DirectoryOf(WorkbookPath), rel.Target), MaxSharedStringBytes, "the shared strings", reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                {
                    if (result.Count == MaxSharedStrings)
                    {
                        throw Fault(_fileName, $"holds more than {MaxSharedStrings.ToString("N0", CultureInfo.InvariantCulture)} shared strings, more than a worksheet can use; {Expected}");
                    }

                    result.Add(ReadStringItem(reader));
                }
            }
        }, required: true);
        return result;
    }

    /// <summary>The indexes of the cell formats whose number format shows a date (built-in 14–22, 45–47, or a custom code with d or y).</summary>
    public HashSet<uint> DateStyles()
    {
        var result = new HashSet<uint>();
        var rel = _workbookRelationships.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal));
        if (rel.Target is null)
        {
            return result;
        }

        var customDates = new HashSet<uint>();
        Read(Resolve(DirectoryOf(WorkbookPath), rel.Target), MaxOtherPartBytes, "the styles", reader =>
        {
            uint index = 0;
            var inCellFormats = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
                {
                    inCellFormats = false;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "numFmt" when uint.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                                       && IsDateCode(reader.GetAttribute("formatCode") ?? ""):
                        customDates.Add(id);
                        break;
                    case "cellXfs":
                        inCellFormats = !reader.IsEmptyElement;
                        break;
                    case "xf" when inCellFormats:
                        var formatId = uint.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                        if (formatId is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(formatId))
                        {
                            result.Add(index);
                        }

                        index++;
                        break;
                }
            }
        }, required: true);
        return result;
    }

    /// <summary>
    /// Reads a sheet's rows in order, handing each to <paramref name="onRow"/>; at most <paramref name="maxRows"/>
    /// rows holding a value (the reader's own limit), row numbers and columns within Excel's.
    /// </summary>
    public void ReadRows(string sheetName, string relationshipId, int maxRows, Action<XlsxRow> onRow)
    {
        if (!_workbookRelationships.TryGetValue(relationshipId, out var rel))
        {
            throw Fault(_fileName, $"is not a readable XLSX workbook: sheet '{Quoted.Text(sheetName)}' points at relationship '{Quoted.Text(relationshipId)}', which the workbook does not have; {Expected}");
        }

        if (!rel.Type.EndsWith("/worksheet", StringComparison.Ordinal))
        {
            throw Fault(_fileName, $"is not a readable XLSX workbook: sheet '{Quoted.Text(sheetName)}' points at a part that is not a worksheet ({Quoted.Text(rel.Target)}); {Expected}");
        }

        var path = Resolve(DirectoryOf(WorkbookPath), rel.Target);
        Read(path, MaxSheetBytes, $"sheet '{Quoted.Text(sheetName)}'", reader =>
        {
            var previousRow = 0;
            var rowsWithValues = 0;
            var rowElements = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
                {
                    continue;
                }

                rowElements++;
                var number = previousRow + 1;
                if (reader.GetAttribute("r") is { } r)
                {
                    if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > MaxRowNumber)
                    {
                        throw Fault(_fileName, $"is not a readable XLSX workbook: sheet '{Quoted.Text(sheetName)}' has a row numbered '{Quoted.Text(r)}'; expected row numbers from 1 to {MaxRowNumber.ToString("N0", CultureInfo.InvariantCulture)} (Excel's limit)");
                    }
                }

                if (rowElements > MaxRowNumber || number > MaxRowNumber)
                {
                    throw Fault(_fileName, $"sheet '{Quoted.Text(sheetName)}' has more than {MaxRowNumber.ToString("N0", CultureInfo.InvariantCulture)} rows (Excel's limit); {Expected}");
                }

                previousRow = number;
                var cells = ReadCells(reader, sheetName, number);
                if (cells.Count == 0)
                {
                    continue;
                }

                rowsWithValues++;
                if (rowsWithValues > maxRows)
                {
                    throw Fault(_fileName, $"sheet '{Quoted.Text(sheetName)}' has more than {maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows holding values (row {number.ToString(CultureInfo.InvariantCulture)} is beyond the limit); expected at most {maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows (docs/formats.md, Limits)");
                }

                onRow(new XlsxRow(number, cells));
            }
        }, required: true);
    }

    /// <summary>The cells of the row element the reader is on, leaving the reader on its end; cells with no value are left out.</summary>
    private List<XlsxCell> ReadCells(XmlReader reader, string sheetName, int rowNumber)
    {
        var cells = new List<XlsxCell>();
        if (reader.IsEmptyElement)
        {
            return cells;
        }

        var depth = reader.Depth;
        var nextColumn = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var column = nextColumn;
            if (reader.GetAttribute("r") is { } reference)
            {
                column = ColumnIndex(reference, sheetName, rowNumber);
            }

            nextColumn = column + 1;
            var type = reader.GetAttribute("t");
            uint? style = uint.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var raw = ReadCellContent(reader, type);
            if (raw is not null)
            {
                cells.Add(new XlsxCell(column, raw, type, style));
            }
        }

        return cells;
    }

    /// <summary>A cell's value (<c>v</c>) or inline string (<c>is</c>); null when it has neither.</summary>
    private string? ReadCellContent(XmlReader reader, string? type)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        string? value = null;
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "v")
            {
                value = ReadText(reader);
            }
            else if (reader.LocalName == "is" && type == "inlineStr")
            {
                value = ReadStringItem(reader);
            }
        }

        return value;
    }

    /// <summary>A string item (<c>si</c> or <c>is</c>): its plain text or its rich-text runs; phonetic guides (<c>rPh</c>) are not part of it.</summary>
    private string ReadStringItem(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var sb = new StringBuilder();
        var depth = reader.Depth;
        var phonetic = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.LocalName == "rPh")
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
                {
                    phonetic++;
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    phonetic--;
                }

                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && phonetic == 0)
            {
                sb.Append(ReadText(reader));
                if (sb.Length > MaxCellCharacters)
                {
                    throw Fault(_fileName, $"holds a string of more than {MaxCellCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters (Excel's limit for a cell); {Expected}");
                }
            }
        }

        return sb.ToString();
    }

    // One buffer for every cell's text: a new one per cell was 8 KB each, 800 MB allocated for a sheet of 100,000 rows.
    private readonly char[] _chunk = new char[4096];

    /// <summary>The text of the element the reader is on, read in chunks and refused beyond Excel's cell limit.</summary>
    private string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var sb = new StringBuilder();
        var depth = reader.Depth;
        var chunk = _chunk;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                continue;
            }

            int n;
            while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                sb.Append(chunk, 0, n);
                if (sb.Length > MaxCellCharacters)
                {
                    throw Fault(_fileName, $"holds a cell of more than {MaxCellCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters (Excel's limit for a cell); {Expected}");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>0-based column of a cell reference such as <c>AB12</c>, refused beyond Excel's last column XFD.</summary>
    private int ColumnIndex(string reference, string sheetName, int rowNumber)
    {
        var n = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            letters++;
            n = (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (letters > 3 || n > MaxColumns)
            {
                throw Fault(_fileName, $"is not a readable XLSX workbook: sheet '{Quoted.Text(sheetName)}' row {rowNumber.ToString(CultureInfo.InvariantCulture)} has a cell '{Quoted.Text(reference)}' beyond column XFD; expected cells within Excel's {MaxColumns.ToString("N0", CultureInfo.InvariantCulture)} columns");
            }
        }

        return Math.Max(0, n - 1);
    }

    private List<(string Name, string RelationshipId)> ReadSheets()
    {
        var sheets = new List<(string, string)>();
        Read(WorkbookPath, MaxOtherPartBytes, "the workbook", reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet")
                {
                    continue;
                }

                var name = reader.GetAttribute("name") ?? "";
                string? id = null;
                for (var i = 0; i < reader.AttributeCount; i++)
                {
                    reader.MoveToAttribute(i);
                    if (reader.LocalName == "id" && reader.NamespaceURI.EndsWith(RelationshipsNamespaceSuffix, StringComparison.Ordinal))
                    {
                        id = reader.Value;
                    }
                }

                reader.MoveToElement();
                if (id is null)
                {
                    throw Fault(_fileName, $"is not a readable XLSX workbook: sheet '{Quoted.Text(name)}' names no part (no r:id); {Expected}");
                }

                sheets.Add((name, id));
            }
        }, required: true);
        return sheets;
    }

    private Dictionary<string, (string Type, string Target)> ReadRelationships(string path, bool required) =>
        ReadRelationships(_zip, _fileName, path, required);

    private static Dictionary<string, (string Type, string Target)> ReadRelationships(ZipArchive zip, string fileName, string path, bool required)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        Read(zip, fileName, path, MaxOtherPartBytes, $"the relationships part '{path}'", reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Type") is { } type && reader.GetAttribute("Target") is { } target)
                {
                    result.TryAdd(id, (type, target));
                }
            }
        }, required);
        return result;
    }

    private void Read(string path, long maxBytes, string what, Action<XmlReader> read, bool required) =>
        Read(_zip, _fileName, path, maxBytes, what, read, required);

    /// <summary>Reads one part as XML: no DTD, no external resources, at most <paramref name="maxBytes"/> uncompressed.</summary>
    private static void Read(ZipArchive zip, string fileName, string path, long maxBytes, string what, Action<XmlReader> read, bool required)
    {
        var entry = zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            if (required)
            {
                throw Fault(fileName, $"is not a readable XLSX workbook: the part '{Quoted.Text(path)}' ({what}) is missing; {Expected}");
            }

            return;
        }

        var tooLarge = () => Fault(fileName,
            $"{what} ('{Quoted.Text(path)}') is more than {(maxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB uncompressed, more than any workbook GoldenThread reads holds; {Expected} (docs/formats.md, Limits)");
        if (entry.Length > maxBytes)
        {
            throw tooLarge();
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var raw = entry.Open();
            using var limited = new LimitedStream(raw, maxBytes, tooLarge);
            using var reader = XmlReader.Create(limited, settings);
            read(reader);
        }
        catch (XmlException ex)
        {
            var problem = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "declares a DTD, which no workbook from Excel or LibreOffice does"
                : $"is not well-formed XML (line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}, position {ex.LinePosition.ToString(CultureInfo.InvariantCulture)})";
            throw Fault(fileName, $"is not a readable XLSX workbook: {what} ('{Quoted.Text(path)}') {problem}; {Expected}");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            throw Fault(fileName, $"is not a readable XLSX workbook: {what} ('{Quoted.Text(path)}') cannot be unpacked (a damaged zip entry); {Expected}");
        }
    }

    private static InputException Fault(string fileName, string message) => new(new InputError(fileName, null, null, message));

    private static string DirectoryOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..(i + 1)] : "";

    private static string RelationshipsPathOf(string partPath) => DirectoryOf(partPath) + "_rels/" + partPath[(partPath.LastIndexOf('/') + 1)..] + ".rels";

    /// <summary>A relationship's target as a path in the zip: absolute (<c>/xl/…</c>) or relative to the source part's folder, with <c>..</c> resolved.</summary>
    private static string Resolve(string folder, string target)
    {
        var combined = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in combined.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
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

    /// <summary>A read-only stream that stops with the caller's error once more than its limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit, Func<Exception> exceeded) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit)
            {
                throw exceeded();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
