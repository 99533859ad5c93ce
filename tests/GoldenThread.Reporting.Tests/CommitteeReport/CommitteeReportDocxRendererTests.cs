using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;

namespace GoldenThread.Reporting.Tests.CommitteeReport;

public sealed class CommitteeReportDocxRendererTests
{
    // What is published: the fixture after disclosure control, so the Child Protection row (2 children) is withheld.
    private static readonly Dashboard Published = DashboardDisclosure.Apply(DashboardFixture.Build(), DisclosureRules.Default);

    private static readonly byte[] Report = Render(Published);

    private static byte[] Render(Dashboard dashboard)
    {
        using var stream = new MemoryStream();
        CommitteeReportDocxRenderer.Render(dashboard, stream);
        return stream.ToArray();
    }

    private static WordprocessingDocument Open(byte[]? bytes = null) => WordprocessingDocument.Open(new MemoryStream(bytes ?? Report), false);

    private static Body BodyOf(WordprocessingDocument doc) => doc.MainDocumentPart!.Document.Body!;

    private static string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static List<string> Styled(WordprocessingDocument doc, string style) =>
        BodyOf(doc).Elements<Paragraph>().Where(p => StyleOf(p) == style).Select(p => p.InnerText).ToList();

    private static List<Paragraph> NumberedParagraphs(WordprocessingDocument doc) =>
        BodyOf(doc).Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();

    private static void AssertValid(WordprocessingDocument doc)
    {
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Render_Fixture_PassesOpenXmlValidation()
    {
        using var doc = Open();
        AssertValid(doc);
    }

    [Fact]
    public void Render_NoSections_StillValid()
    {
        using var doc = Open(Render(DashboardFixture.Build() with { Sections = [] }));
        AssertValid(doc);
    }

    [Fact]
    public void Render_Fixture_TitleAndHeadingsInWordStyles()
    {
        using var doc = Open();

        Assert.Equal(["Children & Families Outcomes Framework: performance report, 2015/16 Q3"], Styled(doc, "Title"));
        Assert.Contains("Leicestershire County Council", Styled(doc, "Subtitle"));
        Assert.Equal(
            ["Purpose of the report", "Background", "Overview", "Performance by theme", "Small numbers", "List of appendices",
             "Appendix A: Children & Families Outcomes Framework performance dashboard, 2015/16 Q3"],
            Styled(doc, "Heading1"));
        Assert.Equal(
            ["Children and Young People are Safe", "Children and Young People Achieve their Potential", "Measures awaiting data", "Key"],
            Styled(doc, "Heading2"));

        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("heading 2", styles["Heading2"].StyleName!.Val!.Value);
        Assert.Equal("Title", styles["Title"].StyleName!.Val!.Value);
    }

    [Fact]
    public void Render_Fixture_NumberedParagraphsUseOneDecimalNumberingDefinition()
    {
        using var doc = Open();
        var numbered = NumberedParagraphs(doc);

        // Purpose 1, background 2, overview 2, placements, child protection, FSM, awaiting data, small numbers.
        Assert.Equal(10, numbered.Count);
        var ids = numbered.Select(p => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.All(numbered, p => Assert.Equal(0, p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value));
        // No number typed into the text: Word numbers the paragraphs.
        Assert.All(numbered, p => Assert.DoesNotMatch(@"^\d", p.InnerText));

        var numbering = doc.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == id);
        var abstractNum = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value);
        var level = abstractNum.Elements<Level>().Single(l => l.LevelIndex!.Value == 0);
        Assert.Equal(NumberFormatValues.Decimal, level.NumberingFormat!.Val!.Value);
        Assert.Equal("%1.", level.LevelText!.Val!.Value);
    }

    [Fact]
    public void Render_Fixture_PurposeBackgroundAndOverviewSentences()
    {
        using var doc = Open();
        var numbered = NumberedParagraphs(doc).Select(p => p.InnerText).ToList();

        Assert.Equal(
            "The purpose of this report is to present the Committee with the performance of the Children & Families Outcomes Framework at the end of 2015/16 Q3.",
            numbered[0]);
        Assert.StartsWith("The report is based on the set of performance measures in the Children & Families Outcomes Framework.", numbered[1]);
        Assert.Contains("attached as Appendix A", numbered[1]);
        // Fixture: quartile and England computed for placements and FSM (2 + 2), SN computed for both (2); the child
        // protection row's quartile, SN and England supplied (3).
        Assert.Equal(
            "Figures come from the council's own data and from the Department for Education's published data (LAIT) for one measure " +
            "where the council's own data has no figure. Of the national quartiles, statistical neighbour averages and England figures, " +
            "six figures are computed from the published data for all councils and three figures were supplied with the council's own " +
            "data (marked s in Appendix A).",
            numbered[2]);
        Assert.Equal(DashboardFixture.Build().Overview.Sentences, numbered.Skip(3).Take(2));
    }

    [Fact]
    public void Render_Fixture_NotableRowsUnderTheirThemeWithExactWords()
    {
        using var doc = Open();
        var paragraphs = BodyOf(doc).Elements<Paragraph>().ToList();
        var achieve = paragraphs.FindIndex(p => p.InnerText == "Children and Young People Achieve their Potential" && StyleOf(p) == "Heading2");

        Assert.Equal(
            "The percentage of pupils eligible for FSM achieving L4 in Reading, Writing and Maths was 60.0% (450 of 750) in 2014/15, " +
            "an improvement on 57.3% in 2013/14, but in the fourth quartile nationally and similar to the statistical neighbour " +
            "average of 60.4%. It is rated Red against the target of above national average.",
            paragraphs[achieve + 1].InnerText);
        Assert.NotNull(paragraphs[achieve + 1].ParagraphProperties!.NumberingProperties);
        // The families measure has no polarity and no rating: not written about.
        Assert.DoesNotContain(paragraphs, p => p.InnerText.StartsWith("Numbers of families supported", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Fixture_SuppressedRowWithheldWithJudgementsOnly()
    {
        using var doc = Open();
        var text = NumberedParagraphs(doc).Select(p => p.InnerText).Single(t => t.StartsWith("Child Protection plans", StringComparison.Ordinal));

        Assert.Equal(
            "Child Protection plans lasting 2 years or more open at end of quarter: the 2015/16 Q3 figure is withheld because it rests " +
            "on fewer than six children. It shows no significant change since the previous figure, is in the top quartile nationally " +
            "and is better than the statistical neighbour average of 2.40%. It is rated Green against the target of top quartile.",
            text);
        Assert.DoesNotContain("0.59", BodyOf(doc).InnerText);
        Assert.Contains(
            "One measure is awaiting data and is not reported on: \u2018" + DashboardFixture.SpecialTitle + "\u2019.",
            NumberedParagraphs(doc).Select(p => p.InnerText));
    }

    [Fact]
    public void Render_Fixture_AppendixTableHeaderRepeatsAndOneRowPerMeasure()
    {
        using var doc = Open();
        var table = Assert.Single(BodyOf(doc).Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();

        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(
            ["Measure", "Updated", "Latest period", "Current value", "Better or worse than previous", "RAG",
             "National quartile (1 = top)", "Statistical neighbours", "England", "Target"],
            rows[0].Elements<TableCell>().Select(c => c.InnerText));

        var themeRows = rows.Skip(1).Where(r => r.Elements<TableCell>().Count() == 1).ToList();
        Assert.Equal(["Children and Young People are Safe", "Children and Young People Achieve their Potential"], themeRows.Select(r => r.InnerText));
        Assert.All(themeRows, r => Assert.Equal(10, r.GetFirstChild<TableCell>()!.TableCellProperties!.GridSpan!.Val!.Value));

        var measureRows = rows.Skip(1).Where(r => r.Elements<TableCell>().Count() == 10).ToList();
        Assert.Equal(5, measureRows.Count);
        Assert.Equal(
            [DashboardFixture.Placements.Title, DashboardFixture.LongPlans.Title, DashboardFixture.Awaiting.Title, DashboardFixture.Families.Title, DashboardFixture.FsmGap.Title],
            measureRows.Select(r => r.GetFirstChild<TableCell>()!.Elements<Paragraph>().First().Elements<Run>().First().InnerText));
        Assert.Equal(rows.Count - 1, themeRows.Count + measureRows.Count);
    }

    [Theory]
    [InlineData("PLAC3", "Amber", "F47738")]
    [InlineData("CPP2Y", "Green", "00703C")]
    [InlineData("KS2FSM", "Red", "D4351C")]
    [InlineData("SLF1", "No rating", "EEEFEF")]
    public void Render_Fixture_RagCellShadedAndWorded(string measureId, string word, string fill)
    {
        using var doc = Open();
        var row = BodyOf(doc).Descendants<TableRow>().Single(r => r.Elements<TableCell>().Count() == 10
            && r.GetFirstChild<TableCell>()!.InnerText.EndsWith(" " + measureId, StringComparison.Ordinal));
        var rag = row.Elements<TableCell>().ElementAt(5);

        Assert.Equal(word, rag.InnerText.Trim());
        Assert.Equal(fill, rag.TableCellProperties!.Shading!.Fill!.Value);
    }

    [Fact]
    public void Render_Fixture_SuppressedValueShowsMarkerAndFootnoteFollowsTable()
    {
        using var doc = Open();
        var row = BodyOf(doc).Descendants<TableRow>().Single(r => r.GetFirstChild<TableCell>()!.InnerText.EndsWith(" CPP2Y", StringComparison.Ordinal));
        Assert.Equal("*", row.Elements<TableCell>().ElementAt(3).InnerText);

        var afterTable = BodyOf(doc).Elements<Table>().Single().NextSibling<Paragraph>()!;
        Assert.Equal(Published.DisclosureNote, afterTable.InnerText);
    }

    [Fact]
    public void Render_Fixture_ReportPortraitAppendixLandscape()
    {
        using var doc = Open();
        var body = BodyOf(doc);
        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);

        var report = sections[0].GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Portrait, report.Orient!.Value);
        Assert.True(report.Height!.Value > report.Width!.Value);

        // The body's own sectPr is the last section: the one the appendix table is in.
        var appendix = body.LastChild as SectionProperties;
        Assert.NotNull(appendix);
        var size = appendix.GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.Equal(16838u, size.Width!.Value);
        Assert.Equal(11906u, size.Height!.Value);
        Assert.Equal(SectionMarkValues.NextPage, appendix.GetFirstChild<SectionType>()!.Val!.Value);
        Assert.True(body.Elements<Table>().Single().IsBefore(appendix));
        Assert.True(sections[0].Ancestors<Paragraph>().Single().IsBefore(body.Elements<Table>().Single()));
    }

    [Fact]
    public void Render_NoDisclosure_NoSmallNumbersSectionOrFootnote()
    {
        using var doc = Open(Render(DashboardFixture.Build()));

        Assert.DoesNotContain("Small numbers", Styled(doc, "Heading1"));
        Assert.DoesNotContain(Styled(doc, "Note"), t => t.StartsWith('*'));
        Assert.Contains(NumberedParagraphs(doc), p => p.InnerText.Contains("was 0.59% (2 of 339) in 2015/16 Q3", StringComparison.Ordinal));
    }
}
