using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GoldenThread.Core.Plans;
using GoldenThread.Reporting.CommitteePack;

namespace GoldenThread.Reporting.Tests.CommitteePack;

/// <summary>The pack model built from the fixture dashboard and a hand-made plan, and its DOCX and XLSX.</summary>
public sealed class CommitteePackTests
{
    internal static Plan PlanWith(int prevent, int reduce, int delay, int meet, bool actions = true)
    {
        var n = 0;
        IEnumerable<CommissioningIntention> Of(NeedLevel level, int count) => Enumerable.Range(0, count).Select(_ => new CommissioningIntention
        {
            Id = $"CI-{++n}",
            Text = $"Intention {n}",
            NeedLevels = [level],
            StrategicPriorities = n % 2 == 0 ? ["SP1"] : ["SP1", "SP2"],
        });
        return new Plan
        {
            Name = "Children & Families Outcomes Framework",
            FirstYear = 2015,
            LastYear = 2019,
            StrategicPriorities = [new("SP1", "Supporting Children and Families"), new("SP2", "Better Care")],
            Themes =
            [
                new Theme
                {
                    Id = "T1", Title = "Safe",
                    Outcomes =
                    [
                        new Outcome { Id = "O1", Title = "Protected", Intentions = [.. Of(NeedLevel.Prevent, prevent), .. Of(NeedLevel.Reduce, reduce)] },
                        new Outcome
                        {
                            Id = "O2", Title = "Stable", Intentions = [.. Of(NeedLevel.Delay, delay), .. Of(NeedLevel.Meet, meet)],
                            Actions = actions
                                ? [new PlanAction { Code = "1.1a", Text = "Recruit foster carers", Lead = "Head of Fostering", Due = new DateOnly(2016, 3, 31), Status = ActionStatus.OnTrack, StatusStated = true, Progress = "12 recruited" }]
                                : [],
                        },
                    ],
                    Actions = actions ? [new PlanAction { Code = "1.2", Text = "Review the front door" }] : [],
                },
            ],
            OurChildren = [new HeadlineFigure("Children in care", "640", "2018/19")],
        };
    }

    private static Core.Dashboard.Dashboard Dashboard => DashboardFixture.Build();

    [Fact]
    public void Build_Intentions_CountsInWords()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(5, 9, 10, 12), new PackOptions());
        Assert.Equal("36 commissioning intentions: Prevent 5, Reduce 9, Delay 10, Meet 12.", pack.Intentions!.Summary);
        Assert.Equal(36, pack.Intentions.Total);
        Assert.Equal([36, 18], pack.Intentions.PriorityTotals);
    }

    [Fact]
    public void Build_OneIntention_Singular()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 0, 0, 0), new PackOptions());
        Assert.Equal("1 commissioning intention: Prevent 1, Reduce 0, Delay 0, Meet 0.", pack.Intentions!.Summary);
    }

    [Fact]
    public void Build_NothingSupplied_OmitsRecommendationsAndChanges()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions());
        var headings = pack.Sections.Select(s => s.Heading).ToList();
        Assert.DoesNotContain("Recommendations", headings);
        Assert.DoesNotContain("Changes to the report", headings);
        Assert.Equal(["Subject"], pack.TitleBlock.Select(t => t.Label));
        Assert.Equal(["A", "B", "C", "D"], pack.Appendices.Select(a => a.Letter));
    }

    [Fact]
    public void Build_Supplied_TitleBlockRecommendationsAndChanges()
    {
        var plan = PlanWith(1, 1, 1, 1) with { Measures = [DashboardFixture.Placements, DashboardFixture.FsmGap] };
        var previous = plan with { Measures = [DashboardFixture.Placements with { Title = "Old title" }, DashboardFixture.Families] };
        var pack = CommitteePackBuilder.Build(Dashboard, plan, new PackOptions
        {
            Committee = "Children and Families Overview and Scrutiny Committee",
            MeetingDate = "4 April 2016",
            ReportOf = "Director of Children and Family Services",
            Recommendations = ["The Committee is asked to note the report."],
            PreviousPlan = previous,
        });
        Assert.Equal(["Committee", "Date of meeting", "Report of", "Subject"], pack.TitleBlock.Select(t => t.Label));
        var changes = pack.Sections.Single(s => s.Heading == "Changes to the report").Paragraphs.Select(p => p.Text).ToList();
        Assert.Equal(
        [
            "One measure has been added since the previous version of the plan: \u2018% pupils eligible for FSM achieving L4 in Reading, Writing and Maths\u2019.",
            "One measure has been removed: \u2018Numbers of families supported through SLF service (no. of assessments)\u2019.",
            "One measure has changed: \u2018% children with 3 or more placements during the year\u2019 (title).",
        ], changes);
    }

    private static readonly CommitteeReportDetails StandingWords = new()
    {
        Committee = "Children and Families Overview and Scrutiny Committee",
        ReportOf = "Director of Children and Family Services",
        BackgroundPapers = ["Report to the Cabinet, 12 February 2016"],
        Circulation = "None.",
        EqualityImplications = ["Addressing equalities issues is supported by this report."],
        Officers = [new ContactOfficer("A. Officer", "Head of Performance", "0116 000 0000", "performance@example.gov.uk"), new ContactOfficer(null, "Business Partner", null, null)],
    };

    [Fact]
    public void Build_PlanStandingWords_SectionsInTheCouncilReportOrder()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1) with { CommitteeReport = StandingWords }, new PackOptions());
        Assert.Equal(["Committee", "Report of", "Subject"], pack.TitleBlock.Select(t => t.Label));
        Assert.Equal("Children and Families Overview and Scrutiny Committee", pack.TitleBlock[0].Value);
        var headings = pack.Sections.Select(s => s.Heading).ToList();
        var tail = headings.SkipWhile(h => h != "Background papers").ToList();
        Assert.Equal(
            ["Background papers", "Circulation under the local issues alert procedure", "Equality and human rights implications", "Officers to contact", "List of appendices"],
            tail);
        PackParagraph Only(string heading) => Assert.Single(pack.Sections.Single(s => s.Heading == heading).Paragraphs);
        Assert.Equal(new PackParagraph("Report to the Cabinet, 12 February 2016", null), Only("Background papers"));
        Assert.Equal(new PackParagraph("None.", null), Only("Circulation under the local issues alert procedure"));
        // Equality implications are numbered paragraphs of the report (paragraph 31 of seed 001's Q3 report); the lists are not.
        Assert.NotNull(Only("Equality and human rights implications").Number);
        Assert.Equal(
            ["A. Officer, Head of Performance. Telephone: 0116 000 0000. Email: performance@example.gov.uk", "Business Partner."],
            pack.Sections.Single(s => s.Heading == "Officers to contact").Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Build_CommandWords_TakeThePlaceOfThePlans()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1) with { CommitteeReport = StandingWords }, new PackOptions
        {
            Committee = "Cabinet",
            Circulation = "Members for Loughborough East.",
            Officers = [new ContactOfficer("B. Officer", null, null, null)],
        });
        Assert.Equal("Cabinet", pack.TitleBlock[0].Value);
        Assert.Equal("Members for Loughborough East.", pack.Sections.Single(s => s.Heading == "Circulation under the local issues alert procedure").Paragraphs[0].Text);
        Assert.Equal(["B. Officer."], pack.Sections.Single(s => s.Heading == "Officers to contact").Paragraphs.Select(p => p.Text));
        // What the command does not give still comes from the plan.
        Assert.Equal("Report to the Cabinet, 12 February 2016", pack.Sections.Single(s => s.Heading == "Background papers").Paragraphs[0].Text);
    }

    [Fact]
    public void Build_NoStandingWords_NoneOfThoseSections()
    {
        var headings = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions()).Sections.Select(s => s.Heading).ToList();
        Assert.DoesNotContain("Background papers", headings);
        Assert.DoesNotContain("Circulation under the local issues alert procedure", headings);
        Assert.DoesNotContain("Equality and human rights implications", headings);
        Assert.DoesNotContain("Officers to contact", headings);
    }

    [Fact]
    public void Build_Paragraphs_NumberedOneToNThroughTheReport()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions());
        var numbers = pack.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Number).OfType<int>().ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [Fact]
    public void Build_NotableMeasure_CarriesTheNoteAsCommentary()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions());
        var longPlans = pack.NotableMeasures.Single(n => n.MeasureId == DashboardFixture.LongPlans.Id);
        Assert.Equal("Small numbers: 2 children", longPlans.Commentary);
        Assert.DoesNotContain(pack.NotableMeasures, n => n.MeasureId == DashboardFixture.Awaiting.Id);
    }

    [Fact]
    public void Build_ApprovedCommentary_TakesThePlaceOfTheNote()
    {
        var commentary = new Dictionary<string, string> { [DashboardFixture.LongPlans.Id] = "Two children moved; both placements are stable." };
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions { Commentary = commentary });
        Assert.Equal("Two children moved; both placements are stable.", pack.NotableMeasures.Single(n => n.MeasureId == DashboardFixture.LongPlans.Id).Commentary);
    }

    [Fact]
    public void Render_Evidence_AnAppendixInEveryFormat()
    {
        PackEvidence[] evidence = [new(DashboardFixture.LongPlans.Id, "Long-term placements", "I feel listened to <now>.", "a young person in care, 15")];
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions { Evidence = evidence });
        Assert.Equal(["Dashboard", "CommissioningIntentions", "ActionPlan", "Evidence", "OurChildren"], pack.Appendices.Select(a => a.Kind.ToString()));
        Assert.Equal("D", pack.LetterOf(AppendixKind.Evidence));

        using var docx = new MemoryStream();
        CommitteePackDocxRenderer.Render(pack, docx);
        docx.Position = 0;
        using (var doc = WordprocessingDocument.Open(docx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Appendix D: What children and families told us", text);
            Assert.Contains("\u201CI feel listened to <now>.\u201D", text);
        }

        using var xlsx = new MemoryStream();
        CommitteePackXlsxRenderer.Render(pack, xlsx);
        xlsx.Position = 0;
        using (var book = SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
            Assert.Contains("D Evidence", book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
            Assert.Contains("a young person in care, 15", book.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText));
        }
    }

    [Fact]
    public void Build_LeadsUpdates_TakeThePlaceOfThePlansStatusAndProgress()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions
        {
            ActionProgress = new Dictionary<string, PackActionProgress>
            {
                ["1.1A"] = new(ActionStatus.AtRisk, "amber", "9 of 15 recruited", new DateOnly(2016, 6, 30)),
                ["1.2"] = new(ActionStatus.Complete, null, null, new DateOnly(2016, 1, 31)),
            },
        });
        var rows = pack.Actions!.Rows;
        Assert.Equal(["At risk (Amber)", "Complete"], rows.Select(r => r.Status));
        // A note left empty keeps the plan's progress (none for 1.2).
        Assert.Equal(["9 of 15 recruited", null], rows.Select(r => r.Progress));
        Assert.Equal(["30 June 2016 (revised from 31 March 2016)", "31 January 2016"], rows.Select(ActionPlanText.Due));
        Assert.Equal("2 actions under 1 theme; 1 has a lead named and 1 a due date. Status: At risk (Amber) 1, Complete 1 (of the 2 actions with a status).", pack.Actions.Summary);
    }

    [Fact]
    public void Build_ActionWithoutStatus_HasNoStatusRatherThanNotStarted()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(1, 1, 1, 1), new PackOptions());
        Assert.Equal(["On track", null], pack.Actions!.Rows.Select(r => r.Status));
        Assert.Equal("2 actions under 1 theme; 1 has a lead named and 1 a due date. Status: On track 1 (of the 1 action with a status).", pack.Actions.Summary);
    }

    [Fact]
    public void DocxRender_Pack_PassesTheOpenXmlValidator()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(5, 9, 10, 12), new PackOptions { Committee = "Scrutiny", Recommendations = ["Note it."] });
        using var stream = new MemoryStream();
        CommitteePackDocxRenderer.Render(pack, stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("36 commissioning intentions: Prevent 5, Reduce 9, Delay 10, Meet 12.", text);
        Assert.Contains("Appendix A: Children & Families Outcomes Framework performance dashboard", text);
    }

    [Fact]
    public void XlsxRender_Pack_PercentagesAreExcelPercentagesAndSheetsPrintLandscape()
    {
        var pack = CommitteePackBuilder.Build(Dashboard, PlanWith(5, 9, 10, 12), new PackOptions());
        using var stream = new MemoryStream();
        CommitteePackXlsxRenderer.Render(pack, stream);
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["A Dashboard", "B Commissioning intentions", "C Action plan", "D Our children", "A Trend"], sheets.Select(s => s.Name!.Value));
        var printTitles = wb.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
        Assert.Equal(5, printTitles.Count);
        foreach (var sheet in sheets)
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            var setup = ws.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(9u, setup.PaperSize!.Value);
            Assert.Equal(1u, setup.FitToWidth!.Value);
            Assert.Equal(0u, setup.FitToHeight!.Value);
        }

        // The placements row: 12.55% is stored as 0.1255 with a % format of two places.
        var dashboard = ((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet;
        var strings = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var row = dashboard.Descendants<Row>().Single(r => r.Elements<Cell>().Any(c => c.DataType?.Value == CellValues.SharedString && strings[int.Parse(c.CellValue!.Text)] == "PLAC3"));
        var value = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith("F", StringComparison.Ordinal));
        Assert.Equal("0.1255", value.CellValue!.Text);
        var format = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)value.StyleIndex!.Value);
        var code = wb.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal("0.00%", code.FormatCode!.Value);

        // The trend sheet: periods across in time order (academic years end in August, financial quarters in June,
        // September and December), the placements figures under their quarters as Excel percentages, blanks elsewhere.
        var trend = ((WorksheetPart)wb.GetPartById(sheets[^1].Id!)).Worksheet;
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue?.Text ?? "";
        var trendRows = trend.Descendants<Row>().ToList();
        var headerRow = trendRows.First(r => r.Elements<Cell>().Any(c => Text(c) == "Measure ID"));
        Assert.Equal(
            ["Theme", "Measure ID", "Measure", "2012/13", "2013/14", "2015/16 Q1", "2014/15", "2015/16 Q2", "2015/16 Q3"],
            headerRow.Elements<Cell>().Select(Text));
        var placements = trendRows.Single(r => r.Elements<Cell>().Any(c => Text(c) == "PLAC3"));
        Assert.Equal(["", "", "0.134", "", "0.131", "0.1255"], placements.Elements<Cell>().Skip(3).Select(c => c.CellValue?.Text ?? ""));
    }
}
