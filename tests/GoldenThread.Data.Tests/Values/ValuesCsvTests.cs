using GoldenThread.Core.Measures;
using Judgements = GoldenThread.Core.Judgements;
using GoldenThread.Core.Periods;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Tests.Values;

public class ValuesCsvTests
{
    private static IReadOnlyList<Observation> Read(string csv) =>
        ValuesReader.ReadCsv(new StringReader(csv), "v.csv", TestPlan.Instance);

    private static InputException Fails(string csv) =>
        Assert.Throws<InputException>(() => Read(csv));

    [Fact]
    public void ReadCsv_CompleteFile_ReadsEveryColumn()
    {
        const string csv = """
            Measure,Period,Value,Numerator,Denominator,Status,Note,England,Region,SN Average,Quartile
            pct-fsm,2018/19,56.2,,,final,,57.1,55.0,56.8,2
            cla-rate,2019/20,,460,86000,Provisional,"Provisional, to be revised",67,,,3
            ratio-m,2019/20 Q3,,3,4,,,,,,
            count-m,2019,168,,,,,,,,
            pct-fsm,2019/20,12.5%,2,16,,,,,,
            """;

        var o = Read(csv);

        Assert.Equal(5, o.Count);
        Assert.Equal(
            new Observation
            {
                MeasureId = "pct-fsm", Period = Period.AcademicYear(2018), Value = 56.2,
                Benchmarks = new SuppliedBenchmarks { England = 57.1, Region = 55.0, StatisticalNeighbourAverage = 56.8, Quartile = 2 },
            },
            o[0]);
        Assert.Equal("cla-rate", o[1].MeasureId);
        Assert.Equal(Period.FinancialYear(2019), o[1].Period);
        Assert.Equal(53.48837209302326, o[1].Value!.Value, 1e-9);
        Assert.Equal((460.0, 86000.0), (o[1].Numerator, o[1].Denominator));
        Assert.Equal(ValueStatus.Provisional, o[1].Status);
        Assert.Equal("Provisional, to be revised", o[1].Note);
        Assert.Equal(new SuppliedBenchmarks { England = 67, Quartile = 3 }, o[1].Benchmarks);
        Assert.Equal(Period.FinancialQuarter(2019, 3), o[2].Period);
        Assert.Equal(0.75, o[2].Value);
        Assert.Null(o[2].Benchmarks);
        Assert.Equal(Period.CalendarYear(2019), o[3].Period);
        Assert.Equal(168, o[3].Value);
        Assert.Equal(12.5, o[4].Value);
        Assert.All(o, x => Assert.Equal(Provenance.Supplied, x.Provenance));
    }

    // Expected values from python3: 2/339*100, 460/86000*10000, 7/2500*1000, 3/4.
    [Theory]
    [InlineData("pct-fsm", "2018/19", 2, 339, 0.5899705014749262)]
    [InlineData("cla-rate", "2019/20", 460, 86000, 53.48837209302326)]
    [InlineData("births-rate", "2019", 7, 2500, 2.8)]
    [InlineData("ratio-m", "2019/20 Q1", 3, 4, 0.75)]
    public void ReadCsv_BlankValueWithCounts_ComputesValueInTheMeasuresUnit(string measure, string period, int numerator, int denominator, double expected)
    {
        var o = Assert.Single(Read($"measure,period,value,numerator,denominator\n{measure},{period},,{numerator},{denominator}\n"));

        Assert.Equal(expected, o.Value!.Value, 1e-12);
    }

    // 2/339 = 0.58997...% on a 1-decimal measure: a value agrees when it is the computed one rounded to the places it is
    // written with, or to two places (the measure's decimals + 1), whichever is looser.
    [Theory]
    [InlineData("0.59", true)]
    [InlineData("0.6", true)]
    [InlineData("1", true)]
    [InlineData("0.5899705", true)]
    [InlineData("0.58", false)]
    [InlineData("0.5", false)]
    [InlineData("0.57", false)]
    [InlineData("2", false)]
    public void ReadCsv_ValueAndCounts_AcceptedOnlyWhenTheyAgreeWithinRounding(string value, bool agrees)
    {
        var csv = $"measure,period,value,numerator,denominator\npct-fsm,2018/19,{value},2,339\n";

        if (agrees)
        {
            Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(Read(csv)).Value);
        }
        else
        {
            var error = Assert.Single(Fails(csv).Errors);
            Assert.Equal(
                $"v.csv:2: column 'value': {value} does not match numerator/denominator, which gives 0.589971; expected the value computed from the counts (allowing for rounding), or leave value blank",
                error.ToString());
        }
    }

    private const string Header = "measure,period,value,numerator,denominator,status,quartile";

    public static TheoryData<string, string, string> RowErrors => new()
    {
        { "unknown measure", "pct-fms,2018/19,5", "v.csv:2: column 'measure': unknown measure 'pct-fms'; did you mean 'pct-fsm'?" },
        { "unknown measure far from any", "attendance,2018/19,5", "v.csv:2: column 'measure': unknown measure 'attendance'; expected a measure id of the plan 'Values test plan'" },
        { "blank measure", ",2018/19,5", "v.csv:2: column 'measure': missing; expected a measure id of the plan" },
        { "blank period", "pct-fsm,,5", "v.csv:2: column 'period': missing; expected a period such as 2015/16 Q3, 2015/16 or 2015" },
        {
            "period that does not parse", "pct-fsm,2018/2x,5",
            "v.csv:2: column 'period': '2018/2x' is not a period; expected a period such as 2015/16 Q3, Q3 2015/16, 2015/16, 2015, 2014-16, 2013/14-15/16, Dec-15, 2015-12, 31/12/2015 or 2015-12-31, optionally followed by (Rev), (Final), (OT) or (prov)"
        },
        { "value not a number", "pct-fsm,2018/19,abc", "v.csv:2: column 'value': 'abc' is not a number; expected a number such as 12.5 (a point for decimals, no thousands separators)" },
        { "thousands separator", "count-m,2019,\"1,234\"", "v.csv:2: column 'value': '1,234' is not a number; expected a number such as 12.5 (a point for decimals, no thousands separators)" },
        { "percent sign on a count", "count-m,2019,12%", "v.csv:2: column 'value': '12%' has a % sign but measure 'count-m' is in count; expected a plain number" },
        { "zero denominator", "pct-fsm,2018/19,,3,0", "v.csv:2: column 'denominator': 0 is not positive; expected a count above zero" },
        { "negative numerator", "pct-fsm,2018/19,,-1,10", "v.csv:2: column 'numerator': -1 is negative; expected a count of zero or more" },
        { "status not allowed", "pct-fsm,2018/19,5,,,draft", "v.csv:2: column 'status': 'draft' is not a status; expected final or provisional (blank means final)" },
        { "quartile out of range", "pct-fsm,2018/19,5,,,,5", "v.csv:2: column 'quartile': '5' is not a quartile; expected 1, 2, 3 or 4 (1 the best)" },
        { "no value and no counts", "pct-fsm,2018/19,,,", "v.csv:2: column 'value': no value; expected a value, or both a numerator and a denominator to compute it from" },
        { "numerator alone", "pct-fsm,2018/19,,7,", "v.csv:2: column 'numerator': no value; expected a value, or both a numerator and a denominator to compute it from" },
        { "more fields than the header", "pct-fsm,2018/19,5,,,,,extra", "v.csv:2: has values beyond the 7 named columns; expected no more fields than the header has" },
    };

    [Theory]
    [MemberData(nameof(RowErrors))]
    public void ReadCsv_BadRow_NamesFileLineColumnAndExpectation(string scenario, string row, string expected)
    {
        var ex = Fails($"{Header}\n{row}\n");

        Assert.True(ex.Errors.Count == 1 && ex.Errors[0].ToString() == expected, $"{scenario}: {string.Join(" | ", ex.Errors)}");
    }

    public static TheoryData<string, string[]> HeaderErrors => new()
    {
        {
            "measure,period,valu",
            [
                "v.csv:1: column 'valu': unknown column; did you mean 'value'?",
                "v.csv:1: no 'value' column, nor both 'numerator' and 'denominator'; expected at least one of them",
            ]
        },
        {
            "measure,period,value,Value",
            ["v.csv:1: column 'Value': a second 'value' column; expected each column once"]
        },
        {
            "measure,value,lait code",
            [
                "v.csv:1: column 'lait code': unknown column; expected one of measure, period, value, numerator, denominator, status, note, england, region, sn_average, quartile, updated, direction, direction_reason, rag, rag_reason",
                "v.csv:1: no 'period' column; expected a header naming measure, period and value (or numerator and denominator)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(HeaderErrors))]
    public void ReadCsv_BadHeader_ReportsEachColumnProblem(string header, string[] expected)
    {
        var ex = Fails(header + "\npct-fsm,2018/19,5\n");

        Assert.Equal(expected, ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReadCsv_OneBadRowAmongGood_ReturnsNothing()
    {
        const string csv = "measure,period,value\npct-fsm,2018/19,56.2\ncount-m,2019,168\npct-fsm,2019/20,oops\nratio-m,2019/20 Q1,0.5\n";

        var ex = Fails(csv);

        Assert.Equal("v.csv:4: column 'value': 'oops' is not a number; expected a number such as 12.5 (a point for decimals, no thousands separators)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadCsv_SeveralBadRows_ReportsThemAll()
    {
        const string csv = "measure,period,value\nnope,2018/19,1\npct-fsm,soon,2\npct-fsm,2018/19,x\n";

        var ex = Fails(csv);

        Assert.Equal([(2, "measure"), (3, "period"), (4, "value")], ex.Errors.Select(e => (e.Line ?? 0, e.Column ?? "")));
    }

    [Fact]
    public void ReadCsv_SamePeriodWrittenTwoWays_IsADuplicate()
    {
        var ex = Fails("measure,period,value\npct-fsm,2018/19,1\nPCT-FSM,2018-19,2\n");

        Assert.Equal("v.csv:3: column 'period': a second row for measure 'pct-fsm' in 2018/19 (first at line 2); expected one row per measure and period", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadCsv_QuotedFieldsWithCommasQuotesAndNewlines_KeepLineNumbersTrue()
    {
        var csv = "measure,period,value,note\r\npct-fsm,2018/19,1,\"He said \"\"yes\"\",\r\nthen left\"\r\n\r\ncount-m,2019,2,\r\ncount-m,2020,3,\"\"\r\npct-fsm,2019/20,x,\r\n";

        var ex = Fails(csv);

        // The quoted note spans lines 2-3, line 4 is blank, so the bad value is on line 7.
        Assert.Equal(7, Assert.Single(ex.Errors).Line);
        var good = Read(csv.Replace(",x,", ",4,"));
        Assert.Equal("He said \"yes\",\r\nthen left", good[0].Note);
        Assert.Null(good[2].Note);
        Assert.Equal(4, good.Count);
    }

    [Fact]
    public void ReadCsv_QualitativeMeasure_MayHaveNoValue()
    {
        var o = Assert.Single(Read("measure,period,value,note\nvoice,2019/20,,Families describe the service as helpful\n"));

        Assert.Null(o.Value);
        Assert.Equal("Families describe the service as helpful", o.Note);
    }

    [Fact]
    public void ReadCsv_UnclosedQuote_IsAnError()
    {
        var ex = Fails("measure,period,value,note\npct-fsm,2018/19,1,\"never closed\n");

        Assert.Equal("v.csv:2: a quoted field is never closed; expected a closing quote (\")", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadCsv_TextAfterClosingQuote_IsAnError()
    {
        var ex = Fails("measure,period,value\n\"pct-fsm\"x,2018/19,1\n");

        Assert.Equal("v.csv:2: text after a closing quote; expected a comma or the end of the line after a quoted field (write a quote inside quotes as \"\")", Assert.Single(ex.Errors).ToString());
    }

    [Theory]
    [InlineData("PK\u0003\u0004\u0014\u0000rest")]
    [InlineData("measure,period\u0000,value\n")]
    public void ReadCsv_BinaryContent_SaysItIsNotCsvText(string content)
    {
        var ex = Fails(content);

        Assert.Equal("v.csv: is a binary file, not CSV text (a workbook saved with a .csv name?); expected comma-separated text saved as UTF-8, or an .xlsx file named .xlsx", Assert.Single(ex.Errors).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void ReadCsv_NoHeader_SaysSo(string content)
    {
        Assert.Equal("v.csv:1: no header row; expected column names in line 1, e.g. measure,period,value", Assert.Single(Fails(content).Errors).ToString());
    }

    [Theory]
    [InlineData("y", true)]
    [InlineData("Yes", true)]
    [InlineData("n", false)]
    [InlineData("FALSE", false)]
    [InlineData("", null)]
    public void ReadCsv_UpdatedColumn_KeepsTheSuppliedFlag(string flag, bool? expected)
    {
        var o = Read($"measure,period,value,updated\npct-fsm,2018/19,56.2,{flag}\n");

        Assert.Equal(expected, o[0].Updated);
    }

    [Fact]
    public void ReadCsv_UpdatedNotYesOrNo_NamesLineAndColumn()
    {
        var e = Fails("measure,period,value,updated\npct-fsm,2018/19,56.2,maybe\n");

        Assert.Equal("v.csv:2: column 'updated': 'maybe' is not a yes or no; expected y or n (blank: worked out from the periods)", e.Errors.Single().ToString());
    }

    [Fact]
    public void ReadCsv_GapMeasureRow_IsTheGapAsStated()
    {
        var o = Read("measure,period,value\ngap-m,2018/19,-19.8\n").Single();

        Assert.Equal(("gap-m", -19.8), (o.MeasureId, o.Value));
        Assert.Equal(Period.AcademicYear(2018), o.Period);
    }

    [Fact]
    public void ReadCsv_SuppliedJudgements_AreReadWithTheirReasons()
    {
        const string csv = """
            measure,period,value,direction,direction_reason,rag,rag_reason
            pct-fsm,2018/19,56.2,Better,Appendix A: Better,R,Appendix A: R
            ratio-m,2019/20 Q1,0.75,higher,table 2,,
            cla-rate,2019/20,53,same,report para 8,amber,dashboard
            pct-other,2018/19,40,,,,
            """;

        var rows = Read(csv);

        Assert.Equal((Judgements.Direction.Improved, "Appendix A: Better"), (rows[0].SuppliedDirection!.Outcome, rows[0].SuppliedDirection!.Reason));
        Assert.Equal((Judgements.Rag.Red, "Appendix A: R"), (rows[0].SuppliedRag!.Outcome, rows[0].SuppliedRag!.Reason));
        Assert.Equal(Judgements.Direction.Higher, rows[1].SuppliedDirection!.Outcome);
        Assert.Null(rows[1].SuppliedRag);
        Assert.Equal(Judgements.Direction.NoSignificantChange, rows[2].SuppliedDirection!.Outcome);
        Assert.Equal(Judgements.Rag.Amber, rows[2].SuppliedRag!.Outcome);
        Assert.Null(rows[3].SuppliedDirection);
        Assert.Null(rows[3].SuppliedRag);
    }

    private const string JudgementHeader = "measure,period,value,direction,direction_reason,rag,rag_reason";

    public static TheoryData<string, string, string> JudgementErrors => new()
    {
        { "direction without reason", "pct-fsm,2018/19,5,better,,,", "v.csv:2: column 'direction_reason': a direction of travel is supplied without its reason; expected the reason in 'direction_reason' (where the judgement was stated, e.g. \"Appendix A: Better\")" },
        { "reason without direction", "pct-fsm,2018/19,5,,para 8,,", "v.csv:2: column 'direction_reason': a reason is given but no direction of travel; expected the direction of travel in 'direction', or no reason" },
        { "unknown direction", "pct-fsm,2018/19,5,up,para 8,,", "v.csv:2: column 'direction': 'up' is not a direction of travel; expected improved (or better), no significant change (or same, similar), declined (or worse), higher or lower; blank to compute it" },
        { "better without polarity", "ratio-m,2019/20 Q1,0.5,better,table,,", "v.csv:2: column 'direction': 'better' judges better or worse, but measure 'ratio-m' has no polarity; expected higher, lower or no significant change" },
        { "higher with polarity", "pct-fsm,2018/19,5,higher,table,,", "v.csv:2: column 'direction': 'higher' says only which way the value moved, but measure 'pct-fsm' is higher is better; expected improved, no significant change or declined" },
        { "unknown rag", "pct-fsm,2018/19,5,,,blue,dashboard", "v.csv:2: column 'rag': 'blue' is not a RAG rating; expected red, amber or green (or R, A, G); blank to compute it" },
        { "rag without reason", "pct-fsm,2018/19,5,,,G,", "v.csv:2: column 'rag_reason': a RAG rating is supplied without its reason; expected the reason in 'rag_reason' (where the judgement was stated, e.g. \"Appendix A: Better\")" },
    };

    [Theory]
    [MemberData(nameof(JudgementErrors))]
    public void ReadCsv_BadSuppliedJudgement_NamesFileLineColumnAndExpectation(string scenario, string row, string expected)
    {
        var ex = Fails($"{JudgementHeader}\n{row}\n");

        Assert.True(ex.Errors.Count == 1 && ex.Errors[0].ToString() == expected, $"{scenario}: {string.Join(" | ", ex.Errors)}");
    }

    [Fact]
    public void ReadCsv_DirectionWithoutReasonColumn_NamesTheDirectionColumn()
    {
        var ex = Fails("measure,period,value,direction\npct-fsm,2018/19,5,better\n");

        Assert.Equal("v.csv:2: column 'direction': a direction of travel is supplied without its reason; expected the reason in 'direction_reason' (where the judgement was stated, e.g. \"Appendix A: Better\")", ex.Errors.Single().ToString());
    }
}

public class ValuesDocsTests
{
    [Fact]
    public void ReadCsv_FormatsDocExample_ReadsAgainstThePlanFormatExample()
    {
        var plan = GoldenThread.Data.Plans.PlanReader.Read(new StringReader(RepoFiles.FencedBlock("plan-format.md", "yaml")), "plan.yaml");

        var o = ValuesReader.ReadCsv(new StringReader(RepoFiles.FencedBlock("formats.md", "csv")), "values.csv", plan);

        Assert.Equal(5, o.Count);
        Assert.Equal(GoldenThread.Core.Periods.Period.AcademicYear(2020), o[1].Period);
        Assert.Equal(71.20352867044738, o[1].Value!.Value, 1e-9);
        Assert.Equal(54.28194993412385, o[3].Value!.Value, 1e-9);
        Assert.Equal(74.9, o[4].Value);
    }

    [Fact]
    public void ReadCsv_SuppliedJudgementsDocExample_ReadsAgainstTheQ3SamplePlan()
    {
        var planPath = Path.Combine(RepoFiles.Root, "samples", "leicestershire-2015-16-q3", "plan.yaml");
        var plan = GoldenThread.Data.Plans.PlanReader.Read(new StringReader(File.ReadAllText(planPath)), "plan.yaml");

        var o = ValuesReader.ReadCsv(new StringReader(RepoFiles.FencedBlocks("formats.md", "csv")[1]), "values.csv", plan);

        Assert.Equal(4, o.Count);
        Assert.Equal(GoldenThread.Core.Judgements.Direction.NoSignificantChange, o[0].SuppliedDirection!.Outcome);
        Assert.Equal(GoldenThread.Core.Judgements.Rag.Amber, o[2].SuppliedRag!.Outcome);
        Assert.Null(o[3].Value);
        Assert.Equal(GoldenThread.Core.Judgements.Rag.Green, o[3].SuppliedRag!.Outcome);
    }
}
