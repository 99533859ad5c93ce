using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// The pack's confidence-interval appendix (Appendix C of seed 001, the NCMP 2014/15 tables): every figure of the
/// area-comparison sample's data.csv, transcribed from the seed, read back out of pack.docx and pack.xlsx (and, in
/// <see cref="PackPdfTests"/>, pack.pdf); the key figures in the seed's own words.
/// </summary>
public sealed partial class PackCommandTests
{
    /// <summary>Paragraph 26 of seed 001, which our sentence for Leicestershire restates.</summary>
    internal const string SeedReceptionSentence =
        "20.2% of Reception children in Leicestershire are overweight or obese, significantly lower than the England and East Midlands averages (21.9% and 21.7% respectively).";

    internal const string SeedYear6Sentence =
        "29.9% of Year 6 children in Leicestershire are overweight or obese, significantly lower than the England and East Midlands averages (33.2% and 32.3% respectively).";

    [Fact]
    public void Pack_Q3_AppendixCHoldsEveryFigureOfTheNcmpTablesInDocxAndXlsx()
    {
        var outDir = CliRunner.TempDirectory();
        var pack = CliRunner.Run("pack", "--sample", "leicestershire-2015-16-q3", "--out", outDir);
        Assert.True(pack.ExitCode == 0, pack.Error + pack.Output);
        Assert.Contains("appendices A, B, C", pack.Output);

        var expected = NcmpFigures();
        Assert.Equal(110, expected.Count);

        using var docx = WordprocessingDocument.Open(Path.Combine(outDir, "pack.docx"), false);
        var errors = new OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = docx.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == "Appendix C: Comparisons of areas with England and East Midlands (95% confidence intervals)");
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == SeedReceptionSentence);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == SeedYear6Sentence);

        // Each comparison table follows its caption (a heading 2): area, per cent, lower and upper limits, then the words.
        var docxRows = new Dictionary<(string Caption, string Area), List<string>>();
        string? caption = null;
        foreach (var element in body.Elements())
        {
            if (element is W.Paragraph p && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2")
            {
                caption = p.InnerText;
            }
            else if (element is W.Table t && caption is not null && t.Elements<W.TableRow>().First().InnerText.StartsWith("AreaPer cent", StringComparison.Ordinal))
            {
                foreach (var row in t.Elements<W.TableRow>().Skip(1))
                {
                    var cells = row.Elements<W.TableCell>().Select(c => c.InnerText).ToList();
                    docxRows.Add((caption, cells[0]), cells);
                }
            }
        }

        Assert.Equal(expected.Count, docxRows.Count);
        foreach (var f in expected)
        {
            var cells = docxRows[(f.Caption, f.Area)];
            Assert.Equal(f.Value ?? "x", cells[1]);
            Assert.Equal(f.Lower ?? "x", cells[2]);
            Assert.Equal(f.Upper ?? "x", cells[3]);
        }

        // A Word chart per table, its bars the table's figures (a gap where there is none), its error bars the limits.
        var charts = docx.MainDocumentPart!.ChartParts.ToList();
        Assert.Equal(10, charts.Count);
        var drawings = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.Equal(10, drawings.Count);
        var combined = drawings.FindIndex(d => d.Title!.Value!.StartsWith("Overweight and obese combined, Reception:", StringComparison.Ordinal));
        Assert.Contains("Leicestershire (20.2%)", drawings[combined].Description!.Value!, StringComparison.Ordinal);
        var chartId = body.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>().ElementAt(combined).Id!.Value!;
        var series = ((ChartPart)docx.MainDocumentPart.GetPartById(chartId)).ChartSpace!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().Single();
        static List<string> Points(DocumentFormat.OpenXml.OpenXmlElement e) =>
            e.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => $"{p.Index!.Value}:{p.InnerText}").ToList();
        var areas = expected.Where(f => f.Caption == "Overweight and obese combined, Reception").ToList();
        Assert.Equal(areas.Select((f, i) => (f, i)).Where(x => x.f.Value is not null).Select(x => $"{x.i}:{x.f.Value}"),
            Points(series.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Values>()!));
        var leicestershire = areas.FindIndex(f => f.Area == "Leicestershire");
        Assert.Contains($"{leicestershire}:0.9", Points(series.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.ErrorBars>()!.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Minus>()!));

        // The seed's tables say "significantly lower" for both: the words beside Leicestershire's figures agree.
        Assert.Equal(["significantly lower (better)", "significantly lower (better)"], docxRows[("Overweight and obese combined, Reception", "Leicestershire")][4..]);

        using var xlsx = SpreadsheetDocument.Open(Path.Combine(outDir, "pack.xlsx"), false);
        var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "C Area comparisons");
        var rows = SheetRows(xlsx, sheet);
        var header = rows[0].ToDictionary(c => c.Column, c => c.Text!);
        var xlsxRows = rows.Skip(1).ToDictionary(
            r => ($"{Text(r, header, "Indicator")}, {Text(r, header, "Group")}", Text(r, header, "Area")),
            r => r.Where(c => c.Text is null && c.Number is not null).ToDictionary(c => header[c.Column], c => c.Number));
        Assert.Equal(expected.Count, xlsxRows.Count);
        foreach (var f in expected)
        {
            var numbers = xlsxRows[(f.Caption, f.Area)];
            foreach (var (column, text) in new[] { ("Per cent", f.Value), ("Lower 95% limit", f.Lower), ("Upper 95% limit", f.Upper) })
            {
                // An Excel percentage: 20.2% is held as 0.202, with no binary noise.
                var held = numbers.GetValueOrDefault(column);
                Assert.True(text is null ? held is null : Same(held * 100, double.Parse(text, CultureInfo.InvariantCulture)),
                    $"{f.Caption} {f.Area} {column}: data.csv {text ?? "x"}, xlsx {held}");
                Assert.True(held is null || held.Value.ToString("R", CultureInfo.InvariantCulture).Length <= 6, $"{f.Caption} {f.Area} {column}: {held} has float noise");
            }
        }
    }

    [Fact]
    public void Pack_ComparisonsThatAreNeither_ExitsTwoNamingTheOption()
    {
        var outDir = CliRunner.TempDirectory();
        var pack = CliRunner.Run("pack", "--sample", "leicestershire-2015-16-q3", "--comparisons", "no-such-comparison", "--out", outDir);
        Assert.Equal(2, pack.ExitCode);
        Assert.Contains("--comparisons", pack.Error);
        Assert.Contains("neither an area-comparison manifest nor a bundled area-comparison sample", pack.Error);
        Assert.False(File.Exists(Path.Combine(outDir, "pack.docx")));
    }

    [Fact]
    public void Pack_ComparisonsByName_OnAnotherSampleAddsTheAppendixAfterItsOwn()
    {
        var outDir = CliRunner.TempDirectory();
        var pack = CliRunner.Run("pack", "--sample", "central-bedfordshire-2013", "--comparisons", "ncmp-2014-15", "--out", outDir);
        Assert.True(pack.ExitCode == 0, pack.Error + pack.Output);
        using var docx = WordprocessingDocument.Open(Path.Combine(outDir, "pack.docx"), false);
        var headings = docx.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText)
            .Where(t => t.StartsWith("Appendix ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("Appendix A:", headings[0]);
        Assert.EndsWith("Comparisons of areas with England and East Midlands (95% confidence intervals)", headings[^1]);
    }

    private static string Text(List<XCell> row, Dictionary<string, string> header, string column) =>
        row.Single(c => header[c.Column] == column).Text ?? "";

    /// <summary>One figure of samples/ncmp-2014-15/data.csv, as printed there (null where the source prints "x").</summary>
    internal sealed record NcmpFigure(string Caption, string Area, string? Value, string? Lower, string? Upper);

    /// <summary>The sample's figures, read straight from its files (the transcription of the seed), not through GoldenThread.</summary>
    internal static List<NcmpFigure> NcmpFigures()
    {
        var folder = Path.Combine(CliRunner.RepositoryRoot, "samples", "ncmp-2014-15");
        var titles = File.ReadAllLines(Path.Combine(folder, "indicators.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1]);
        return File.ReadAllLines(Path.Combine(folder, "data.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => CsvField().Matches(l + ",").Select(m => m.Groups[1].Value.Trim('"')).ToList())
            .Select(f => new NcmpFigure($"{titles[f[0]]}, {f[1]}", f[2], Blank(f[3]), Blank(f[4]), Blank(f[5])))
            .ToList();

        static string? Blank(string s) => s.Length == 0 ? null : s;
    }

    [GeneratedRegex("(\"[^\"]*\"|[^,]*),")]
    private static partial Regex CsvField();
}
