using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using static GoldenThread.Reporting.DashboardXlsxRenderer;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>
/// Writes the committee pack's appendix tables as an Excel workbook, one sheet per table ("A Dashboard",
/// "B Commissioning intentions", …), each printing on A4 landscape: fitted to the page width, the header row repeated
/// on every page, long text wrapped in columns sized for it.
/// </summary>
/// <remarks>
/// Unlike dashboard.xlsx (which keeps 12.55 so a cell equals the JSON), percentages here are Excel percentages: the
/// cell holds 0.1255 formatted <c>0.00%</c>, so a clerk's own formulas and charts work on them. Values are written
/// without binary noise (<see cref="MeasureUnit.Clean"/>).
/// </remarks>
public static class CommitteePackXlsxRenderer
{
    public static IReadOnlyList<string> DashboardColumns { get; } =
    [
        "Theme", "Measure ID", "Measure", "Updated", "Latest period", "Value", "Value as reported", "Previous period", "Previous value",
        "Better or worse than previous", "RAG", "National quartile (1 = top)", "Statistical neighbour average",
        "Compared with statistical neighbours", "England", "Target", "Notable because", "Commentary",
    ];

    private static readonly double[] DashboardWidthsChars = [22, 11, 44, 8, 12, 10, 12, 12, 10, 14, 9, 10, 13, 14, 10, 16, 16, 40];


    /// <summary>The sheet name of an appendix: its letter and a short name, within Excel's 31 characters.</summary>
    public static string SheetName(PackAppendix appendix) => appendix.Letter + " " + appendix.Kind switch
    {
        AppendixKind.Dashboard => "Dashboard",
        AppendixKind.CommissioningIntentions => "Commissioning intentions",
        AppendixKind.ActionPlan => "Action plan",
        AppendixKind.Evidence => "Evidence",
        AppendixKind.AreaComparisons => "Area comparisons",
        _ => "Our children",
    };

    public static void Render(CommitteePack pack, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(stream);

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        document.CompressionOption = OpenXmlOutput.Compression;
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = new StyleRegistry();
        var strings = new SharedStrings();
        var sheets = new Sheets();
        var names = new DefinedNames();

        uint sheetId = 1;
        foreach (var appendix in pack.Appendices)
        {
            var sheet = appendix.Kind switch
            {
                AppendixKind.Dashboard => DashboardSheet(pack, appendix, styles, strings),
                AppendixKind.CommissioningIntentions => IntentionsSheet(pack.Intentions!, appendix, styles, strings),
                AppendixKind.ActionPlan => ActionsSheet(pack.Actions!, appendix, styles, strings),
                AppendixKind.Evidence => EvidenceSheet(pack, appendix, styles, strings),
                AppendixKind.AreaComparisons => ComparisonsSheet(pack.Comparisons!, appendix, styles, strings),
                _ => OurChildrenSheet(pack, appendix, styles, strings),
            };
            var part = workbookPart.AddNewPart<WorksheetPart>();
            sheet.Rows.Save(part, sheet.Worksheet);
            var name = SheetName(appendix);
            sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });

            // The header row repeats at the top of every printed page.
            names.Append(new DefinedName($"'{name}'!${sheet.HeaderRow}:${sheet.HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
            sheetId++;
        }

        // Appendix A's trend column (sparklines elsewhere) as figures, periods across, for a clerk's own charts.
        {
            var trend = TrendSheet(pack, styles, strings);
            var part = workbookPart.AddNewPart<WorksheetPart>();
            trend.Rows.Save(part, trend.Worksheet);
            var name = TrendSheetName(pack);
            sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });
            names.Append(new DefinedName($"'{name}'!${trend.HeaderRow}:${trend.HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
        }

        workbookPart.Workbook.Append(sheets);
        workbookPart.Workbook.Append(names);
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build();
        workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Build();
        workbookPart.Workbook.Save();
    }

    private sealed record BuiltSheet(Worksheet Worksheet, uint HeaderRow, RowBuilder Rows);

    /// <summary>The trend sheet's name: the dashboard appendix's letter and "Trend".</summary>
    public static string TrendSheetName(CommitteePack pack) => pack.LetterOf(AppendixKind.Dashboard) + " Trend";

    /// <summary>
    /// Every measure's trend as published (after disclosure control), one row per measure and one column per period,
    /// the periods of all measures in time order (by end, then start), blank where a measure has no figure.
    /// </summary>
    private static BuiltSheet TrendSheet(CommitteePack pack, StyleRegistry styles, SharedStrings strings)
    {
        var d = pack.Dashboard;
        var periods = d.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Trend).Select(t => t.Period).Distinct()
            .OrderBy(p => p.End).ThenBy(p => p.Start).ThenBy(p => p.Label, StringComparer.Ordinal).ToList();
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {pack.LetterOf(AppendixKind.Dashboard)}: trends", styles.Title);
        rows.Next().Text($"{d.CouncilName}. Each measure's figures over time, as on the dashboard for {d.ReportingPeriod.Label}; a blank is a period with no figure.", styles.Plain);
        var header = Header(rows, ["Theme", "Measure ID", "Measure", .. periods.Select(p => p.Label)], styles);
        foreach (var section in d.Sections)
        {
            foreach (var row in section.Rows)
            {
                var m = row.Measure;
                var figure = styles.Fraction(m);
                var r = rows.Next();
                r.Text(section.ThemeTitle, styles.Wrapped);
                r.Text(m.Id, styles.Plain);
                r.Text(m.Title, styles.Wrapped);
                var byPeriod = row.Trend.GroupBy(t => t.Period).ToDictionary(g => g.Key, g => g.Last().Value);
                foreach (var p in periods)
                {
                    r.Number(byPeriod.TryGetValue(p, out var v) ? Stored(m, v) : null, figure);
                }
            }
        }

        return Finish(rows, header, [22, 11, 44, .. periods.Select(_ => 10.0)]);
    }

    private static BuiltSheet DashboardSheet(CommitteePack pack, PackAppendix appendix, StyleRegistry styles, SharedStrings strings)
    {
        var d = pack.Dashboard;
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {appendix.Letter}: {appendix.Title}", styles.Title);
        rows.Next().Text($"{d.CouncilName}. Reporting period {d.ReportingPeriod.Label}{(d.PreviousReportingPeriod is { } pp ? "; previous report " + pp.Label : "")}.", styles.Plain);
        if (d.DisclosureNote is { } note)
        {
            rows.Next().Text(note, styles.Plain);
        }

        var header = Header(rows, DashboardColumns, styles);
        var notable = pack.NotableMeasures.ToDictionary(n => n.MeasureId, StringComparer.OrdinalIgnoreCase);
        foreach (var section in d.Sections)
        {
            foreach (var row in section.Rows)
            {
                var m = row.Measure;
                var figure = styles.Fraction(m);
                var r = rows.Next();
                r.Text(section.ThemeTitle, styles.Wrapped);
                r.Text(m.Id, styles.Plain);
                r.Text(m.Title, styles.Wrapped);
                r.Text(DashboardFormatting.UpdatedFlag(row.Updated), styles.Plain);
                r.Text(DashboardFormatting.PeriodText(row), styles.Plain);
                r.Number(Stored(m, row.Value), figure);
                r.Text(row.ValueText, styles.Plain);
                r.Text(row.PreviousPeriod?.Label ?? DashboardFormatting.MissingMark, styles.Plain);
                r.Number(Stored(m, row.PreviousValue), figure);
                r.Text(DashboardFormatting.DirectionWords(row.Direction.Outcome), styles.Wrapped);
                r.Text(DashboardFormatting.RagWords(row.Rag.Outcome), styles.Rag(row.Rag.Outcome));
                r.Number(row.Quartile, styles.General);
                r.Number(Stored(m, row.StatisticalNeighbourAverage?.Value), figure);
                r.Text(DashboardFormatting.ComparisonWords(row.StatisticalNeighbourComparison.Outcome), styles.Wrapped);
                r.Number(Stored(m, row.England?.Value), figure);
                r.Text(DashboardFormatting.TargetText(row), styles.Wrapped);
                r.Text(notable.TryGetValue(m.Id, out var n) ? NotableRule.Words(n.Reasons) : "", styles.Wrapped);
                r.Text(row.Note ?? "", styles.Wrapped);
            }
        }

        return Finish(rows, header, DashboardWidthsChars);
    }

    /// <summary>The number a cell holds: a percentage as Excel's fraction (12.55 → 0.1255), anything else as it is.</summary>
    public static double? Stored(Measure measure, double? value) =>
        value is { } v && double.IsFinite(v)
            ? MeasureUnit.Clean(measure.Unit.Kind == UnitKind.Percentage ? v / 100 : v)
            : null;

    private static BuiltSheet IntentionsSheet(IntentionsMatrix m, PackAppendix appendix, StyleRegistry styles, SharedStrings strings)
    {
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {appendix.Letter}: {appendix.Title}", styles.Title);
        rows.Next().Text(m.Summary, styles.Plain);
        var columns = new List<string> { "Theme", "Outcome ID", "Outcome" };
        columns.AddRange(m.Priorities.Select(p => p.Title));
        columns.AddRange(m.NeedLevels.Select(n => n.ToString()));
        columns.Add("Total");
        var header = Header(rows, columns, styles);
        foreach (var row in m.Rows)
        {
            var r = rows.Next();
            r.Text(row.ThemeTitle, styles.Wrapped).Text(row.OutcomeId, styles.Plain).Text(row.OutcomeTitle, styles.Wrapped);
            foreach (var n in row.ByPriority.Concat(row.ByNeed))
            {
                r.Number(n, styles.General);
            }

            r.Number(row.Total, styles.General);
        }

        var total = rows.Next().Text("All outcomes", styles.Bold).Text("", styles.Plain).Text("", styles.Plain);
        foreach (var n in m.PriorityTotals.Concat(m.NeedTotals))
        {
            total.Number(n, styles.Bold);
        }

        total.Number(m.Total, styles.Bold);
        double[] widths = [24, 10, 50, .. m.Priorities.Select(_ => 13.0), .. m.NeedLevels.Select(_ => 9.0), 8];
        return Finish(rows, header, widths);
    }

    private static BuiltSheet ActionsSheet(ActionPlan plan, PackAppendix appendix, StyleRegistry styles, SharedStrings strings)
    {
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {appendix.Letter}: {appendix.Title}", styles.Title);
        rows.Next().Text(plan.Summary, styles.Plain);
        var header = Header(rows, ["Theme", "Outcome", "Code", "Action", "Lead", "Due", "Status", "Progress"], styles);
        foreach (var a in plan.Rows)
        {
            var r = rows.Next();
            r.Text(a.ThemeTitle, styles.Wrapped).Text(a.OutcomeTitle ?? "(the theme as a whole)", styles.Wrapped).Text(a.Code, styles.Plain)
                .Text(a.Text, styles.Wrapped).Text(a.Lead ?? DashboardFormatting.MissingMark, styles.Wrapped)
                .Text(ActionPlanText.Due(a), styles.Plain).Text(a.Status ?? DashboardFormatting.MissingMark, styles.Plain)
                .Text(a.Progress ?? DashboardFormatting.MissingMark, styles.Wrapped);
        }

        return Finish(rows, header, [22, 30, 8, 50, 20, 14, 11, 40]);
    }

    private static BuiltSheet OurChildrenSheet(CommitteePack pack, PackAppendix appendix, StyleRegistry styles, SharedStrings strings)
    {
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {appendix.Letter}: {appendix.Title}", styles.Title);
        rows.Next().Text($"As the {pack.PlanName} states them.", styles.Plain);
        var header = Header(rows, ["Figure", "Value", "Period"], styles);
        foreach (var f in pack.OurChildren)
        {
            rows.Next().Text(f.Label, styles.Wrapped).Text(f.Value, styles.Plain).Text(f.Period ?? DashboardFormatting.MissingMark, styles.Plain);
        }

        return Finish(rows, header, [70, 14, 12]);
    }

    private static BuiltSheet EvidenceSheet(CommitteePack pack, PackAppendix appendix, StyleRegistry styles, SharedStrings strings)
    {
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {appendix.Letter}: {appendix.Title}", styles.Title);
        rows.Next().Text("In their own words, with their consent; nothing here identifies who said it.", styles.Plain);
        var header = Header(rows, ["Measure", "What they said", "Who"], styles);
        foreach (var e in pack.Evidence)
        {
            rows.Next().Text(e.MeasureTitle, styles.Wrapped).Text(e.Quote, styles.Wrapped).Text(e.Attribution ?? DashboardFormatting.MissingMark, styles.Wrapped);
        }

        return Finish(rows, header, [40, 70, 24]);
    }

    /// <summary>
    /// Every comparison table as one long table (indicator, group and area down), per cent and limits as Excel
    /// percentages, each benchmark's result in words; a figure not shown is blank with the reason beside it.
    /// </summary>
    private static BuiltSheet ComparisonsSheet(PackComparisons comparisons, PackAppendix appendix, StyleRegistry styles, SharedStrings strings)
    {
        var result = comparisons.Result;
        var rows = new RowBuilder(strings);
        rows.Next().Text($"Appendix {appendix.Letter}: {appendix.Title}", styles.Title);
        if (comparisons.Description is { Length: > 0 } description)
        {
            rows.Next().Text(description, styles.Plain);
        }

        rows.Next().Text(AreaComparisons.ComparisonTableText.MethodWords, styles.Plain);
        var benchmarks = result.Options.BenchmarkAreas;
        var header = Header(rows, ["Indicator", "Group", "Area", "Per cent", "Lower 95% limit", "Upper 95% limit", .. benchmarks.Select(b => "Compared with " + b), "Not shown because"], styles);
        foreach (var table in result.Tables)
        {
            var percent = styles.Percent(table.Indicator.DecimalPlaces);
            foreach (var row in table.Rows)
            {
                var r = rows.Next();
                r.Text(table.Indicator.Title, styles.Wrapped).Text(table.Group, styles.Plain).Text(row.Area, styles.Plain);
                var ci = row.ShownInterval95;
                r.Number(AsFraction(row.ShownValuePercent), percent).Number(AsFraction(ci?.Lower), percent).Number(AsFraction(ci?.Upper), percent);
                for (var b = 0; b < table.Benchmarks.Count; b++)
                {
                    r.Text(AreaComparisons.AreaComparisonChart.RowWords(row, b), styles.Wrapped);
                }

                r.Text(row.State switch
                {
                    Core.AreaComparisons.FigureState.NotPublished => "not published at source (x)" + (row.ShownNote is { } n ? ": " + n : ""),
                    Core.AreaComparisons.FigureState.SuppressedSmallCount => $"suppressed (small count, {result.Disclosure.Marker})",
                    _ => "",
                }, styles.Wrapped);
            }
        }

        return Finish(rows, header, [26, 11, 26, 9, 10, 10, .. benchmarks.Select(_ => 24.0), 30]);
    }

    private static double? AsFraction(double? percent) =>
        percent is { } v && double.IsFinite(v) ? MeasureUnit.Clean(v / 100) : null;

    private static uint Header(RowBuilder rows, IReadOnlyList<string> columns, StyleRegistry styles)
    {
        rows.Next();
        var header = rows.Next();
        foreach (var c in columns)
        {
            header.Text(c, styles.Header);
        }

        return header.Index;
    }

    private static BuiltSheet Finish(RowBuilder rows, uint headerRow, double[] widthsChars)
    {
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRow + 1}" } })
            { WorkbookViewId = 0 }),
            Columns(widthsChars),
            rows.Data,
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.2, Footer = 0.2 },
            // A4 (paper size 9), landscape, one page wide and as many long as it takes.
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&L&A&RPage &P of &N")));
        return new BuiltSheet(worksheet, headerRow, rows);
    }
}
