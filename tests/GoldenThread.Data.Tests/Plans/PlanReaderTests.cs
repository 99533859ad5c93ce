using GoldenThread.Core;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using GoldenThread.Data.Plans;

namespace GoldenThread.Data.Tests.Plans;

public class PlanReaderTests
{
    private static Plan DocsExample() =>
        PlanReader.Read(new StringReader(RepoFiles.FencedBlock("plan-format.md", "yaml")), "plan-format.md");

    [Fact]
    public void Read_DocsExample_ReadsThePlanHeader()
    {
        var plan = DocsExample();

        Assert.Equal("Children and Family Services Departmental Plan", plan.Name);
        Assert.Equal("Leicestershire", plan.Council);
        Assert.Equal(855, plan.LaNumber);
        Assert.Equal(2020, plan.FirstYear);
        Assert.Equal(2023, plan.LastYear);
        Assert.Equal("Leicestershire is the best place for all children, young people and their families", plan.Vision);
        Assert.Equal("Children and young people in Leicestershire are safe ...", plan.Mission);
        Assert.Equal([new PlanValue("Child-centred", "We put children first")], plan.Values);
        Assert.Equal([new StrategicPriority("SP-ECON", "Enabling economic growth")], plan.StrategicPriorities);
    }

    [Fact]
    public void Read_DocsExample_ReadsThemesOutcomesIntentionsAndActions()
    {
        var theme = Assert.Single(DocsExample().Themes);

        Assert.Equal("A1", theme.Id);
        Assert.Equal("Help every child to get the best possible start in life", theme.Title);
        Assert.Equal("This is about helping families with babies ...", theme.Description);
        Assert.Equal(["gld"], theme.MeasureIds);
        var outcome = Assert.Single(theme.Outcomes);
        Assert.Equal("A1.P1", outcome.Id);
        Assert.Equal(["feee-2yo", "gld"], outcome.MeasureIds);
        var intention = Assert.Single(outcome.Intentions);
        Assert.Equal("CI-1", intention.Id);
        Assert.Equal("Commission a neo-natal pathway", intention.Text);
        Assert.Equal([NeedLevel.Prevent, NeedLevel.Reduce], intention.NeedLevels);
        Assert.Equal(["SP-ECON"], intention.StrategicPriorities);
        Assert.True(intention.Statutory);
        Assert.Equal("Why this is commissioned", intention.Rationale);
        var action = Assert.Single(outcome.Actions);
        Assert.Equal("1.1a", action.Code);
        Assert.Equal("Develop a neo natal pathway ...", action.Text);
        Assert.Equal("Head of Service - Education Quality and Effectiveness", action.Lead);
        Assert.Equal(new DateOnly(2021, 3, 31), action.Due);
        Assert.Equal(ActionStatus.OnTrack, action.Status);
        Assert.Equal("Pathway drafted with health partners", action.Progress);
    }

    [Fact]
    public void Read_DocsExample_ReadsAFullyDescribedMeasure()
    {
        var m = DocsExample().Measures[0];

        Assert.Equal("feee-2yo", m.Id);
        Assert.Equal("% of eligible 2 year olds taking up their FEEE", m.Title);
        Assert.Equal(MeasureUnit.Percentage, m.Unit);
        Assert.Equal(Polarity.HigherIsBetter, m.Polarity);
        Assert.Equal(Frequency.AcademicYear, m.Frequency);
        Assert.Equal(1, m.DecimalPlaces);
        Assert.Equal("DfE Education provision", m.Source);
        Assert.Equal("Head of Service - Early Help", m.Owner);
        Assert.Equal("EY2", m.LaitCode);
        Assert.Equal(Tolerance.InUnits(2), m.Tolerance);
        Assert.Equal(Tolerance.InUnits(0.5), m.SimilarWithin);
        Assert.False(m.NoQuartile);
        Assert.False(m.Qualitative);
        Assert.Equal(Counted.Children, m.CountsGiven);
        Assert.Equal("Free early education entitlement take-up ...", m.Definition);
        Assert.Null(m.Gap);

        // An academic-year measure's "2021/22" is the academic year starting September 2021.
        Assert.Equal(2, m.Targets.Count);
        Assert.Equal(Period.AcademicYear(2021), m.Targets[0].Year);
        Assert.Equal(TargetKind.Numeric, m.Targets[0].Target.Kind);
        Assert.Equal(75, m.Targets[0].Target.Value);
        Assert.Equal(Period.AcademicYear(2022), m.Targets[1].Year);
        Assert.Equal(TargetKind.TopQuartile, m.Targets[1].Target.Kind);
    }

    [Fact]
    public void Read_DocsExample_GapMeasureTakesItsGroupsFrequency()
    {
        var gap = DocsExample().FindMeasure("gap-fsm-gld")!;

        Assert.Equal(new GapDefinition("gld-fsm", "gld-non-fsm"), gap.Gap);
        Assert.Equal(Polarity.LowerIsBetter, gap.Polarity);
        Assert.Equal(Frequency.AcademicYear, gap.Frequency);
        var target = Assert.Single(gap.Targets);
        Assert.Equal(Period.AcademicYear(2022), target.Year);
        Assert.Equal(TargetKind.GapNarrowing, target.Target.Kind);
        Assert.Equal(Tolerance.DefaultAmber, gap.Tolerance);
        Assert.Equal(Tolerance.DefaultSimilarity, gap.SimilarWithin);
    }

    [Fact]
    public void Read_DocsExample_ReadsTheSurroundingFramework()
    {
        var plan = DocsExample();

        Assert.Equal(5, plan.Measures.Count);
        Assert.Equal([new CrossCuttingTheme("Voice", "putting children and young people at the heart of all our activities")], plan.CrossCuttingThemes);
        var level = Assert.Single(plan.PerformanceLevels);
        Assert.Equal("Departmental", level.Level);
        Assert.Equal(["CFS Departmental Plan", "Continuous Improvement Plan"], level.Planning);
        Assert.Equal(["CFS DMT", "CFS Overview and Scrutiny Committee"], level.Review);
        Assert.Equal("quarterly", level.Cadence);
        Assert.Equal([new RelatedStrategy("Corporate Parenting Strategy", "Specialist strategies")], plan.RelatedStrategies);
        Assert.Equal([new HeadlineFigure("0-17 population", "136,946", "2018/19")], plan.OurChildren);
        var report = plan.CommitteeReport!;
        Assert.Equal("Children and Families Overview and Scrutiny Committee", report.Committee);
        Assert.Equal("Director of Children and Family Services", report.ReportOf);
        Assert.Equal(["Children and Family Services Departmental Plan 2020-23"], report.BackgroundPapers);
        Assert.Equal("None.", report.Circulation);
        // One paragraph may be written as a single value rather than a list of one.
        Assert.Equal(["The report sets out performance for vulnerable groups of children."], report.EqualityImplications);
        Assert.Equal([new ContactOfficer("A. Officer", "Head of Performance", "0116 000 0000", "performance@example.gov.uk")], report.Officers);
    }

    [Fact]
    public void Read_NoCommitteeReport_IsNull() => Assert.Null(PlanReader.Read(new StringReader(Minimal), "minimal.yaml").CommitteeReport);

    private const string Minimal = """
        plan: Minimal
        years: 2020-23
        measures:
          - id: Referrals-Rate
            title: Rate of referrals per 10,000 children
            unit: rate per 10,000
            polarity: lower
            targets:
              2021/22: below 500
              2023: tbc
        themes:
          - id: T
            title: Theme
            outcomes:
              - id: O
                title: Outcome
                measures: [referrals-rate]
        """;

    [Fact]
    public void Read_DocsExtensionsExample_ReadsAimsThemeActionsExpectedResultsVoiceMeasuresAndTargetsWithNoYear()
    {
        var plan = PlanReader.Read(new StringReader(RepoFiles.FencedBlocks("plan-format.md", "yaml")[1]), "plan-format.md");

        var theme = Assert.Single(plan.Themes);
        Assert.Equal(["Improving achievement and pupils' progress"], theme.Aims);
        Assert.Equal(("EA-1", "Partners are active in the Central Bedfordshire Teaching School Partnership"), (theme.Actions[0].Code, theme.Actions[0].Text));
        Assert.Equal(["Reduce the number of schools below national floor standards"], theme.Outcomes[0].ExpectedResults);
        Assert.Equal(["young-inspectors"], Assert.Single(plan.CrossCuttingThemes).MeasureIds);
        var gcse = plan.FindMeasure("gcse-5ac-em")!;
        Assert.Empty(gcse.Targets);
        Assert.Equal(TargetKind.TopQuartile, gcse.StandingTarget!.Kind);
        Assert.Equal(TargetKind.GapNarrowing, plan.FindMeasure("gcse-fsm-5ac-em")!.StandingTarget!.Kind);
        Assert.Equal(TargetKind.ToBeConfirmed, plan.FindMeasure("young-inspectors")!.StandingTarget!.Kind);
    }

    [Fact]
    public void Read_MinimalPlan_AppliesDefaults()
    {
        var plan = PlanReader.Read(new StringReader(Minimal), "minimal.yaml");

        Assert.Equal(2020, plan.FirstYear);
        Assert.Equal(2023, plan.LastYear);
        Assert.Null(plan.LaNumber);
        var m = Assert.Single(plan.Measures);
        Assert.Equal(MeasureUnit.RatePer(10000), m.Unit);
        Assert.Equal(Frequency.Quarterly, m.Frequency);
        Assert.Equal(1, m.DecimalPlaces);
        Assert.Equal(Tolerance.DefaultAmber, m.Tolerance);
        Assert.Equal(Tolerance.DefaultSimilarity, m.SimilarWithin);

        // Quarterly measures read split and bare years as financial years: "2023" is the year ending March 2023.
        Assert.Equal(Period.FinancialYear(2021), m.Targets[0].Year);
        Assert.Equal(BoundOperator.Below, m.Targets[0].Target.Operator);
        Assert.Equal(500, m.Targets[0].Target.Value);
        Assert.Equal(Period.FinancialYear(2022), m.Targets[1].Year);
        Assert.Equal(TargetKind.ToBeConfirmed, m.Targets[1].Target.Kind);
    }

    [Fact]
    public void Read_MeasureReferenceInOtherCase_StoresTheMeasuresOwnId()
    {
        var plan = PlanReader.Read(new StringReader(Minimal), "minimal.yaml");

        Assert.Equal(["Referrals-Rate"], plan.Themes[0].Outcomes[0].MeasureIds);
    }

    [Theory]
    [InlineData("2020-2023", 2020, 2023)]
    [InlineData("2020-23", 2020, 2023)]
    [InlineData("2019 - 2021", 2019, 2021)]
    [InlineData("1999-01", 1999, 2001)]
    [InlineData("2024-2024", 2024, 2024)]
    public void Read_Years_AcceptsFullAndShortForms(string years, int first, int last)
    {
        var plan = PlanReader.Read(new StringReader($"plan: P\nyears: {years}\n"), "p.yaml");

        Assert.Equal((first, last), (plan.FirstYear, plan.LastYear));
    }

    [Fact]
    public void ReadFile_WithBom_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "goldenthread-plan-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            File.WriteAllText(path, "plan: P\nyears: 2020-2023\n", new System.Text.UTF8Encoding(true));

            Assert.Equal("P", PlanReader.ReadFile(path).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_AnchorsAndAliases_AreResolved()
    {
        const string yaml = """
            plan: P
            years: 2020-2023
            measures:
              - id: m1
                title: M
                unit: count
                polarity: &pol lower-is-better
              - id: m2
                title: N
                unit: count
                polarity: *pol
            themes:
              - id: T
                title: T
                measures: &both [m1, m2]
                outcomes:
                  - id: O
                    title: O
                    measures: *both
            """;

        var plan = PlanReader.Read(new StringReader(yaml), "p.yaml");

        Assert.Equal(Polarity.LowerIsBetter, plan.Measures[1].Polarity);
        Assert.Equal(["m1", "m2"], plan.Themes[0].Outcomes[0].MeasureIds);
    }

    [Theory]
    [InlineData("staff", Counted.Staff)]
    [InlineData("organisations", Counted.Organisations)]
    [InlineData("Families", Counted.Families)]
    [InlineData("money", Counted.Money)]
    [InlineData("other", Counted.Other)]
    public void Read_Counts_ReadsWhatTheMeasureCounts(string written, Counted counted)
    {
        var yaml = RepoFiles.FencedBlock("plan-format.md", "yaml").Replace("    counts: children ", $"    counts: {written} ");

        var m = PlanReader.Read(new StringReader(yaml), "p.yaml").Measures[0];

        Assert.Equal(counted, m.Counts);
    }

    [Fact]
    public void Read_NoCounts_DefaultsToChildren()
    {
        var gld = DocsExample().Measures.Single(m => m.Id == "gld");

        Assert.Null(gld.CountsGiven);
        Assert.Equal(Counted.Children, gld.Counts);
    }
}
