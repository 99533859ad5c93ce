using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;

namespace GoldenThread.Reporting.Tests;

/// <summary>
/// A judgement supplied with the value is labelled "supplied" in every output, as supplied benchmarks are: the JSON
/// says so, the workbook's Supplied column names it, the Word appendix marks it with the superscript s (the HTML page: GoldenThread.Views.Tests).
/// </summary>
public sealed class SuppliedJudgementRenderingTests
{
    private static readonly Dashboard WithSupplied = DashboardFixture.BuildWithSuppliedJudgements();

    [Fact]
    public void Json_SuppliedJudgements_SayMethodAndProvenanceSupplied()
    {
        using var stream = new MemoryStream();
        DashboardJsonRenderer.Render(WithSupplied, stream);
        var measures = JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray()).ToList();
        var row = measures.Single(m => m.GetProperty("id").GetString() == "PLAC3");
        var other = measures.Single(m => m.GetProperty("id").GetString() == "KS2FSM");

        Assert.Equal(("supplied", "supplied"), (row.GetProperty("directionMethod").GetString(), row.GetProperty("directionProvenance").GetString()));
        Assert.Equal(("supplied", "supplied"), (row.GetProperty("ragMethod").GetString(), row.GetProperty("ragProvenance").GetString()));
        Assert.Equal("computed", other.GetProperty("directionProvenance").GetString());
        Assert.StartsWith("Supplied with the value: improved (Appendix A: Better).", row.GetProperty("directionReason").GetString());
    }

    [Fact]
    public void Xlsx_SuppliedJudgements_NamedInTheSuppliedColumn()
    {
        using var stream = new MemoryStream();
        DashboardXlsxRenderer.Render(WithSupplied, stream);
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var strings = doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue?.Text ?? "";
        var sheet = doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Dashboard");
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        var header = rows.First(r => r.Elements<Cell>().Any(c => Text(c) == "Measure ID")).Elements<Cell>().Select(Text).ToList();
        var cells = rows.Single(r => r.Elements<Cell>().Count() > 1 && Text(r.Elements<Cell>().ElementAt(1)) == "PLAC3").Elements<Cell>().ToList();

        Assert.Equal("direction of travel, RAG", Text(cells[header.IndexOf("Supplied")]));
    }

    [Fact]
    public void Docx_SuppliedJudgements_CarryTheSuppliedMark()
    {
        using var stream = new MemoryStream();
        CommitteeReportDocxRenderer.Render(WithSupplied, stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var row = doc.MainDocumentPart!.Document.Body!.Descendants<TableRow>()
            .Single(r => r.GetFirstChild<TableCell>()!.InnerText.EndsWith(" PLAC3", StringComparison.Ordinal));
        var cells = row.Elements<TableCell>().ToList();

        Assert.Equal("Improveds", cells[4].InnerText);
        Assert.Equal("Amber s", cells[5].InnerText.Trim());
        Assert.All(new[] { cells[4], cells[5] }, c => Assert.Contains(c.Descendants<DocumentFormat.OpenXml.Wordprocessing.VerticalTextAlignment>(), v => v.Val!.Value == VerticalPositionValues.Superscript));
    }
}
