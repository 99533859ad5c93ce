using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Reporting;

/// <summary>
/// Writes the dashboard as an Excel workbook: a "Dashboard" sheet (title, overview sentences, then one row per measure
/// with a Theme column so the autofilter can pick themes), a "Reasons" sheet (every judgement and its reason) and a
/// "Trend" sheet (every trend point). Figures are numeric cells with the measure's decimal places.
/// </summary>
/// <remarks>
/// Percentages are stored as the percentage number (12.55, shown as 12.55% by the format <c>0.00"%"</c>), so a cell's
/// value equals the value in the JSON and in the plan's data, rather than Excel's fraction convention (0.1255).
/// </remarks>
public static class DashboardXlsxRenderer
{
    public const string DashboardSheetName = "Dashboard";
    public const string ReasonsSheetName = "Reasons";
    public const string TrendSheetName = "Trend";

    /// <summary>The Dashboard sheet's columns, in order; the header row holds exactly these.</summary>
    public static IReadOnlyList<string> DashboardColumns { get; } =
    [
        "Theme", "Measure ID", "Measure", "Updated", "Latest period", "Value", "Value as reported", "Numerator", "Denominator",
        "Status", "Previous period", "Previous value", "Better or worse than previous", "RAG", "National quartile (1 = top)",
        "National rank", "Councils ranked", "Statistical neighbour average", "Compared with statistical neighbours", "England",
        "Region", "Target", "Target year", "Supplied", "Outcome", "Note",
    ];

    private static readonly double[] DashboardWidthsChars =
    [
        28, 12, 60, 9, 13, 11, 16, 11, 12, 11, 13, 11, 22, 11, 12, 9, 9, 14, 16, 11, 11, 22, 11, 22, 40, 40,
    ];

    public static void Render(Dashboard dashboard, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(stream);

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        document.CompressionOption = OpenXmlOutput.Compression;
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = new StyleRegistry();
        var strings = new SharedStrings();

        var dashboardSheet = BuildDashboardSheet(dashboard, styles, strings, out var headerRowIndex, out var lastRowIndex);
        var reasonsSheet = BuildReasonsSheet(dashboard, styles, strings);
        var trendSheet = BuildTrendSheet(dashboard, styles, strings);

        var sheets = new Sheets();
        uint sheetId = 1;
        foreach (var (name, (worksheet, rows)) in new[] { (DashboardSheetName, dashboardSheet), (ReasonsSheetName, reasonsSheet), (TrendSheetName, trendSheet) })
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            rows.Save(part, worksheet);
            sheets.Append(new Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(part) });
        }

        workbookPart.Workbook.Append(sheets);

        // Excel keeps an autofilter's range in this hidden name; without it some versions "repair" the file.
        var lastColumn = ColumnName(DashboardColumns.Count);
        workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{DashboardSheetName}'!$A${headerRowIndex}:${lastColumn}${lastRowIndex}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = 0,
            Hidden = true,
        }));

        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = styles.Build();
        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        stringsPart.SharedStringTable = strings.Build();
        workbookPart.Workbook.Save();
    }

    private static (Worksheet, RowBuilder) BuildDashboardSheet(
        Dashboard d, StyleRegistry styles, SharedStrings strings, out uint headerRowIndex, out uint lastRowIndex)
    {
        var rows = new RowBuilder(strings);
        var title = $"{d.PlanName}: performance dashboard, {d.ReportingPeriod.Label}";
        rows.Next().Text(title, styles.Title);

        var context = new List<string> { d.LaNumber is { } la ? $"{d.CouncilName} (LA {la.ToString(CultureInfo.InvariantCulture)})" : d.CouncilName };
        if (d.RegionName is { } region)
        {
            context.Add($"Region: {region}");
        }

        context.Add($"Reporting period: {d.ReportingPeriod.Label}");
        if (d.PreviousReportingPeriod is { } prev)
        {
            context.Add($"Previous report: {prev.Label}");
        }

        rows.Next().Text(string.Join(". ", context) + ".", styles.Plain);
        foreach (var sentence in d.Overview.Sentences)
        {
            rows.Next().Text(sentence, styles.Plain);
        }

        if (d.DisclosureNote is { } note)
        {
            rows.Next().Text(note, styles.Plain);
        }

        rows.Next().Text(
            $"{DashboardFormatting.MissingMark} means no figure (missing, suppressed or not applicable). " +
            "The Supplied column names the figures and judgements that come from the council's own data rather than being computed " +
            "(benchmarks not from all councils' published data; judgements whose inputs the data does not give). " +
            "Reasons for every judgement are on the Reasons sheet; trend points on the Trend sheet.", styles.Plain);
        rows.Next();

        var header = rows.Next();
        headerRowIndex = header.Index;
        foreach (var column in DashboardColumns)
        {
            header.Text(column, styles.Header);
        }

        foreach (var section in d.Sections)
        {
            foreach (var row in section.Rows)
            {
                WriteDashboardRow(rows.Next(), section, row, styles);
            }
        }

        lastRowIndex = rows.LastIndex;

        var lastColumn = ColumnName(DashboardColumns.Count);
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = headerRowIndex,
                    TopLeftCell = $"A{headerRowIndex + 1}",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRowIndex + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRowIndex + 1}" } })
            { WorkbookViewId = 0 }),
            Columns(DashboardWidthsChars),
            rows.Data,
            new AutoFilter { Reference = $"A{headerRowIndex}:{lastColumn}{lastRowIndex}" },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.4, Bottom = 0.4, Header = 0.2, Footer = 0.2 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return (worksheet, rows);
    }

    private static void WriteDashboardRow(RowBuilder.Row r, DashboardSection section, DashboardRow row, StyleRegistry styles)
    {
        var m = row.Measure;
        var number = styles.Number(m);
        r.Text(section.ThemeTitle, styles.Wrapped);
        r.Text(m.Id, styles.Plain);
        r.Text(m.Title, styles.Wrapped);
        r.Text(DashboardFormatting.UpdatedFlag(row.Updated), styles.Plain);
        r.Text(DashboardFormatting.PeriodText(row), styles.Plain);
        r.Number(row.Value, number);
        r.Text(row.ValueText, styles.Plain);
        r.Number(row.Numerator, styles.General);
        r.Number(row.Denominator, styles.General);
        r.Text(DashboardFormatting.StatusKey(row.Status) ?? DashboardFormatting.MissingMark, styles.Plain);
        r.Text(row.PreviousPeriod?.Label ?? DashboardFormatting.MissingMark, styles.Plain);
        r.Number(row.PreviousValue, number);
        r.Text(DashboardFormatting.DirectionWords(row.Direction.Outcome), styles.Plain);
        r.Text(DashboardFormatting.RagWords(row.Rag.Outcome), styles.Rag(row.Rag.Outcome));
        r.Number(row.Quartile, styles.General);
        r.Number(row.Rank, styles.General);
        r.Number(row.RankedCount, styles.General);
        r.Number(row.StatisticalNeighbourAverage?.Value, number);
        r.Text(DashboardFormatting.ComparisonWords(row.StatisticalNeighbourComparison.Outcome), styles.Plain);
        r.Number(row.England?.Value, number);
        r.Number(row.Region?.Value, number);
        r.Text(row.TargetText ?? DashboardFormatting.MissingMark, styles.Plain);
        r.Text(row.TargetYear?.Label ?? DashboardFormatting.MissingMark, styles.Plain);
        r.Text(SuppliedFigures(row), styles.Plain);
        r.Text(row.OutcomeTitle, styles.Plain);
        r.Text(row.Note ?? "", styles.Plain);
    }

    private static string SuppliedFigures(DashboardRow row) => string.Join(", ", DashboardFormatting.SuppliedItems(row));

    private static (Worksheet, RowBuilder) BuildReasonsSheet(Dashboard d, StyleRegistry styles, SharedStrings strings)
    {
        var rows = new RowBuilder(strings);
        var header = rows.Next();
        foreach (var c in new[] { "Measure ID", "Measure", "Judgement", "Outcome", "Method", "Reason" })
        {
            header.Text(c, styles.Header);
        }

        foreach (var row in d.Rows)
        {
            foreach (var (judgement, outcome, method, reason) in DashboardFormatting.Reasons(row))
            {
                var r = rows.Next();
                r.Text(row.Measure.Id, styles.Plain);
                r.Text(row.Measure.Title, styles.Plain);
                r.Text(judgement, styles.Plain);
                r.Text(outcome, styles.Plain);
                r.Text(method, styles.Plain);
                r.Text(reason, styles.Wrapped);
            }
        }

        return (SimpleSheet(rows.Data, [12, 50, 22, 22, 14, 90], rows.LastIndex, 6), rows);
    }

    private static (Worksheet, RowBuilder) BuildTrendSheet(Dashboard d, StyleRegistry styles, SharedStrings strings)
    {
        var rows = new RowBuilder(strings);
        var header = rows.Next();
        foreach (var c in new[] { "Measure ID", "Measure", "Period", "Value" })
        {
            header.Text(c, styles.Header);
        }

        foreach (var row in d.Rows)
        {
            var number = styles.Number(row.Measure);
            foreach (var point in row.Trend)
            {
                var r = rows.Next();
                r.Text(row.Measure.Id, styles.Plain);
                r.Text(row.Measure.Title, styles.Plain);
                r.Text(point.Period.Label, styles.Plain);
                r.Number(point.Value, number);
            }
        }

        return (SimpleSheet(rows.Data, [12, 60, 16, 12], rows.LastIndex, 4), rows);
    }

    // A sheet whose first row is its header: frozen, filtered.
    private static Worksheet SimpleSheet(SheetData data, double[] widthsChars, uint lastRowIndex, int columnCount) =>
        new(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }),
            Columns(widthsChars),
            data,
            new AutoFilter { Reference = $"A1:{ColumnName(columnCount)}{Math.Max(lastRowIndex, 1)}" });

    internal static Columns Columns(double[] widthsChars)
    {
        var columns = new Columns();
        for (var i = 0; i < widthsChars.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widthsChars[i], CustomWidth = true });
        }

        return columns;
    }

    /// <summary>1 gives A, 26 Z, 27 AA.</summary>
    internal static string ColumnName(int oneBasedIndex)
    {
        var name = "";
        for (var n = oneBasedIndex; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The Excel number format for a measure's values: its decimal places, a % sign after a percentage, £ before money.</summary>
    public static string NumberFormatCode(Measure measure)
    {
        var decimals = measure.DecimalPlaces > 0 ? "." + new string('0', measure.DecimalPlaces) : "";
        return measure.Unit.Kind switch
        {
            UnitKind.Percentage => $"0{decimals}\"%\"",
            UnitKind.Currency => $"\"£\"#,##0{decimals}",
            _ => $"#,##0{decimals}",
        };
    }

    /// <summary>
    /// A sheet's rows, kept as plain cells and written straight into the sheet's part as XML (<see cref="Save"/>), rather
    /// than built as the Open XML SDK's element tree and serialised from it: the tree was most of a workbook's time and
    /// garbage (docs/benchmarks.md, issue 13). The worksheet's other elements stay elements; <see cref="Data"/> is the
    /// empty <see cref="SheetData"/> placed among them, where the rows go.
    /// </summary>
    internal sealed class RowBuilder(SharedStrings strings)
    {
        private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private readonly List<(uint Index, List<CellSpec> Cells)> rows = [];

        public uint LastIndex { get; private set; }

        /// <summary>The empty sheet data the worksheet holds, in whose place <see cref="Save"/> writes the rows.</summary>
        public SheetData Data { get; } = new();

        public Row Next()
        {
            LastIndex++;
            var cells = new List<CellSpec>();
            rows.Add((LastIndex, cells));
            return new Row(cells, LastIndex, strings);
        }

        /// <summary>Writes <paramref name="worksheet"/> into <paramref name="part"/>, with the rows in place of <see cref="Data"/>.</summary>
        public void Save(WorksheetPart part, Worksheet worksheet)
        {
            if (Data.HasChildren || !worksheet.ChildElements.Contains(Data))
            {
                throw new InvalidOperationException("The worksheet must hold this builder's sheet data, empty.");
            }

            using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
            using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("x", "worksheet", Main);
            foreach (var child in worksheet.ChildElements)
            {
                if (ReferenceEquals(child, Data))
                {
                    WriteRows(xml);
                }
                else
                {
                    child.WriteTo(xml);
                }
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        private void WriteRows(XmlWriter xml)
        {
            var invariant = CultureInfo.InvariantCulture;
            xml.WriteStartElement("x", "sheetData", Main);
            foreach (var (index, cells) in rows)
            {
                var rowNumber = index.ToString(invariant);
                xml.WriteStartElement("x", "row", Main);
                xml.WriteAttributeString("r", rowNumber);
                foreach (var cell in cells)
                {
                    xml.WriteStartElement("x", "c", Main);
                    xml.WriteAttributeString("r", ColumnName(cell.Column) + rowNumber);
                    xml.WriteAttributeString("s", cell.Style.ToString(invariant));
                    if (cell.Value is { } value)
                    {
                        xml.WriteAttributeString("t", cell.Shared ? "s" : "n");
                        xml.WriteElementString("x", "v", Main, value);
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        /// <summary>A cell: a shared string's index or a number as text (none for an empty styled cell).</summary>
        internal readonly record struct CellSpec(int Column, bool Shared, string? Value, uint Style);

        public sealed class Row(List<CellSpec> cells, uint index, SharedStrings strings)
        {
            public uint Index => index;

            public Row Text(string text, uint style)
            {
                cells.Add(new CellSpec(cells.Count + 1, true, strings.IndexOf(text).ToString(CultureInfo.InvariantCulture), style));
                return this;
            }

            /// <summary>A numeric cell; an empty styled cell when there is no (finite) figure, so filters see a blank.</summary>
            public Row Number(double? value, uint style)
            {
                var text = value is { } v && double.IsFinite(v)
                    ? GoldenThread.Core.Measures.MeasureUnit.Clean(v).ToString("R", CultureInfo.InvariantCulture)
                    : null;
                cells.Add(new CellSpec(cells.Count + 1, false, text, style));
                return this;
            }

            public Row Number(int? value, uint style) => Number(value is { } v ? (double)v : null, style);
        }
    }

    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];

        public int IndexOf(string text)
        {
            if (!indexes.TryGetValue(text, out var i))
            {
                i = texts.Count;
                texts.Add(text);
                indexes[text] = i;
            }

            return i;
        }

        public SharedStringTable Build()
        {
            var table = new SharedStringTable { Count = (uint)texts.Count, UniqueCount = (uint)texts.Count };
            foreach (var t in texts)
            {
                table.Append(new SharedStringItem(new Text(t) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return table;
        }
    }

    /// <summary>Cell formats, made on demand so every measure's decimal places get their own number format.</summary>
    internal sealed class StyleRegistry
    {
        // Fonts: 0 body, 1 bold, 2 title, 3 bold white (on red and green fills).
        // Fills: 0 none and 1 gray125 (both required by Excel), 2 red, 3 amber, 4 green, 5 grey (no rating), 6 header.
        // Same colours and contrast as the HTML tags: white on D4351C, black on F47738, white on 00703C.
        private readonly List<(uint NumFmtId, uint FontId, uint FillId, bool Wrap)> formats = [];
        private readonly Dictionary<string, uint> customNumberFormats = new(StringComparer.Ordinal);

        public StyleRegistry()
        {
            General = Get(0, 0, 0, false); // index 0 is the default format
            Plain = General;
            Wrapped = Get(0, 0, 0, true);
            Header = Get(0, 1, 6, true);
            Title = Get(0, 2, 0, false);
            Bold = Get(0, 1, 0, false);
            Group = Get(0, 1, 5, false);
        }

        public uint Bold { get; }

        /// <summary>A theme's or outcome's heading row: bold on grey.</summary>
        public uint Group { get; }

        public uint General { get; }
        public uint Plain { get; }
        public uint Wrapped { get; }
        public uint Header { get; }
        public uint Title { get; }

        public uint Rag(Rag rag) => rag switch
        {
            Core.Judgements.Rag.Red => Get(0, 3, 2, false),
            Core.Judgements.Rag.Amber => Get(0, 1, 3, false),
            Core.Judgements.Rag.Green => Get(0, 3, 4, false),
            _ => Get(0, 0, 5, false),
        };

        public uint Number(Measure measure) => Custom(NumberFormatCode(measure));

        /// <summary>
        /// An Excel percentage (the cell holds 0.1255 and shows 12.55%) for a percentage measure; the measure's own
        /// format otherwise (<see cref="Number(Measure)"/>).
        /// </summary>
        public uint Fraction(Measure measure) => measure.Unit.Kind == UnitKind.Percentage
            ? Percent(measure.DecimalPlaces)
            : Number(measure);

        /// <summary>An Excel percentage shown with the given decimal places (0.202 as 20.2%).</summary>
        public uint Percent(int decimalPlaces) =>
            Custom(decimalPlaces > 0 ? "0." + new string('0', decimalPlaces) + "%" : "0%");

        private uint Custom(string code)
        {
            if (!customNumberFormats.TryGetValue(code, out var id))
            {
                id = 164 + (uint)customNumberFormats.Count; // ids below 164 are Excel's built-in formats
                customNumberFormats[code] = id;
            }

            return Get(id, 0, 0, false);
        }

        private uint Get(uint numFmtId, uint fontId, uint fillId, bool wrap)
        {
            var key = (numFmtId, fontId, fillId, wrap);
            var i = formats.IndexOf(key);
            if (i < 0)
            {
                formats.Add(key);
                i = formats.Count - 1;
            }

            return (uint)i;
        }

        public Stylesheet Build()
        {
            var stylesheet = new Stylesheet();
            if (customNumberFormats.Count > 0)
            {
                var numberingFormats = new NumberingFormats { Count = (uint)customNumberFormats.Count };
                foreach (var (code, id) in customNumberFormats)
                {
                    numberingFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
                }

                stylesheet.Append(numberingFormats);
            }

            static Font MakeFont(bool bold, double sizePt, string? rgb)
            {
                var font = new Font();
                if (bold)
                {
                    font.Append(new Bold());
                }

                font.Append(new FontSize { Val = sizePt });
                if (rgb is not null)
                {
                    font.Append(new Color { Rgb = rgb });
                }

                font.Append(new FontName { Val = "Arial" });
                font.Append(new FontFamilyNumbering { Val = 2 });
                return font;
            }

            stylesheet.Append(new Fonts(
                MakeFont(false, 10, null),
                MakeFont(true, 10, null),
                MakeFont(true, 14, null),
                MakeFont(true, 10, "FFFFFFFF"))
            { Count = 4 });

            static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 })
            { PatternType = PatternValues.Solid });

            stylesheet.Append(new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD4351C"),
                Solid("FFF47738"),
                Solid("FF00703C"),
                Solid("FFEEEFEF"),
                Solid("FFF3F2F1"))
            { Count = 7 });

            stylesheet.Append(new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()))
            { Count = 1 });
            stylesheet.Append(new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });

            var cellFormats = new CellFormats { Count = (uint)formats.Count };
            foreach (var (numFmtId, fontId, fillId, wrap) in formats)
            {
                var format = new CellFormat
                {
                    NumberFormatId = numFmtId,
                    FontId = fontId,
                    FillId = fillId,
                    BorderId = 0,
                    FormatId = 0,
                    ApplyNumberFormat = numFmtId != 0,
                    ApplyFont = fontId != 0,
                    ApplyFill = fillId != 0,
                };
                if (wrap)
                {
                    format.ApplyAlignment = true;
                    format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
                }

                cellFormats.Append(format);
            }

            stylesheet.Append(cellFormats);
            stylesheet.Append(new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
            return stylesheet;
        }
    }
}
