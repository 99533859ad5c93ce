using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using R = GoldenThread.Reporting.CommitteeReportDocxRenderer;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>
/// Writes the committee pack as one Word document: the covering report on portrait pages (title block, numbered
/// paragraphs), then each appendix on landscape pages, Appendix A being the dashboard exactly as report.docx gives it.
/// </summary>
/// <remarks>
/// Shares the committee report's styles, numbering and dashboard table (<see cref="CommitteeReportDocxRenderer"/>),
/// so the two documents look alike and Word's navigation pane sees the same headings. Tables repeat their header row
/// on every page and rows never split across pages.
/// </remarks>
public static class CommitteePackDocxRenderer
{
    // The width of a landscape A4 page inside 1.5 cm margins, in twentieths of a point.
    private const int LandscapeTextWidthTwips = 16838 - (2 * 850);

    public static void Render(CommitteePack pack, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(stream);

        using var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        doc.CompressionOption = OpenXmlOutput.Compression;
        doc.PackageProperties.Title = pack.Title;
        doc.PackageProperties.Creator = pack.CouncilName;
        doc.PackageProperties.Subject = "Committee pack";
        doc.PackageProperties.Language = "en-GB";

        var main = doc.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = R.Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = R.Numbering();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new ThemeFontLanguages { Val = "en-GB" });

        var body = new Body();
        WriteCoveringReport(body, pack);

        var appendices = pack.Appendices;
        for (var i = 0; i < appendices.Count; i++)
        {
            var last = i == appendices.Count - 1;
            var a = appendices[i];
            switch (a.Kind)
            {
                case AppendixKind.Dashboard:
                    R.WriteAppendix(body, pack.Dashboard, last);
                    continue;
                case AppendixKind.CommissioningIntentions:
                    WriteIntentions(body, a, pack.Intentions!);
                    break;
                case AppendixKind.ActionPlan:
                    WriteActions(body, a, pack.Actions!);
                    break;
                case AppendixKind.Evidence:
                    WriteEvidence(body, a, pack);
                    break;
                case AppendixKind.OurChildren:
                    WriteOurChildren(body, a, pack);
                    break;
                case AppendixKind.AreaComparisons:
                    WriteComparisons(body, main, a, pack.Comparisons!);
                    break;
            }

            body.Append(last ? R.Section(landscape: true) : new Paragraph(new ParagraphProperties(R.Section(landscape: true))));
        }

        main.Document = new Document(body);
        main.Document.Save();
    }

    private static void WriteCoveringReport(Body body, CommitteePack pack)
    {
        body.Append(R.Para("Title", pack.Title));
        body.Append(R.Para("Subtitle", pack.CouncilName));
        foreach (var field in pack.TitleBlock)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }));
            p.Append(R.TextRun(field.Label + ": ", bold: true), R.TextRun(field.Value));
            body.Append(p);
        }

        foreach (var section in pack.Sections)
        {
            body.Append(R.Para(section.Level == 1 ? "Heading1" : "Heading2", section.Heading));
            foreach (var paragraph in section.Paragraphs)
            {
                body.Append(paragraph.Number is null ? R.Para(null, paragraph.Text) : R.Numbered(paragraph.Text));
                if (paragraph.Commentary is { } commentary)
                {
                    var c = new Paragraph(new ParagraphProperties(
                        new ParagraphStyleId { Val = "Note" },
                        new Indentation { Left = "567" }));
                    c.Append(R.TextRun("Commentary: ", bold: true), R.TextRun(commentary));
                    body.Append(c);
                }
            }
        }

        body.Append(new Paragraph(new ParagraphProperties(R.Section(landscape: false))));
    }

    private static void WriteIntentions(Body body, PackAppendix a, IntentionsMatrix m)
    {
        body.Append(R.Para("Heading1", $"Appendix {a.Letter}: {a.Title}"));
        body.Append(R.Para(null, m.Summary));

        var count = m.Priorities.Count + m.NeedLevels.Count + 1;
        var figureWidth = Math.Min(1100, (LandscapeTextWidthTwips - 4000) / count);
        var outcomeWidth = LandscapeTextWidthTwips - (figureWidth * count);
        var columns = new List<(string, int)> { ("Outcome", outcomeWidth) };
        columns.AddRange(m.Priorities.Select(p => (p.Title, figureWidth)));
        columns.AddRange(m.NeedLevels.Select(n => (n.ToString(), figureWidth)));
        columns.Add(("Total", figureWidth));

        var table = NewTable(columns);
        string? theme = null;
        foreach (var row in m.Rows)
        {
            if (row.ThemeTitle != theme)
            {
                theme = row.ThemeTitle;
                table.Append(GroupRow(theme, columns));
            }

            table.Append(DataRow(columns, [row.OutcomeTitle, .. row.ByPriority.Select(Number), .. row.ByNeed.Select(Number), Number(row.Total)]));
        }

        table.Append(DataRow(columns, ["All outcomes", .. m.PriorityTotals.Select(Number), .. m.NeedTotals.Select(Number), Number(m.Total)], bold: true));
        body.Append(table);
        body.Append(R.Para("Note", "An intention counts under every strategic-plan priority and need level the plan gives it."));
    }

    private static void WriteActions(Body body, PackAppendix a, ActionPlan plan)
    {
        body.Append(R.Para("Heading1", $"Appendix {a.Letter}: {a.Title}"));
        body.Append(R.Para(null, plan.Summary));
        var columns = new List<(string, int)>
        {
            ("Code", 900), ("Action", 5400), ("Lead", 2200), ("Due", 1300), ("Status", 1300),
        };
        columns.Add(("Progress", LandscapeTextWidthTwips - columns.Sum(c => c.Item2)));

        var table = NewTable(columns);
        string? group = null;
        foreach (var row in plan.Rows)
        {
            var heading = row.OutcomeTitle is null ? $"{row.ThemeTitle} (the theme as a whole)" : $"{row.ThemeTitle}: {row.OutcomeTitle}";
            if (heading != group)
            {
                group = heading;
                table.Append(GroupRow(heading, columns));
            }

            table.Append(DataRow(columns,
            [
                row.Code, row.Text, row.Lead ?? DashboardFormatting.MissingMark, ActionPlanText.Due(row),
                row.Status ?? DashboardFormatting.MissingMark, row.Progress ?? DashboardFormatting.MissingMark,
            ]));
        }

        body.Append(table);
        body.Append(R.Para("Note", $"{DashboardFormatting.MissingMark} means the plan does not give it."));
    }

    private static void WriteOurChildren(Body body, PackAppendix a, CommitteePack pack)
    {
        body.Append(R.Para("Heading1", $"Appendix {a.Letter}: {a.Title}"));
        body.Append(R.Para(null, $"The headline figures the {pack.PlanName} gives about {pack.CouncilName}'s children, as the plan states them."));
        var columns = new List<(string, int)> { ("Figure", 9000), ("Value", 2500), ("Period", 2500) };
        var table = NewTable(columns);
        foreach (var f in pack.OurChildren)
        {
            table.Append(DataRow(columns, [f.Label, f.Value, f.Period ?? DashboardFormatting.MissingMark]));
        }

        body.Append(table);
    }

    private static void WriteEvidence(Body body, PackAppendix a, CommitteePack pack)
    {
        body.Append(R.Para("Heading1", $"Appendix {a.Letter}: {a.Title}"));
        body.Append(R.Para(null, "In their own words, with their consent; nothing here identifies who said it."));
        var columns = new List<(string, int)> { ("Measure", 4000), ("What they said", 7500), ("Who", 2500) };
        var table = NewTable(columns);
        foreach (var e in pack.Evidence)
        {
            table.Append(DataRow(columns, [e.MeasureTitle, "\u201C" + e.Quote + "\u201D", e.Attribution ?? DashboardFormatting.MissingMark]));
        }

        body.Append(table);
    }

    /// <summary>
    /// The key figures for the area of interest, then each indicator and group: its polarity, its chart
    /// (<see cref="ComparisonDocxChart"/>) and a table of every area's per cent, 95% limits and result against each
    /// benchmark (<see cref="AreaComparisons.ComparisonTableText"/>).
    /// </summary>
    private static void WriteComparisons(Body body, MainDocumentPart main, PackAppendix a, PackComparisons comparisons)
    {
        var result = comparisons.Result;
        uint drawings = 0;
        body.Append(R.Para("Heading1", $"Appendix {a.Letter}: {a.Title}"));
        if (comparisons.Description is { Length: > 0 } description)
        {
            body.Append(R.Para(null, description));
        }

        body.Append(R.Para(null, AreaComparisons.ComparisonTableText.MethodWords));
        if (result.FocusSentences.Count > 0)
        {
            body.Append(R.Para("Heading2", $"Key figures for {result.Options.FocusArea}"));
            foreach (var sentence in result.FocusSentences)
            {
                body.Append(R.Bullet(sentence));
            }
        }

        foreach (var table in result.Tables)
        {
            // A page for each table: its heading, chart and table together, as the PDF prints them.
            body.Append(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }, new PageBreakBefore()),
                R.TextRun(table.Caption)));
            // Kept with its chart, as the heading is.
            body.Append(new Paragraph(
                new ParagraphProperties(new KeepNext()),
                R.TextRun(AreaComparisons.ComparisonTableText.PolarityLine(table.Indicator))));
            body.Append(ComparisonDocxChart.Paragraph(main, table, ++drawings, LandscapeTextWidthTwips));
            var headers = AreaComparisons.ComparisonTableText.Headers(table);
            var benchmarkWidth = (LandscapeTextWidthTwips - 3600 - (3 * 1300)) / table.Benchmarks.Count;
            var columns = headers.Select((h, i) => (h, i switch { 0 => 3600, < 4 => 1300, _ => benchmarkWidth })).ToList();
            var t = NewTable(columns);
            foreach (var row in table.Rows)
            {
                t.Append(DataRow(columns, AreaComparisons.ComparisonTableText.Cells(table, row, result.Disclosure)));
            }

            body.Append(t);
            if (table.Rows.Any(r => r.State == Core.AreaComparisons.FigureState.SuppressedSmallCount))
            {
                body.Append(R.Para("Note", result.Disclosure.Footnote));
            }
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Table NewTable(IReadOnlyList<(string Header, int Width)> columns)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "DashboardTable" },
            new TableWidth { Width = columns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        var grid = new TableGrid();
        foreach (var (_, width) in columns)
        {
            grid.Append(new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var (text, width) in columns)
        {
            header.Append(R.Cell(width, [R.CellPara(R.TextRun(text, bold: true, color: "FFFFFF"))], fill: "0B0C0C"));
        }

        table.Append(header);
        return table;
    }

    private static TableRow GroupRow(string text, IReadOnlyList<(string Header, int Width)> columns)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        var cell = R.Cell(columns.Sum(c => c.Width), [R.CellPara(R.TextRun(text, bold: true), keepNext: true)], fill: "DEE0E2");
        cell.TableCellProperties!.InsertAfter(new GridSpan { Val = columns.Count }, cell.TableCellProperties.TableCellWidth);
        row.Append(cell);
        return row;
    }

    private static TableRow DataRow(IReadOnlyList<(string Header, int Width)> columns, IReadOnlyList<string> texts, bool bold = false)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < columns.Count; i++)
        {
            row.Append(R.Cell(columns[i].Width, [R.CellPara(R.TextRun(texts[i], bold: bold))]));
        }

        return row;
    }
}

/// <summary>How the action plan's figures are written, in every format alike.</summary>
public static class ActionPlanText
{
    /// <summary>A due date as a committee report writes it: "31 March 2021"; the missing mark when none.</summary>
    public static string Due(DateOnly? due) =>
        due is { } d ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : DashboardFormatting.MissingMark;

    /// <summary>An action's due date, and where its lead revised it, "30 June 2016 (revised from 31 March 2016)".</summary>
    public static string Due(ActionPlanRow row) =>
        row.RevisedDue is { } revised && row.Due is { } planned ? $"{Due(revised)} (revised from {Due(planned)})" : Due(row.RevisedDue ?? row.Due);
}
