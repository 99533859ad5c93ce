using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Reporting.CommitteeReport;

namespace GoldenThread.Reporting;

/// <summary>
/// Writes the quarterly performance report to the Overview and Scrutiny Committee as a Word document (.docx), in the
/// shape of the Q3 2015/16 report: numbered paragraphs under "Purpose of the report", "Background", "Overview" and a
/// heading per theme, then the dashboard as Appendix A on landscape pages.
/// </summary>
/// <remarks>
/// Uses Word's own styles (Title, Subtitle, Heading 1, Heading 2) so the navigation pane, a table of contents and
/// screen readers see the structure, and one numbering definition for every numbered paragraph, so paragraphs can be
/// inserted or moved in Word and renumber themselves (the numbers are never typed). RAG cells are shaded and carry the
/// word: the report is printed in black and white as often as not. Paragraphs about measures come from
/// <see cref="MeasureSentences"/>; nothing here reads a judgement's reason.
/// </remarks>
public static class CommitteeReportDocxRenderer
{
    private const int NumberedListId = 1;
    private const int BulletListId = 2;

    // A4 in twentieths of a point; 2 cm margins in portrait, 1.5 cm in landscape where the table needs the width.
    private const int A4ShortTwips = 11906;
    private const int A4LongTwips = 16838;
    private const int PortraitMarginTwips = 1134;
    private const int LandscapeMarginTwips = 850;

    private static readonly (string Header, int WidthTwips)[] Columns =
    [
        ("Measure", 4200),
        ("Updated", 850),
        ("Latest period", 1050),
        ("Current value", 1300),
        ("Better or worse than previous", 1500),
        ("RAG", 1050),
        ("National quartile (1 = top)", 1050),
        ("Statistical neighbours", 1350),
        ("England", 1050),
        ("Target", 1700),
    ];

    public static void Render(Dashboard dashboard, Stream stream) => Render(dashboard, stream, 5);

    /// <param name="dashboard">The dashboard as published (after disclosure control).</param>
    /// <param name="stream">Where the .docx is written.</param>
    /// <param name="suppressionThresholdCount">The largest count disclosure control withheld, for the wording of withheld figures.</param>
    public static void Render(Dashboard dashboard, Stream stream, int suppressionThresholdCount)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(stream);

        using var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        doc.CompressionOption = OpenXmlOutput.Compression;
        var title = $"{dashboard.PlanName}: performance report, {dashboard.ReportingPeriod.Label}";
        doc.PackageProperties.Title = title;
        doc.PackageProperties.Creator = dashboard.CouncilName;
        doc.PackageProperties.Subject = "Report to the Overview and Scrutiny Committee";

        var main = doc.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new ThemeFontLanguages { Val = "en-GB" });

        var body = new Body();
        WriteReport(body, dashboard, title, suppressionThresholdCount);
        WriteAppendix(body, dashboard);
        main.Document = new Document(body);
        main.Document.Save();
    }

    // ---- the report ---------------------------------------------------------------------------------------------

    private static void WriteReport(Body body, Dashboard d, string title, int threshold)
    {
        body.Append(Para("Title", title));
        body.Append(Para("Subtitle", d.CouncilName));
        body.Append(Para("Subtitle", "Report to the Overview and Scrutiny Committee"));

        body.Append(Para("Heading1", "Purpose of the report"));
        body.Append(Numbered(
            $"The purpose of this report is to present the Committee with the performance of the {d.PlanName} at the end of {d.ReportingPeriod.Label}."));

        body.Append(Para("Heading1", "Background"));
        body.Append(Numbered(
            $"The report is based on the set of performance measures in the {d.PlanName}. The overall performance dashboard is attached as Appendix A."));
        body.Append(Numbered(SourcesSentence(d)));

        body.Append(Para("Heading1", "Overview"));
        if (d.Overview.Sentences.Count == 0)
        {
            body.Append(Numbered("No measures have data for this period."));
        }

        foreach (var sentence in d.Overview.Sentences)
        {
            body.Append(Numbered(sentence));
        }

        body.Append(Para("Heading1", "Performance by theme"));
        foreach (var section in d.Sections)
        {
            body.Append(Para("Heading2", section.ThemeTitle));
            var paragraphs = section.Rows.Select(r => MeasureSentences.Describe(r, threshold)).OfType<string>().ToList();
            if (paragraphs.Count == 0)
            {
                paragraphs.Add(section.Rows.Count == 0
                    ? "There are no measures in this theme."
                    : "No measure in this theme is rated Red or Green, has improved or declined, is in the top or fourth quartile, " +
                      "or differs from its statistical neighbours this period. The figures are in Appendix A.");
            }

            foreach (var p in paragraphs)
            {
                body.Append(Numbered(p));
            }
        }

        if (MeasureSentences.AwaitingData(d.Rows.ToList()) is { } awaiting)
        {
            body.Append(Para("Heading2", "Measures awaiting data"));
            body.Append(Numbered(awaiting));
        }

        if (d.DisclosureNote is not null)
        {
            body.Append(Para("Heading1", "Small numbers"));
            body.Append(Numbered(
                $"Figures that rest on fewer than {MeasureSentences.NumberWords(threshold + 1)} children are withheld from this report and its appendix so that no child can be identified; their ratings are still given."));
        }

        body.Append(Para("Heading1", "List of appendices"));
        body.Append(Para(null, $"Appendix A \u2013 {d.PlanName} performance dashboard for {d.ReportingPeriod.Label}"));

        // The portrait section ends here; the appendix starts a landscape one on a new page.
        var end = new Paragraph(new ParagraphProperties(Section(landscape: false)));
        body.Append(end);
    }

    /// <summary>
    /// Where the figures come from, saying only what the dashboard records: how many measures LAIT publishes, how many
    /// are derived from statutory returns, and how many benchmarks were computed or supplied.
    /// </summary>
    internal static string SourcesSentence(Dashboard d)
    {
        var withFigure = d.Rows.Where(r => r.Value is not null || r.Suppressed).ToList();
        var parts = new List<string> { "Figures come from the council's own data" };
        var fromReturns = withFigure.Count(r => r.Measure.ReturnMeasureId is not null);
        if (fromReturns > 0)
        {
            parts.Add($"from its statutory returns (SSDA903 and the Children in Need census) for {Measures(fromReturns)}");
        }

        var inLait = withFigure.Count(r => r.Measure.LaitCode is not null);
        if (inLait > 0)
        {
            parts.Add($"from the Department for Education's published data (LAIT) for {Measures(inLait)} where the council's own data has no figure");
        }

        var text = (parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]) + ".";

        var benchmarks = d.Rows
            .SelectMany(r => new[] { r.QuartileProvenance, r.StatisticalNeighbourAverage?.Provenance, r.England?.Provenance })
            .OfType<Provenance>()
            .ToList();
        var computed = benchmarks.Count(p => p == Provenance.Computed);
        var supplied = benchmarks.Count(p => p == Provenance.Supplied);
        if (computed + supplied == 0)
        {
            return text + " No national or statistical neighbour benchmarks are available for these measures.";
        }

        string Figures(int n) => n == 1 ? "one figure" : $"{MeasureSentences.NumberWords(n)} figures";
        var benchmarkText = (computed, supplied) switch
        {
            (> 0, 0) => $" National quartiles, statistical neighbour averages and England figures ({Figures(computed)}) are computed from the published data for all councils.",
            (0, > 0) => $" National quartiles, statistical neighbour averages and England figures ({Figures(supplied)}) were supplied with the council's own data (marked {DashboardFormatting.SuppliedMark} in Appendix A).",
            _ => $" Of the national quartiles, statistical neighbour averages and England figures, {Figures(computed)} are computed from the published data for all councils and {Figures(supplied)} were supplied with the council's own data (marked {DashboardFormatting.SuppliedMark} in Appendix A).",
        };
        return text + benchmarkText;
    }

    private static string Measures(int n) => n == 1 ? "one measure" : $"{MeasureSentences.NumberWords(n)} measures";

    // ---- Appendix A ---------------------------------------------------------------------------------------------

    internal static void WriteAppendix(Body body, Dashboard d, bool lastSection = true)
    {
        body.Append(Para("Heading1", $"Appendix A: {d.PlanName} performance dashboard, {d.ReportingPeriod.Label}"));
        body.Append(Para(null, d.LaNumber is { } la
            ? $"{d.CouncilName} (LA {la.ToString(CultureInfo.InvariantCulture)}){(d.RegionName is { } r ? ", " + r : "")}. Reporting period {d.ReportingPeriod.Label}{(d.PreviousReportingPeriod is { } pp ? "; previous report " + pp.Label : "")}."
            : $"{d.CouncilName}. Reporting period {d.ReportingPeriod.Label}{(d.PreviousReportingPeriod is { } pp2 ? "; previous report " + pp2.Label : "")}."));

        body.Append(DashboardTable(d));

        if (d.DisclosureNote is { } note)
        {
            body.Append(Para("Note", note));
        }

        body.Append(Para("Heading2", "Key"));
        foreach (var rag in new[] { Rag.Green, Rag.Amber, Rag.Red, Rag.None })
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" }));
            p.Append(RagRun(rag), TextRun(" " + DashboardFormatting.RagMeaning(rag)));
            body.Append(p);
        }

        body.Append(KeyLine(DashboardFormatting.MissingMark, DashboardFormatting.MissingMeaning, superscript: false));
        body.Append(KeyLine(DashboardFormatting.SuppliedMark, DashboardFormatting.SuppliedMeaning, superscript: true));
        body.Append(KeyLine(DashboardFormatting.ProvisionalMark, DashboardFormatting.ProvisionalMeaning, superscript: true));
        body.Append(KeyLine("Quartile", DashboardFormatting.QuartileMeaning, superscript: false));
        body.Append(KeyLine("Updated", "Y when the measure has data newer than at the previous report, N when not", superscript: false));

        // The document's last section is the body's own; one followed by more ends in its last paragraph.
        body.Append(lastSection ? Section(landscape: true) : new Paragraph(new ParagraphProperties(Section(landscape: true))));
    }

    private static Paragraph KeyLine(string mark, string meaning, bool superscript)
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" }));
        p.Append(TextRun(mark, bold: true, superscript: superscript), TextRun(" " + meaning));
        return p;
    }

    internal static Table DashboardTable(Dashboard d)
    {
        var table = new Table();
        table.Append(new TableProperties(
            new TableStyle { Val = "DashboardTable" },
            new TableWidth { Width = Columns.Sum(c => c.WidthTwips).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            // Only the 2007 form of tblLook (and no tblCaption, which is Word 2010's): the file then validates, and
            // opens, against the oldest schema Word still reads; the heading above the table names it instead.
            new TableLook { Val = "04A0" }));

        var grid = new TableGrid();
        foreach (var (_, width) in Columns)
        {
            grid.Append(new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var (text, width) in Columns)
        {
            header.Append(Cell(width, [CellPara(TextRun(text, bold: true, color: "FFFFFF"))], fill: "0B0C0C"));
        }

        table.Append(header);

        foreach (var section in d.Sections)
        {
            var themeRow = new TableRow(new TableRowProperties(new CantSplit()));
            var themeCell = Cell(Columns.Sum(c => c.WidthTwips), [CellPara(TextRun(section.ThemeTitle, bold: true), keepNext: true)], fill: "DEE0E2");
            themeCell.TableCellProperties!.InsertAfter(new GridSpan { Val = Columns.Length }, themeCell.TableCellProperties.TableCellWidth);
            themeRow.Append(themeCell);
            table.Append(themeRow);

            if (section.Rows.Count == 0)
            {
                var emptyRow = new TableRow(new TableRowProperties(new CantSplit()));
                var emptyCell = Cell(Columns.Sum(c => c.WidthTwips), [CellPara(TextRun("No measures in this theme."))]);
                emptyCell.TableCellProperties!.InsertAfter(new GridSpan { Val = Columns.Length }, emptyCell.TableCellProperties.TableCellWidth);
                emptyRow.Append(emptyCell);
                table.Append(emptyRow);
            }

            foreach (var row in section.Rows)
            {
                table.Append(MeasureRow(row));
            }
        }

        return table;
    }

    private static TableRow MeasureRow(DashboardRow row)
    {
        var m = row.Measure;
        var tr = new TableRow(new TableRowProperties(new CantSplit()));
        var w = Columns.Select(c => c.WidthTwips).ToArray();

        tr.Append(Cell(w[0], [CellPara(TextRun(m.Title), TextRun(" " + m.Id, color: "505A5F", sizeHalfPoints: 14))]));
        tr.Append(Cell(w[1], [CellPara(TextRun(DashboardFormatting.UpdatedFlag(row.Updated)))]));
        tr.Append(Cell(w[2], [CellPara(TextRun(DashboardFormatting.PeriodText(row, shortLabel: true)))]));

        var value = CellPara();
        if (row.Value is not null || row.Suppressed)
        {
            value.Append(TextRun(row.ValueText, bold: true));
            if (row.Status == ValueStatus.Provisional && !row.Suppressed)
            {
                value.Append(TextRun(DashboardFormatting.ProvisionalMark, superscript: true));
            }
        }
        else
        {
            value.Append(TextRun(DashboardFormatting.MissingMark + " " + row.ValueText, color: "505A5F"));
        }

        tr.Append(Cell(w[3], [value]));
        var direction = CellPara(TextRun(DashboardFormatting.DirectionWords(row.Direction.Outcome)));
        if (row.Direction.Method == JudgementMethod.Supplied)
        {
            direction.Append(TextRun(DashboardFormatting.SuppliedMark, superscript: true));
        }

        tr.Append(Cell(w[4], [direction]));

        var (fill, textColour) = RagColours(row.Rag.Outcome);
        var rag = CellPara(RagRun(row.Rag.Outcome));
        if (row.Rag.Method == JudgementMethod.Supplied)
        {
            rag.Append(TextRun(DashboardFormatting.SuppliedMark, superscript: true, color: textColour));
        }

        tr.Append(Cell(w[5], [rag], fill));

        var quartile = CellPara(TextRun(DashboardFormatting.QuartileText(row.Quartile)));
        if (row.Quartile is not null && row.QuartileProvenance == Provenance.Supplied)
        {
            quartile.Append(TextRun(DashboardFormatting.SuppliedMark, superscript: true));
        }

        tr.Append(Cell(w[6], [quartile]));

        var neighbours = new List<Paragraph> { SourcedPara(m, row.StatisticalNeighbourAverage) };
        if (row.StatisticalNeighbourComparison.Outcome != Comparison.NotAvailable)
        {
            neighbours.Add(CellPara(TextRun(DashboardFormatting.ComparisonWords(row.StatisticalNeighbourComparison.Outcome), color: "505A5F", sizeHalfPoints: 14)));
        }

        tr.Append(Cell(w[7], neighbours));
        tr.Append(Cell(w[8], [SourcedPara(m, row.England)]));
        tr.Append(Cell(w[9], [CellPara(TextRun(DashboardFormatting.TargetText(row)))]));
        return tr;
    }

    private static Paragraph SourcedPara(Measure m, Sourced? figure)
    {
        var p = CellPara(TextRun(DashboardFormatting.Figure(m, figure?.Value)));
        if (figure is { Provenance: Provenance.Supplied } f && double.IsFinite(f.Value))
        {
            p.Append(TextRun(DashboardFormatting.SuppliedMark, superscript: true));
        }

        return p;
    }

    internal static Run RagRun(Rag rag)
    {
        var (fill, text) = RagColours(rag);
        var run = TextRun(" " + DashboardFormatting.RagWords(rag) + " ", bold: true, color: text);
        // In the key the word sits in running text, so the run itself carries the fill; in the table the cell does.
        run.RunProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        return run;
    }

    // The GOV.UK colours the HTML and the workbook use, each with a text colour of at least 4.5:1 contrast.
    private static (string Fill, string Text) RagColours(Rag rag) => rag switch
    {
        Rag.Red => ("D4351C", "FFFFFF"),
        Rag.Amber => ("F47738", "0B0C0C"),
        Rag.Green => ("00703C", "FFFFFF"),
        _ => ("EEEFEF", "0B0C0C"),
    };

    // ---- building blocks ----------------------------------------------------------------------------------------

    internal static Paragraph Para(string? style, string text)
    {
        var p = new Paragraph();
        if (style is not null)
        {
            p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        p.Append(TextRun(text));
        return p;
    }

    internal static Paragraph Numbered(string text) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "NumberedParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = NumberedListId })),
        TextRun(text));

    /// <summary>An item of a bulleted list (a Word list, so a screen reader announces it as one).</summary>
    internal static Paragraph Bullet(string text) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "Normal" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletListId })),
        TextRun(text));

    internal static Paragraph CellPara(params Run[] runs) => CellPara(false, runs);

    internal static Paragraph CellPara(Run run, bool keepNext) => CellPara(keepNext, run);

    internal static Paragraph CellPara(bool keepNext, params Run[] runs)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
        if (keepNext)
        {
            props.Append(new KeepNext());
        }

        var p = new Paragraph(props);
        p.Append(runs);
        return p;
    }

    internal static Run TextRun(string text, bool bold = false, bool superscript = false, string? color = null, int? sizeHalfPoints = null)
    {
        var props = new RunProperties();
        if (bold)
        {
            props.Append(new Bold());
        }

        if (color is not null)
        {
            props.Append(new Color { Val = color });
        }

        if (sizeHalfPoints is { } size)
        {
            props.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        }

        if (superscript)
        {
            props.Append(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript });
        }

        var run = new Run(props);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    internal static TableCell Cell(int widthTwips, IEnumerable<Paragraph> paragraphs, string? fill = null)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = widthTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (fill is not null)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        var cell = new TableCell(props);
        cell.Append(paragraphs);
        return cell;
    }

    internal static SectionProperties Section(bool landscape)
    {
        var size = landscape
            ? new PageSize { Width = A4LongTwips, Height = A4ShortTwips, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = A4ShortTwips, Height = A4LongTwips, Orient = PageOrientationValues.Portrait };
        var margin = landscape ? LandscapeMarginTwips : PortraitMarginTwips;
        return new SectionProperties(
            new SectionType { Val = SectionMarkValues.NextPage },
            size,
            new PageMargin
            {
                Top = margin, Bottom = margin, Left = (uint)margin, Right = (uint)margin,
                Header = 567, Footer = 567, Gutter = 0,
            });
    }

    internal static Numbering Numbering() => new(
        SingleLevelList(1, NumberFormatValues.Decimal, "%1.", hanging: "567"),
        SingleLevelList(2, NumberFormatValues.Bullet, "\u2022", hanging: "283"),
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = NumberedListId },
        new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = BulletListId });

    /// <summary>A one-level list, indented 1 cm (567 twentieths of a point), its marker hanging by <paramref name="hanging"/>.</summary>
    private static AbstractNum SingleLevelList(int id, NumberFormatValues format, string text, string hanging) => new(
        new MultiLevelType { Val = MultiLevelValues.SingleLevel },
        new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "567", Hanging = hanging }))
        { LevelIndex = 0 })
    { AbstractNumberId = id };

    internal static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(ParagraphStyle("Normal", "Normal", isDefault: true));
        styles.Append(ParagraphStyle("Title", "Title",
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
            rPr: new StyleRunProperties(new Bold(), new FontSize { Val = "40" }, new FontSizeComplexScript { Val = "40" })));
        styles.Append(ParagraphStyle("Subtitle", "Subtitle",
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }),
            rPr: new StyleRunProperties(new Color { Val = "505A5F" }, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })));
        styles.Append(ParagraphStyle("Heading1", "heading 1",
            pPr: new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
            rPr: new StyleRunProperties(new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })));
        styles.Append(ParagraphStyle("Heading2", "heading 2",
            pPr: new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 1 }),
            rPr: new StyleRunProperties(new Bold(), new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" })));
        styles.Append(ParagraphStyle("NumberedParagraph", "Numbered paragraph",
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "160" })));
        styles.Append(ParagraphStyle("TableText", "Table text",
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            rPr: new StyleRunProperties(new FontSize { Val = "17" }, new FontSizeComplexScript { Val = "17" })));
        styles.Append(ParagraphStyle("Note", "Note",
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }),
            rPr: new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })));

        styles.Append(new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

        static BorderType Line<TBorder>()
            where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "B1B4B6" };

        styles.Append(new Style(
            new StyleName { Val = "Dashboard table" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 59 },
            new StyleTableProperties(
                new TableBorders(
                    Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "DashboardTable" });
        return styles;
    }

    private static Style ParagraphStyle(string id, string name, bool isDefault = false, StyleParagraphProperties? pPr = null, StyleRunProperties? rPr = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (pPr is not null)
        {
            style.Append(pPr);
        }

        if (rPr is not null)
        {
            style.Append(rPr);
        }

        return style;
    }
}
