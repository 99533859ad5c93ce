using GoldenThread.Cli.Tests.Hostile;
using GoldenThread.Core.Plans;

namespace GoldenThread.Cli.Tests;

/// <summary><c>pack --officer 'Name; Role; Telephone; Email'</c>: the parts, and the refusals.</summary>
[Collection(InProcessCollection.Name)]
public sealed class PackOfficerTests
{
    public static TheoryData<string, ContactOfficer> Officers => new()
    {
        { "A. Officer; Head of Performance; 0116 000 0000; performance@example.gov.uk", new("A. Officer", "Head of Performance", "0116 000 0000", "performance@example.gov.uk") },
        { "A. Officer", new("A. Officer", null, null, null) },
        { "; Business Partner", new(null, "Business Partner", null, null) },
        { "A. Officer; ; ; a@example.gov.uk", new("A. Officer", null, null, "a@example.gov.uk") },
    };

    [Theory]
    [MemberData(nameof(Officers))]
    public void ParseOfficer_Parts_InOrder(string text, ContactOfficer expected) => Assert.Equal(expected, PackCommand.ParseOfficer(text));

    [Theory]
    [InlineData("a; b; c; d; e", "command line: column '--officer': 'a; b; c; d; e' has 5 parts; expected at most four: 'Name; Role; Telephone; Email'")]
    [InlineData(" ; ; 0116", "command line: column '--officer': ' ; ; 0116' names neither an officer nor a role; expected 'Name; Role; Telephone; Email'")]
    public void Pack_BadOfficer_Exit2AndNothingWritten(string officer, string expected)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gt-officer-" + Guid.NewGuid().ToString("N"));
        var run = InProcessCli.Run("pack", "--sample", "leicestershire-2015-16-q3", "--officer", officer, "--out", folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.False(Directory.Exists(folder));
    }
}
