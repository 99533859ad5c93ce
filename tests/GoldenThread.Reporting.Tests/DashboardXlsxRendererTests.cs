using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GoldenThread.Core;
using GoldenThread.Core.Measures;

namespace GoldenThread.Reporting.Tests;

public sealed class DashboardXlsxRendererTests
{
    private static readonly byte[] Workbook = Render();

    private static byte[] Render()
    {
        using var stream = new MemoryStream();
        DashboardXlsxRenderer.Render(DashboardFixture.Build(), stream);
        return stream.ToArray();
    }

    private static SpreadsheetDocument Open() => SpreadsheetDocument.Open(new MemoryStream(Workbook), false);

    private static Worksheet Sheet(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string CellText(SpreadsheetDocument doc, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
                .ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue?.Text ?? "";

    private static Cell CellOf(SpreadsheetDocument doc, string measureId, string columnHeader)
    {
        var rows = Sheet(doc, "Dashboard").GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows.First(r => r.Elements<Cell>().Any(c => CellText(doc, c) == "Measure ID"));
        var column = header.Elements<Cell>().ToList().FindIndex(c => CellText(doc, c) == columnHeader);
        Assert.True(column >= 0, $"no column {columnHeader}");
        var row = rows.Single(r => r.Elements<Cell>().Count() > 1 && CellText(doc, r.Elements<Cell>().ElementAt(1)) == measureId);
        return row.Elements<Cell>().ElementAt(column);
    }

    [Fact]
    public void Render_Fixture_PassesOpenXmlValidation()
    {
        using var doc = Open();
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Render_NoSections_StillValid()
    {
        using var stream = new MemoryStream();
        DashboardXlsxRenderer.Render(DashboardFixture.Build() with { Sections = [] }, stream);
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public void Render_Fixture_HasTheThreeSheets()
    {
        using var doc = Open();
        Assert.Equal(["Dashboard", "Reasons", "Trend"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void Render_Dashboard_FreezesAndFiltersTheHeaderRow()
    {
        using var doc = Open();
        var sheet = Sheet(doc, "Dashboard");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        // Title, context line, 2 overview sentences, legend, blank: the header is row 7.
        Assert.Equal(7d, pane.VerticalSplit!.Value);
        Assert.Equal("A8", pane.TopLeftCell!.Value);
        Assert.Equal("A7:Z12", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value));
    }

    [Theory]
    [InlineData("PLAC3", "Value", 12.55)]
    [InlineData("PLAC3", "Previous value", 13.1)]
    [InlineData("PLAC3", "Statistical neighbour average", 11.8)]
    [InlineData("PLAC3", "England", 10.0)]
    [InlineData("PLAC3", "National quartile (1 = top)", 3)]
    [InlineData("CPP2Y", "Value", 0.59)]
    [InlineData("CPP2Y", "Numerator", 2)]
    [InlineData("CPP2Y", "Denominator", 339)]
    [InlineData("SLF1", "Value", 2476)]
    [InlineData("KS2FSM", "Region", 61.2)]
    public void Render_Figures_AreNumericCellsEqualToTheModel(string measureId, string column, double expected)
    {
        using var doc = Open();
        var cell = CellOf(doc, measureId, column);
        Assert.Equal(CellValues.Number, cell.DataType!.Value);
        Assert.Equal(expected, double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("CIN<1>", "Value")]
    [InlineData("CIN<1>", "England")]
    [InlineData("SLF1", "Statistical neighbour average")]
    public void Render_MissingFigures_AreBlankCells(string measureId, string column)
    {
        using var doc = Open();
        Assert.Null(CellOf(doc, measureId, column).CellValue);
    }

    [Theory]
    [InlineData("PLAC3", "0.00\"%\"")]
    [InlineData("KS2FSM", "0.0\"%\"")]
    [InlineData("SLF1", "#,##0")]
    [InlineData("CIN<1>", "#,##0.0")]
    public void Render_ValueCell_FormattedWithTheMeasuresDecimals(string measureId, string expectedFormat)
    {
        using var doc = Open();
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)CellOf(doc, measureId, "Value").StyleIndex!.Value);
        var code = styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal(expectedFormat, code.FormatCode!.Value);
    }

    [Theory]
    [InlineData("PLAC3", "Amber", "FFF47738")]
    [InlineData("CPP2Y", "Green", "FF00703C")]
    [InlineData("KS2FSM", "Red", "FFD4351C")]
    [InlineData("SLF1", "No rating", "FFEEEFEF")]
    public void Render_RagCell_FilledWithItsColourAndWord(string measureId, string word, string fillRgb)
    {
        using var doc = Open();
        var cell = CellOf(doc, measureId, "RAG");
        Assert.Equal(word, CellText(doc, cell));
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var fill = styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
        Assert.Equal(fillRgb, fill.PatternFill!.ForegroundColor!.Rgb!.Value);
    }

    [Fact]
    public void Render_Dashboard_OpensWithTitleAndOverviewSentences()
    {
        using var doc = Open();
        var firstCells = Sheet(doc, "Dashboard").GetFirstChild<SheetData>()!.Elements<Row>().Take(4)
            .Select(r => CellText(doc, r.Elements<Cell>().First())).ToList();
        Assert.Equal("Children & Families Outcomes Framework: performance dashboard, 2015/16 Q3", firstCells[0]);
        Assert.Equal(
            "Leicestershire County Council (LA 855). Region: East Midlands. Reporting period: 2015/16 Q3. Previous report: 2015/16 Q2.",
            firstCells[1]);
        Assert.Equal(DashboardFixture.Build().Overview.Sentences, firstCells.Skip(2));
    }

    [Fact]
    public void Render_SpecialTitle_KeptVerbatim()
    {
        using var doc = Open();
        Assert.Equal(DashboardFixture.SpecialTitle, CellText(doc, CellOf(doc, "CIN<1>", "Measure")));
    }

    [Fact]
    public void Render_Reasons_OneRowPerJudgement()
    {
        using var doc = Open();
        var rows = Sheet(doc, "Reasons").GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => CellText(doc, c)).ToList()).ToList();
        // 4 judgements for each of 5 measures, plus trajectory and gap for KS2FSM, plus the header.
        Assert.Equal(1 + (5 * 4) + 2, rows.Count);
        Assert.Contains(rows, r => r.SequenceEqual(
            ["PLAC3", DashboardFixture.Placements.Title, "RAG", "Amber", "tolerance", DashboardFixture.PlacementsRow.Rag.Reason]));
        Assert.Contains(rows, r => r[0] == "KS2FSM" && r[2] == "Gap" && r[3] == "narrowing");
    }

    [Fact]
    public void Render_Trend_OneRowPerPointWithNumericValues()
    {
        using var doc = Open();
        var rows = Sheet(doc, "Trend").GetFirstChild<SheetData>()!.Elements<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(3 + 2 + 3 + 3, rows.Count);
        var first = rows[0];
        Assert.Equal("PLAC3", CellText(doc, first[0]));
        Assert.Equal("2015/16 Q1", CellText(doc, first[2]));
        Assert.Equal("13.4", first[3].CellValue!.Text);
    }

    [Theory]
    [InlineData("percentage", 2, "0.00\"%\"")]
    [InlineData("percentage", 0, "0\"%\"")]
    [InlineData("count", 0, "#,##0")]
    [InlineData("rate per 10000", 1, "#,##0.0")]
    [InlineData("currency", 2, "\"£\"#,##0.00")]
    public void NumberFormatCode_Unit_MatchesDecimals(string unit, int decimals, string expected)
    {
        var measure = new Measure
        {
            Id = "X",
            Title = "X",
            Unit = MeasureUnit.Parse(unit).Value,
            Polarity = Polarity.HigherIsBetter,
            DecimalPlaces = decimals,
        };
        Assert.Equal(expected, DashboardXlsxRenderer.NumberFormatCode(measure));
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(703, "AAA")]
    public void ColumnName_Index_ExcelLetters(int index, string expected)
    {
        Assert.Equal(expected, DashboardXlsxRenderer.ColumnName(index));
    }
}
