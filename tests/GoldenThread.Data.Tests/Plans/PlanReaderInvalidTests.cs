using GoldenThread.Data.Plans;

namespace GoldenThread.Data.Tests.Plans;

/// <summary>Each invalid plan is the small valid plan below with a few lines edited; the expected messages (file, line,
/// column, field path, what was expected) were written by hand from the edited text.</summary>
public class PlanReaderInvalidTests
{
    private static readonly string[] ValidLines =
    [
        "plan: Test plan",                               // 1
        "years: 2020-2023",                              // 2
        "strategic-priorities:",                         // 3
        "  - id: SP1",                                   // 4
        "    title: Priority one",                       // 5
        "measures:",                                     // 6
        "  - id: m1",                                    // 7
        "    title: Measure one",                        // 8
        "    unit: percentage",                          // 9
        "    polarity: higher-is-better",                // 10
        "themes:",                                       // 11
        "  - id: T1",                                    // 12
        "    title: Theme one",                          // 13
        "    outcomes:",                                 // 14
        "      - id: O1",                                // 15
        "        title: Outcome one",                    // 16
        "        measures: [m1]",                        // 17
        "        intentions:",                           // 18
        "          - id: CI1",                           // 19
        "            text: Commission something",        // 20
        "            need: [prevent]",                   // 21
        "            strategic-priorities: [SP1]",       // 22
        "        actions:",                              // 23
        "          - code: 1.1a",                        // 24
        "            text: Do something",                // 25
        "            due: 2021-03-31",                   // 26
        "            status: on-track",                  // 27
    ];

    private const string PeriodExpected =
        "expected a period such as 2015/16 Q3, Q3 2015/16, 2015/16, 2015, 2014-16, 2013/14-15/16, Dec-15, 2015-12, 31/12/2015 or 2015-12-31, optionally followed by (Rev), (Final), (OT) or (prov)";

    private const string TargetExpected =
        "expected a number (70 or 70%), a bound (below 4%, <9%, >84%, at least 90), top quartile, above national average, at or better than statistical neighbours, increase, reduce, gap narrowing, tbc, monitoring only or baseline";

    /// <summary>Replaces 1-based lines (a replacement may hold several lines; null deletes the line).</summary>
    private static string Edited(params (int Line, string? Text)[] edits)
    {
        var lines = new List<string>();
        for (var i = 0; i < ValidLines.Length; i++)
        {
            var edit = edits.FirstOrDefault(e => e.Line == i + 1);
            if (edit.Line == 0)
            {
                lines.Add(ValidLines[i]);
            }
            else if (edit.Text is not null)
            {
                lines.Add(edit.Text);
            }
        }

        return string.Join("\n", lines) + "\n";
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "a target with no year and targets by year", Edited((10, "    polarity: higher-is-better\n    target: 80%\n    targets:\n      2021/22: 75")),
            ["p.yaml:11: column '13': field 'measures[0].target': a measure has either targets by year or one target with no year, not both; expected 'targets' or 'target'"]
        },
        {
            "a target with no year that does not parse", Edited((10, "    polarity: higher-is-better\n    target: most")),
            [$"p.yaml:11: column '13': field 'measures[0].target': 'most' is not a target; {TargetExpected}"]
        },
        {
            "cross-cutting theme naming an unknown measure", Edited((27, "            status: on-track\ncross-cutting-themes:\n  - name: Voice\n    measures: [m2]")),
            ["p.yaml:30: column '16': field 'cross-cutting-themes[0].measures[0]': unknown measure 'm2'; did you mean 'm1'?"]
        },
        {
            "theme action with no code", Edited((13, "    title: Theme one\n    actions:\n      - text: Something")),
            ["p.yaml:15: column '9': field 'themes[0].actions[0].code': missing; expected the action's number, e.g. 1.1a"]
        },
        {
            "measure with no polarity", Edited((10, null)),
            ["p.yaml:7: column '5': field 'measures[0].polarity': missing; expected higher-is-better, lower-is-better or no-judgement"]
        },
        {
            "polarity that does not parse", Edited((10, "    polarity: sideways")),
            ["p.yaml:10: column '15': field 'measures[0].polarity': 'sideways' is not a polarity; expected higher-is-better, lower-is-better or no-judgement"]
        },
        {
            "misspelt key", Edited((10, "    polarty: high")),
            [
                "p.yaml:7: column '5': field 'measures[0].polarity': missing; expected higher-is-better, lower-is-better or no-judgement",
                "p.yaml:10: column '5': field 'measures[0].polarty': unknown key; did you mean 'polarity'?",
            ]
        },
        {
            "unknown key far from any", Edited((1, "name: Test plan")),
            [
                "p.yaml:1: column '1': field 'name': unknown key; expected one of plan, council, la, years, vision, mission, values, strategic-priorities, themes, measures, cross-cutting-themes, performance-levels, related-strategies, our-children, committee-report",
                "p.yaml:1: column '1': field 'plan': missing; expected the plan's name",
            ]
        },
        {
            "an officer to contact with neither name nor role", Edited((2, "years: 2020-2023\ncommittee-report:\n  officers-to-contact:\n    - telephone: 0116 000 0000")),
            ["p.yaml:5: column '7': field 'committee-report.officers-to-contact[0]': an officer with neither a name nor a role; expected name:, role: or both"]
        },
        {
            "an unknown key in committee-report", Edited((2, "years: 2020-2023\ncommittee-report:\n  officer: Someone")),
            ["p.yaml:4: column '3': field 'committee-report.officer': unknown key; expected one of committee, report-of, background-papers, circulation, equality-and-human-rights, officers-to-contact"]
        },
        {
            "counts that does not parse", Edited((10, "    polarity: higher-is-better\n    counts: pupils")),
            ["p.yaml:11: column '13': field 'measures[0].counts': 'pupils' is not what a measure counts; expected children, families, staff, organisations, money or other"]
        },
        {
            "a measure from the returns said to count staff", Edited((10, "    polarity: higher-is-better\n    return: cla-missing\n    counts: staff")),
            ["p.yaml:12: column '13': field 'measures[0].counts': a measure derived from the statutory returns ('cla-missing') counts children, not staff; expected children or families, or no 'counts'"]
        },
        {
            "years as one year", Edited((2, "years: 2020")),
            ["p.yaml:2: column '8': field 'years': '2020' is not a span of years; expected first-last calendar years, e.g. 2020-2023 or 2020-23"]
        },
        {
            "years outside the supported range", Edited((2, "years: 0000-9999")),
            ["p.yaml:2: column '8': field 'years': '0000-9999' is outside the years GoldenThread reads; expected years from 1900 to 2100"]
        },
        {
            "years ending after 2100", Edited((2, "years: 2099-01")),
            ["p.yaml:2: column '8': field 'years': '2099-01' is outside the years GoldenThread reads; expected years from 1900 to 2100"]
        },
        {
            "a target for a year beyond 2100", Edited((10, "    polarity: higher-is-better\n    targets:\n      9999/00: 75")),
            ["p.yaml:12: column '7': field 'measures[0].targets.9999/00': the target's year: '9999/00' is outside the periods GoldenThread reads; expected a period from 1900 to 2100"]
        },
        {
            "a target for a year before 1900", Edited((10, "    polarity: higher-is-better\n    targets:\n      0000-01: 75")),
            ["p.yaml:12: column '7': field 'measures[0].targets.0000-01': the target's year: '0000-01' is outside the periods GoldenThread reads; expected a period from 1900 to 2100"]
        },
        {
            "years backwards", Edited((2, "years: 2023-2020")),
            ["p.yaml:2: column '8': field 'years': '2023-2020' is not a span of years; expected first-last calendar years, e.g. 2020-2023 or 2020-23"]
        },
        {
            "years missing", Edited((2, null)),
            ["p.yaml:1: column '1': field 'years': missing; expected the span of years, e.g. 2020-2023"]
        },
        {
            "LA number not three digits", Edited((1, "plan: Test plan\nla: 85")),
            ["p.yaml:2: column '5': field 'la': '85' is not a DfE LA number; expected a three-digit number, e.g. 855"]
        },
        {
            "a mapping where a list was expected", Edited((7, "    id: m1")),
            [
                "p.yaml:7: column '5': field 'measures': expected a list ('- item' lines or [a, b]), found a mapping (key: value lines)",
                "p.yaml:17: column '20': field 'themes[0].outcomes[0].measures[0]': unknown measure 'm1'; expected an id from the measures list",
            ]
        },
        {
            "a single value where a mapping was expected", Edited((4, "  - SP1"), (5, null)),
            [
                "p.yaml:4: column '5': field 'strategic-priorities[0]': expected a mapping (key: value lines), found a single value",
                "p.yaml:21: column '36': field 'themes[0].outcomes[0].intentions[0].strategic-priorities[0]': unknown strategic priority 'SP1'; expected an id from strategic-priorities",
            ]
        },
        {
            "a list where a single value was expected", Edited((8, "    title: [a, b]")),
            ["p.yaml:8: column '12': field 'measures[0].title': expected a single value, found a list"]
        },
        {
            "outcome naming an unknown measure", Edited((17, "        measures: [m1, m9]")),
            ["p.yaml:17: column '24': field 'themes[0].outcomes[0].measures[1]': unknown measure 'm9'; did you mean 'm1'?"]
        },
        {
            "theme naming an unknown measure", Edited((13, "    title: Theme one\n    measures: [nothing-like-it]")),
            ["p.yaml:14: column '16': field 'themes[0].measures[0]': unknown measure 'nothing-like-it'; expected an id from the measures list"]
        },
        {
            "intention naming an unknown strategic priority", Edited((22, "            strategic-priorities: [SP9]")),
            ["p.yaml:22: column '36': field 'themes[0].outcomes[0].intentions[0].strategic-priorities[0]': unknown strategic priority 'SP9'; did you mean 'SP1'?"]
        },
        {
            "need level not allowed", Edited((21, "            need: [prevent, sometimes]")),
            ["p.yaml:21: column '29': field 'themes[0].outcomes[0].intentions[0].need[1]': 'sometimes' is not a need level; expected prevent, reduce, delay or meet"]
        },
        {
            "statutory not a boolean", Edited((22, "            strategic-priorities: [SP1]\n            statutory: maybe")),
            ["p.yaml:23: column '24': field 'themes[0].outcomes[0].intentions[0].statutory': 'maybe' is not true or false; expected true or false"]
        },
        {
            "action status not allowed", Edited((27, "            status: done")),
            ["p.yaml:27: column '21': field 'themes[0].outcomes[0].actions[0].status': 'done' is not an action status; expected not-started, on-track, at-risk, off-track or complete"]
        },
        {
            "due date not ISO", Edited((26, "            due: 31/03/2021")),
            ["p.yaml:26: column '18': field 'themes[0].outcomes[0].actions[0].due': '31/03/2021' is not an ISO date; expected YYYY-MM-DD, e.g. 2021-03-31"]
        },
        {
            "duplicate action code", Edited((27, "            status: on-track\n          - code: 1.1a\n            text: Again")),
            ["p.yaml:28: column '19': field 'themes[0].outcomes[0].actions[1].code': duplicate action code '1.1a', already used at line 24 (themes[0].outcomes[0].actions[0].code); action codes are unique in the plan"]
        },
        {
            "theme id used by a measure", Edited((12, "  - id: M1")),
            ["p.yaml:12: column '9': field 'themes[0].id': duplicate id 'M1', already used at line 7 (measures[0].id); ids are unique across strategic priorities, themes, outcomes, intentions and measures"]
        },
        {
            "target year and target that do not parse",
            Edited((10, "    polarity: higher-is-better\n    targets:\n      2021/2x: 70\n      2022/23: lots")),
            [
                "p.yaml:12: column '7': field 'measures[0].targets.2021/2x': the target's year: '2021/2x' is not a period; " + PeriodExpected,
                "p.yaml:13: column '16': field 'measures[0].targets.2022/23': 'lots' is not a target; " + TargetExpected,
            ]
        },
        {
            "two targets for one year", Edited((10, "    polarity: higher-is-better\n    targets:\n      2021/22: 70\n      2021-22: 75")),
            ["p.yaml:13: column '7': field 'measures[0].targets.2021-22': a second target for 2021/22 (also given as '2021/22'); expected one target per year"]
        },
        {
            "unit, tolerance and decimals that do not parse", Edited((9, "    unit: furlongs\n    tolerance: -2\n    decimals: 7")),
            [
                "p.yaml:9: column '11': field 'measures[0].unit': 'furlongs' is not a unit; expected percentage, count, rate per N (e.g. rate per 10000), days, weeks, months, score, ratio or currency",
                "p.yaml:10: column '16': field 'measures[0].tolerance': '-2' is not a tolerance; expected a non-negative number in the measure's units (e.g. 2) or a percentage of the reference value (e.g. 5%)",
                "p.yaml:11: column '15': field 'measures[0].decimals': '7' is not a number of decimal places; expected a whole number from 0 to 6",
            ]
        },
        {
            "frequency not known", Edited((10, "    polarity: high\n    frequency: weekly")),
            ["p.yaml:11: column '16': field 'measures[0].frequency': 'weekly' is not a frequency; expected quarterly, monthly, financial-year, academic-year, calendar-year, rolling-12-months or snapshot"]
        },
        {
            "gap naming itself and an unknown measure",
            Edited((10, "    polarity: lower-is-better\n    gap:\n      group: m1\n      comparison: m7")),
            [
                "p.yaml:12: column '14': field 'measures[0].gap.group': a gap measure names itself; expected the id of another measure",
                "p.yaml:13: column '19': field 'measures[0].gap.comparison': unknown measure 'm7'; did you mean 'm1'?",
            ]
        },
        {
            "required fields of nested items", Edited((20, null), (25, null)),
            [
                "p.yaml:19: column '13': field 'themes[0].outcomes[0].intentions[0].text': missing; expected what will be commissioned or done",
                "p.yaml:23: column '13': field 'themes[0].outcomes[0].actions[0].text': missing; expected what will be done",
            ]
        },
        {
            "second YAML document", Edited((27, "            status: on-track\n---\nplan: another")),
            ["p.yaml:29: column '1': a second YAML document; expected one plan per file (remove the '---' line)"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_InvalidPlan_ListsEveryProblemWithPosition(string scenario, string yaml, string[] expected)
    {
        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml"));

        Assert.True(expected.SequenceEqual(ex.Errors.Select(e => e.ToString())),
            $"{scenario}:\nexpected\n  {string.Join("\n  ", expected)}\nactual\n  {string.Join("\n  ", ex.Errors)}");
    }

    [Fact]
    public void Read_ValidBase_Parses()
    {
        var plan = PlanReader.Read(new StringReader(Edited()), "p.yaml");

        Assert.Equal("Test plan", plan.Name);
    }

    [Fact]
    public void Read_ManyProblems_AllReportedInLineOrder()
    {
        var yaml = Edited((2, "years: 20-23"), (10, "    polarity: up-ish"), (27, "            status: finished"));

        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml"));

        Assert.Equal([2, 10, 27], ex.Errors.Select(e => e.Line ?? 0));
        Assert.All(ex.Errors, e => Assert.Equal("p.yaml", e.File));
    }

    [Fact]
    public void Read_YamlSyntaxError_NamesYamlDotNetsPosition()
    {
        var yaml = Edited((2, "years: 2020-2023\nplan: Again"));

        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("1", error.Column);
        Assert.StartsWith("YAML syntax: ", error.Message);
        Assert.Contains("plan", error.Message);
    }

    [Fact]
    public void Read_UnclosedFlowList_IsASyntaxErrorWithPosition()
    {
        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader("plan: x\nyears: [2020\n"), "p.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.NotNull(error.Line);
        Assert.StartsWith("YAML syntax: ", error.Message);
        Assert.DoesNotContain("Idx:", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Read_EmptyFile_SaysSo(string yaml)
    {
        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml"));

        Assert.Equal("p.yaml:1: column '1': the file is empty; expected a plan (plan, years, themes, measures)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_RootIsAList_SaysAMappingWasExpected()
    {
        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader("- plan: x\n"), "p.yaml"));

        Assert.Equal("p.yaml:1: column '1': expected a mapping (key: value lines), found a list", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadFile_Missing_IsAnInputError()
    {
        var path = Path.Combine(Path.GetTempPath(), "goldenthread-no-such-plan-" + Guid.NewGuid().ToString("N") + ".yaml");

        var ex = Assert.Throws<InputException>(() => PlanReader.ReadFile(path));

        Assert.StartsWith(Path.GetFileName(path) + ": cannot be opened: ", ex.Message);
    }

    [Fact]
    public void Read_GapsNamingEachOther_AreRejectedNotLeftToRecurse()
    {
        const string yaml = """
            plan: p
            years: 2020-2023
            themes:
              - {id: T, title: t, measures: [a, b]}
            measures:
              - {id: a, title: A, unit: percentage, polarity: higher-is-better, gap: {group: b, comparison: c}}
              - {id: b, title: B, unit: percentage, polarity: higher-is-better, gap: {group: a, comparison: c}}
              - {id: c, title: C, unit: percentage, polarity: higher-is-better}
            """;

        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml"));

        Assert.Equal(
            [
                "p.yaml:6: column '82': field 'measures[0].gap.group': 'b' is itself a gap measure; expected a measure with values of its own",
                "p.yaml:7: column '82': field 'measures[1].gap.group': 'a' is itself a gap measure; expected a measure with values of its own",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_TwoMeasuresWithOneId_ListsTheDuplicateInsteadOfFailing()
    {
        const string yaml = """
            plan: p
            years: 2020-2023
            themes:
              - {id: T, title: t, measures: [m1]}
            measures:
              - {id: m1, title: A, unit: percentage, polarity: higher-is-better}
              - {id: m1, title: B, unit: percentage, polarity: higher-is-better}
            """;

        var ex = Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml"));

        Assert.Contains(ex.Errors, e => e.ToString().Contains("'m1'", StringComparison.Ordinal) && e.Line == 7);
    }
}
