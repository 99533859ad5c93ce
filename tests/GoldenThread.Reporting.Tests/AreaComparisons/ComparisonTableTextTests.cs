using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Reporting.AreaComparisons;
using GoldenThread.Reporting.CommitteePack;
using GoldenThread.Reporting.Tests.CommitteePack;

namespace GoldenThread.Reporting.Tests.AreaComparisons;

/// <summary>
/// The comparison table's cells as the pack's files print them, worked out by hand from the fixture (seed 001's
/// reception obese rows): a benchmark outside the area's interval is a significant difference, one inside is similar.
/// </summary>
public sealed class ComparisonTableTextTests
{
    private static readonly AreaComparisonResult Result = AreaComparisonFixture.Result();

    public static TheoryData<string, string[]> Rows => new()
    {
        // 6.9 to 8.2 lies below England's 9.1 and the East Midlands' 8.6; lower is better.
        { "Leicestershire & <Rutland>", ["Leicestershire & <Rutland>", "7.5", "6.9", "8.2", "significantly lower (better)", "significantly lower (better)"] },
        // 7.8 to 10.4 holds both 9.1 and 8.6.
        { "Charnwood", ["Charnwood", "9.0", "7.8", "10.4", "similar", "similar"] },
        { "England", ["England", "9.1", "9.0", "9.2", "benchmark", "wider benchmark"] },
        // NCMP's x, and a count of 3 (of 40) withheld here: the marker, never 7.5.
        { "Harborough", ["Harborough", "x", "x", "x", "not published", "not published"] },
        { "Tiny", ["Tiny", "*", "*", "*", "suppressed (small count)", "suppressed (small count)"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Cells_EachRow_AsTheSeedPrintsIt(string area, string[] expected)
    {
        var table = Result.Tables[0];
        var row = table.Rows.Single(r => r.Area == area);

        Assert.Equal(expected, ComparisonTableText.Cells(table, row, Result.Disclosure));
        Assert.Equal(["Area", "Per cent", "Lower 95% limit", "Upper 95% limit", "Compared with England", "Compared with East Midlands"], ComparisonTableText.Headers(table));
    }

    [Fact]
    public void Pack_WithComparisons_AnAppendixInEveryFileAndNoSmallCount()
    {
        var pack = CommitteePackBuilder.Build(DashboardFixture.Build(), CommitteePackTests.PlanWith(0, 0, 0, 0, actions: false) with { OurChildren = [] },
            new PackOptions { Comparisons = new PackComparisons("Obese reception children, 2014/15", Result) });

        var appendix = pack.Appendices[^1];
        Assert.Equal(AppendixKind.AreaComparisons, appendix.Kind);
        Assert.Equal("Comparisons of areas with England and East Midlands (95% confidence intervals)", appendix.Title);
        Assert.Contains(pack.Sections.Single(s => s.Heading == "Background").Paragraphs,
            p => p.Text.Contains($"Appendix {appendix.Letter} compares areas with their benchmarks", StringComparison.Ordinal));

        using var docxStream = new MemoryStream();
        CommitteePackDocxRenderer.Render(pack, docxStream);
        docxStream.Position = 0;
        using var docx = WordprocessingDocument.Open(docxStream, false);
        Assert.Empty(new OpenXmlValidator().Validate(docx));
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Key figures for Leicestershire & <Rutland>", text, StringComparison.Ordinal);
        Assert.Contains("Obese reception children, 2014/15", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3 of 40", text, StringComparison.Ordinal);

        using var xlsxStream = new MemoryStream();
        CommitteePackXlsxRenderer.Render(pack, xlsxStream);
        xlsxStream.Position = 0;
        using var book = SpreadsheetDocument.Open(xlsxStream, false);
        Assert.Contains($"{appendix.Letter} Area comparisons", book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }
}
