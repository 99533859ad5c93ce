using System.Text;
using GoldenThread.Data.Plans;

namespace GoldenThread.Data.Tests.Plans;

/// <summary>Plan text no real plan holds (issue 14) is an <see cref="InputException"/> with a position, never another exception or a stack overflow.</summary>
public class PlanReaderHostileTests
{
    private static InputError Fails(string yaml) =>
        Assert.Single(Assert.Throws<InputException>(() => PlanReader.Read(new StringReader(yaml), "p.yaml")).Errors);

    [Theory]
    [InlineData("plan: [a\nyears: 2020-2023\n", "p.yaml:1: column '7': YAML syntax: a list or mapping opened here with '[' or '{' is not closed; expected ']' or '}' before the next key")]
    [InlineData("plan: x\nyears: {a: [b\nthemes: []\n", "p.yaml:2: column '12': YAML syntax: a list or mapping opened here with '[' or '{' is not closed; expected ']' or '}' before the next key")]
    public void UnclosedBracketBeforeTheNextKey_NamesWhereItOpened(string yaml, string expected) =>
        Assert.Equal(expected, Fails(yaml).ToString());

    [Theory]
    [InlineData("plan: [")]
    [InlineData("plan: {")]
    [InlineData("[")]
    [InlineData("plan: [a, {b: c")]
    [InlineData("themes: [{id: T1")]
    [InlineData("- [")]
    [InlineData("plan: \"abc")]
    [InlineData("plan: *unknown")]
    [InlineData("plan: [}")]
    [InlineData("]")]
    [InlineData("%YAML 1.1\n%YAML 1.1\n---\nplan: x")]
    [InlineData("plan: x\n  y: [")]
    public void BrokenSyntax_IsAnInputErrorWithALine(string yaml) =>
        Assert.NotNull(Fails(yaml).Line);

    [Theory]
    [InlineData("[", "]", 30_000, 1, 65)]
    [InlineData("{a: ", "}", 30_000, 1, 257)]
    [InlineData("- ", "", 30_000, 1, 129)]
    [InlineData("[", "]", 65, 1, 65)]
    public void NestingBeyondTheLimit_IsRefusedWhereItPassesTheLimit(string open, string close, int depth, int line, int column)
    {
        var yaml = new StringBuilder().Insert(0, open, depth).Append('x').ToString() + string.Concat(Enumerable.Repeat(close, depth));

        var error = Fails(yaml);

        Assert.Equal($"p.yaml:{line}: column '{column}': lists and mappings nested more than 64 levels deep; expected a plan, which nests a few levels (docs/plan-format.md)", error.ToString());
    }

    [Fact]
    public void NestingAtTheLimit_IsOnlyAnUnexpectedShape()
    {
        var yaml = new string('[', 64) + "x" + new string(']', 64);

        var error = Fails(yaml);

        Assert.DoesNotContain("nested", error.Message);
    }

    [Fact]
    public void TextBeyondTheSizeLimit_IsRefusedBeforeParsing()
    {
        var yaml = "plan: x\nvision: " + new string('a', 4 * 1024 * 1024);

        var error = Fails(yaml);

        Assert.Equal("p.yaml: is more than 4 MB of text (4,194,304 characters), larger than any plan; expected a plan file (the bundled samples are under 60 KB)", error.ToString());
    }
}
