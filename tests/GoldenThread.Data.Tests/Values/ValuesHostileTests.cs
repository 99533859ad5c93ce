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
}
