using GoldenThread.Core;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Tests.Values;

/// <summary>
/// Values no real file holds are refused with the file, line, column and what was expected (issue 14), never read
/// and left for a page or a report to trip over.
/// </summary>
public class ValuesHostileTests
{
    private static InputError Fails(string csv) =>
        Assert.Single(Assert.Throws<InputException>(() => ValuesReader.ReadCsv(new StringReader(csv), "v.csv", TestPlan.Instance)).Errors);

    private const string OutsideTheRange = "is outside the periods GoldenThread reads; expected a period from 1900 to 2100";

    [Theory]
    [InlineData("cla-rate", "9999/00")]
    [InlineData("cla-rate", "0000/01")]
    [InlineData("cla-rate", "0000-01")]
    [InlineData("count-m", "9999-12")]
    [InlineData("count-m", "Dec-9999")]
    [InlineData("ratio-m", "9999/00 Q4")]
    [InlineData("count-m", "0001-01")]
    [InlineData("cp-plans", "0001-01-01")]
    [InlineData("pct-fsm", "2101")]
    public void Period_OutsideTheSupportedRange_IsRefusedAtItsCell(string measure, string period)
    {
        var error = Fails($"measure,period,value\n{measure},{period},5\n");

        Assert.Equal($"v.csv:2: column 'period': '{period}' {OutsideTheRange}", error.ToString());
    }

    private const string NumberExpected = "expected a number such as 12.5 (a point for decimals, no thousands separators)";

    [Theory]
    [InlineData("value", "NaN", "'NaN' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("value", "Infinity", "'Infinity' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("value", "-Infinity", "'-Infinity' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("value", "1e400", "'1e400' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("value", "nan%", "'nan%' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("england", "NaN", "'NaN' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("region", "Infinity", "'Infinity' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("sn_average", "-Infinity", "'-Infinity' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("numerator", "NaN", "'NaN' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("denominator", "Infinity", "'Infinity' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("value", "1e16", "'1e16' is beyond the largest figure GoldenThread reads (1E+15 either side of zero)")]
    [InlineData("england", "-2000000000000000", "'-2000000000000000' is beyond the largest figure GoldenThread reads (1E+15 either side of zero)")]
    public void Number_NotAFigure_IsRefusedAtItsCell(string column, string text, string expected)
    {
        var error = Fails(column == "value"
            ? $"measure,period,value\npct-fsm,2018/19,{text}\n"
            : $"measure,period,value,{column}\npct-fsm,2018/19,5,{text}\n");

        Assert.Equal($"v.csv:2: column '{column}': {expected}; {NumberExpected}", error.ToString());
    }

    [Fact]
    public void Number_AHugeField_IsQuotedOnlyInPart()
    {
        // Below the field limit (32,767 characters), so it is read as a number and refused as one.
        var digits = new string('7', 30_000);

        var error = Fails($"measure,period,value\npct-fsm,2018/19,{digits}\n");

        Assert.Equal($"v.csv:2: column 'value': '{new string('7', 40)}…' is 30000 characters long, longer than any number (64 characters at most); {NumberExpected}", error.ToString());
    }

    [Fact]
    public void Measure_AHugeUnknownId_IsQuotedOnlyInPart()
    {
        var id = new string('x', 30_000);

        var error = Fails($"measure,period,value\n{id},2018/19,5\n");

        Assert.Equal($"v.csv:2: column 'measure': unknown measure '{new string('x', 40)}…'; expected a measure id of the plan 'Values test plan'", error.ToString());
    }

    [Theory]
    [InlineData("pct-fsm", "5", "4", "numerator", "5 is more than the denominator 4, but measure 'pct-fsm' is a percentage of it; expected a numerator no larger than the denominator")]
    [InlineData("pct-fsm", "339.5", "339", "numerator", "339.5 is more than the denominator 339, but measure 'pct-fsm' is a percentage of it; expected a numerator no larger than the denominator")]
    [InlineData("pct-fsm", "2", "339.5", "denominator", "339.5 is not a whole number, but measure 'pct-fsm' counts children; expected a whole count above zero")]
    [InlineData("cla-rate", "460", "86000.25", "denominator", "86000.25 is not a whole number, but measure 'cla-rate' counts children; expected a whole count above zero")]
    [InlineData("ratio-m", "3", "0.5", "denominator", "0.5 is not a whole number, but measure 'ratio-m' counts children; expected a whole count above zero")]
    [InlineData("staff-pct", "3", "7.5", "denominator", "7.5 is not a whole number, but measure 'staff-pct' counts staff; expected a whole count above zero")]
    public void Counts_ThatCannotBeCounts_AreRefused(string measure, string numerator, string denominator, string column, string expected)
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => ValuesReader.ReadCsv(
            new StringReader($"measure,period,numerator,denominator\n{measure},2019/20 Q3,{numerator},{denominator}\n"), "v.csv", CountsPlan)).Errors);

        Assert.Equal($"v.csv:2: column '{column}': {expected}", error.ToString());
    }

    [Theory]
    [InlineData("cost-per-child", "1250000.5", "12.5", 100000.04)] // money over money: 1250000.5 / 12.5
    [InlineData("ratio-m", "9", "4", 2.25)] // a ratio may be above one
    [InlineData("pct-fsm", "4", "4", 100)] // all of them
    public void Counts_ThatCanBeCounts_AreRead(string measure, string numerator, string denominator, double expected)
    {
        var o = Assert.Single(ValuesReader.ReadCsv(
            new StringReader($"measure,period,numerator,denominator\n{measure},2019/20 Q3,{numerator},{denominator}\n"), "v.csv", CountsPlan));

        Assert.Equal(expected, o.Value!.Value, 1e-9);
    }

    [Fact]
    public void Counts_WhoseRatioIsBeyondAnyFigure_AreRefused()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => ValuesReader.ReadCsv(
            new StringReader("measure,period,numerator,denominator\ncost-per-child,2019/20 Q3,1e15,1e-5\n"), "v.csv", CountsPlan)).Errors);

        Assert.Equal("v.csv:2: column 'numerator': numerator/denominator gives 1E+20, beyond the largest figure GoldenThread reads (1E+15); expected counts whose ratio is a figure of this measure", error.ToString());
    }

    private static readonly Plan CountsPlan = new()
    {
        Name = "Counts plan",
        FirstYear = 2018,
        LastYear = 2021,
        Measures =
        [
            new Measure { Id = "pct-fsm", Title = "% FSM", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.Quarterly },
            new Measure { Id = "cla-rate", Title = "CLA rate", Unit = MeasureUnit.RatePer(10000), Polarity = Polarity.LowerIsBetter, Frequency = Frequency.Quarterly },
            new Measure { Id = "ratio-m", Title = "Ratio", Unit = MeasureUnit.Ratio, Polarity = Polarity.NoJudgement, Frequency = Frequency.Quarterly, DecimalPlaces = 2 },
            new Measure { Id = "staff-pct", Title = "% agency staff", Unit = MeasureUnit.Percentage, Polarity = Polarity.LowerIsBetter, Frequency = Frequency.Quarterly, CountsGiven = Counted.Staff },
            new Measure { Id = "cost-per-child", Title = "Cost", Unit = MeasureUnit.Currency, Polarity = Polarity.LowerIsBetter, Frequency = Frequency.Quarterly },
        ],
    };
}

/// <summary>Values CSV files of hostile sizes are refused at the limit they pass, naming it and where, within bounded memory.</summary>
public class ValuesCsvSizeTests
{
    private static InputError Fails(string csv) =>
        Assert.Single(Assert.Throws<InputException>(() => ValuesReader.ReadCsv(new StringReader(csv), "v.csv", TestPlan.Instance)).Errors);

    [Theory]
    [InlineData(200_000_000, "v.csv:2: column 'note' is more than 32,767 characters long (the field starting on line 2); expected a field of at most 32,767 characters, Excel's limit for a cell (docs/formats.md, Limits)")]
    [InlineData(40_000, "v.csv:2: column 'note' is more than 32,767 characters long (the field starting on line 2); expected a field of at most 32,767 characters, Excel's limit for a cell (docs/formats.md, Limits)")]
    public void AHugeField_IsRefusedNamingItsColumnAndLine(int length, string expected)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Fails("measure,period,value,note\npct-fsm,2018/19,5,\"" + new string('x', length) + "\"\n");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(expected, error.ToString());
        Assert.True(length < 1_000_000 || allocated < 1_500_000_000, $"allocated {allocated:N0} bytes reading the file");
    }

    [Fact]
    public void AHugeNumber_IsRefusedWithoutBeingQuotedWhole()
    {
        var error = Fails("measure,period,value\npct-fsm,2018/19," + new string('9', 30_000) + "\n");

        Assert.Equal($"v.csv:2: column 'value': '{new string('9', 40)}…' is 30000 characters long, longer than any number (64 characters at most); expected a number such as 12.5 (a point for decimals, no thousands separators)", error.ToString());
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('\t')]
    [InlineData('\n')]
    public void MegabytesOfWhitespace_AreRefusedQuickly(char space)
    {
        var error = Fails(new string(space, 2 * 1024 * 1024));

        Assert.NotNull(error.Line);
    }

    [Fact]
    public void MoreRowsThanTheLimit_AreRefusedAtTheFirstRowBeyond()
    {
        var csv = "measure,period,value\n" + string.Concat(Enumerable.Repeat("pct-fsm,2018/19,5\n", 100_001));

        Assert.Equal("v.csv:100002: the file has more than 100,000 rows of values; expected at most 100,000 (docs/formats.md, Limits)", Fails(csv).ToString());
    }

    [Fact]
    public void MoreLinesThanExcelsLimit_AreRefused()
    {
        var csv = "measure,period,value\n" + new string('\n', 1_048_576) + "pct-fsm,2018/19,5\n";

        Assert.Equal("v.csv:1048577: the file has more than 1,048,576 lines; expected at most 100,000 rows of values (docs/formats.md, Limits)", Fails(csv).ToString());
    }
}
