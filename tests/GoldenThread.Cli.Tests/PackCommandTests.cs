using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// <c>goldenthread pack</c> as a user runs it: every sample gives a valid pack.docx and pack.xlsx, and every figure of
/// Appendix A read back out of the DOCX and the XLSX is the figure dashboard.json gives for the same run's sources.
/// </summary>
public sealed partial class PackCommandTests
{
    public static TheoryData<string> Samples => new()
    {
        "leicestershire-2015-16-q3",
        "leicestershire-2020-23",
        "central-bedfordshire-2013",
        "derbyshire-2016-17",
        "synthetic-social-care",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Pack_Sample_FiguresInDocxAndXlsxAreThoseOfDashboardJson(string sample)
    {
        var outDir = CliRunner.TempDirectory();
        var report = CliRunner.Run("report", "--sample", sample, "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Error + report.Output);
        var pack = CliRunner.Run("pack", "--sample", sample, "--out", outDir);
        Assert.True(pack.ExitCode == 0, pack.Error + pack.Output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json")));
        var measures = json.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray()).ToList();

        using var docx = WordprocessingDocument.Open(Path.Combine(outDir, "pack.docx"), false);
        var errors = new OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var docxRows = DocxAppendixA(docx);

        using var xlsx = SpreadsheetDocument.Open(Path.Combine(outDir, "pack.xlsx"), false);
        var xlsxRows = XlsxDashboard(xlsx);

        Assert.Equal(measures.Select(m => m.GetProperty("id").GetString()!), docxRows.Keys);
        Assert.Equal(measures.Select(m => m.GetProperty("id").GetString()!), xlsxRows.Keys);
        var compared = 0;
        foreach (var m in measures)
        {
            var id = m.GetProperty("id").GetString()!;
            var percent = m.GetProperty("unit").GetString() == "percentage";
            var decimals = m.GetProperty("decimals").GetInt32();
            var d = docxRows[id];
            var x = xlsxRows[id];
            foreach (var (jsonKey, column, docxCell) in new[]
            {
                ("value", "Value", 3), ("previousValue", "Previous value", -1), ("snAverage", "Statistical neighbour average", 7),
                ("england", "England", 8),
            })
            {
                var expected = Number(m, jsonKey);
                var fromXlsx = x.GetValueOrDefault(column);
                Assert.True(Same(expected, fromXlsx is { } f && percent ? f * 100 : fromXlsx), $"{sample} {id} {column}: json {expected}, xlsx {fromXlsx}");
                if (docxCell >= 0)
                {
                    var fromDocx = LeadingNumber(d[docxCell]);
                    var rounded = expected is { } e ? Math.Round(e, decimals, MidpointRounding.AwayFromZero) : (double?)null;
                    Assert.True(Same(rounded, fromDocx), $"{sample} {id} {column}: json {expected} (as written {rounded}), docx '{d[docxCell]}'");
                }

                compared++;
            }

            var quartile = m.GetProperty("quartile").ValueKind == JsonValueKind.Number ? m.GetProperty("quartile").GetInt32() : (int?)null;
            Assert.Equal(quartile, (int?)x.GetValueOrDefault("National quartile (1 = top)"));
            Assert.Equal(quartile, (int?)LeadingNumber(d[6]));
            Assert.Equal(m.GetProperty("valueText").GetString(), ValueTextOf(d[3], m.GetProperty("status").GetString() == "provisional"));
            compared += 2;
        }

        Assert.True(compared >= measures.Count * 6);

        // The intentions matrix: every count in the DOCX table is the XLSX sheet's.
        if (xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault(s => s.Name!.Value!.EndsWith("Commissioning intentions", StringComparison.Ordinal)) is { } sheet)
        {
            var xlsxCounts = SheetRows(xlsx, sheet).Skip(1).Select(r => r.Where(c => c.Number is not null).Select(c => c.Number!.Value).ToList()).ToList();
            var table = docx.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single(t => t.Elements<W.TableRow>().First().InnerText.StartsWith("Outcome", StringComparison.Ordinal));
            var docxCounts = table.Elements<W.TableRow>().Skip(1)
                .Select(r => r.Elements<W.TableCell>().Skip(1).Select(c => c.InnerText).ToList())
                .Where(cells => cells.Count > 0 && cells.All(c => int.TryParse(c, out _)))
                .Select(cells => cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToList()).ToList();
            Assert.Equal(xlsxCounts.Where(r => r.Count > 0).ToList(), docxCounts);
        }
    }

    [Fact]
    public void Pack_Q3_CoveringReportStatesTheSeedsParagraphsInOurWords()
    {
        var outDir = CliRunner.TempDirectory();
        var result = CliRunner.Run("pack", "--sample", "leicestershire-2015-16-q3", "--out", outDir,
            "--committee", "Children and Families Overview and Scrutiny Committee", "--meeting-date", "4 April 2016");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var docx = WordprocessingDocument.Open(Path.Combine(outDir, "pack.docx"), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Date of meeting: 4 April 2016", text);
        Assert.Contains("Care leavers in suitable accommodation rose (improved) to 66.7% in 2015/16 Q3 from 53.9% in 2015/16 Q2.", text);
        Assert.Contains("It is above the statistical-neighbour average of 16.8%, which is worse.", text);
        // The sample's plan holds seed 000's 77 intentions (the 2016-17 framework), not the shorter set of 36 in seed 001.
        Assert.Contains("77 commissioning intentions: Prevent 15, Reduce 19, Delay 26, Meet 24. 9 intentions have no need level given. " +
            "11 intentions have more than one need level and count in each.", text);
        Assert.DoesNotContain("Recommendations", text);
    }

    [Theory]
    [InlineData("--la", "all", "'--la': a pack is for one council")]
    [InlineData("--disclosure-threshold", "-1", "'--disclosure-threshold': -1 is negative")]
    [InlineData("--previous-plan", "no-such-plan.yaml", "no-such-plan.yaml")]
    public void Pack_BadOption_ExitsTwoWithAMessage(string option, string value, string message)
    {
        var result = CliRunner.Run("pack", "--sample", "leicestershire-2015-16-q3", option, value, "--out", CliRunner.TempDirectory());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Pack_NoPlanNorSample_ExitsTwo()
    {
        var result = CliRunner.Run("pack", "--out", CliRunner.TempDirectory());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--plan", result.Error);
    }

    private static double? Number(JsonElement m, string key) =>
        m.GetProperty(key).ValueKind == JsonValueKind.Number ? m.GetProperty(key).GetDouble() : null;

    private static bool Same(double? a, double? b) =>
        a is null ? b is null : b is not null && Clean(a.Value) == Clean(b.Value);

    private static double Clean(double v) => double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?[£]?(\d[\d,]*(\.\d+)?)")]
    private static partial Regex LeadingNumberPattern();

    private static double? LeadingNumber(string text)
    {
        var match = LeadingNumberPattern().Match(text.Trim());
        return match.Success ? double.Parse(match.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) * (text.TrimStart().StartsWith('-') ? -1 : 1) : null;
    }

    // The value cell holds the value as reported, then a superscript mark for a provisional figure.
    // A missing figure's cell starts with the missing mark; a provisional one ends with the superscript mark "p".
    private static string ValueTextOf(string cell, bool provisional) =>
        cell.StartsWith("\u2013 ", StringComparison.Ordinal) ? cell[2..] : provisional && cell.EndsWith('p') ? cell[..^1] : cell;

    /// <summary>Appendix A's rows of the pack, by measure id (the last run of the first cell), each as its cells' texts.</summary>
    private static Dictionary<string, List<string>> DocxAppendixA(WordprocessingDocument doc)
    {
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>()
            .First(t => t.Elements<W.TableRow>().First().InnerText.StartsWith("Measure", StringComparison.Ordinal));
        var rows = new Dictionary<string, List<string>>();
        foreach (var row in table.Elements<W.TableRow>().Skip(1))
        {
            var cells = row.Elements<W.TableCell>().ToList();
            if (cells.Count < 10)
            {
                continue; // a theme's heading row
            }

            var id = cells[0].Descendants<W.Run>().Last().InnerText.Trim();
            rows[id] = cells.Select(c => c.Elements<W.Paragraph>().First().InnerText.Trim()).ToList();
        }

        return rows;
    }

    private sealed record XCell(string Column, string? Text, double? Number);

    private static List<List<XCell>> SheetRows(SpreadsheetDocument doc, Sheet sheet)
    {
        var wb = doc.WorkbookPart!;
        var strings = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
        var all = ws.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
        {
            var column = new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
            if (c.CellValue is null)
            {
                return new XCell(column, null, null);
            }

            return c.DataType?.Value == CellValues.SharedString
                ? new XCell(column, strings[int.Parse(c.CellValue.Text, CultureInfo.InvariantCulture)], null)
                : new XCell(column, null, double.Parse(c.CellValue.Text, CultureInfo.InvariantCulture));
        }).ToList()).ToList();

        // From the header row (the first row of bold headings after the title lines) on.
        return all.SkipWhile(r => r.Count(c => c.Text is not null) < 3).ToList();
    }

    /// <summary>The "A Dashboard" sheet, by measure id, each row as column heading → number.</summary>
    private static Dictionary<string, Dictionary<string, double?>> XlsxDashboard(SpreadsheetDocument doc)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "A Dashboard");
        var rows = SheetRows(doc, sheet);
        var header = rows[0].ToDictionary(c => c.Column, c => c.Text!);
        return rows.Skip(1).ToDictionary(
            r => r.Single(c => header[c.Column] == "Measure ID").Text!,
            r => r.Where(c => c.Text is null).ToDictionary(c => header[c.Column], c => c.Number));
    }
}
