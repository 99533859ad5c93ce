namespace GoldenThread.Cli.Tests;

/// <summary>
/// Inputs no real file holds (issue 14) end with a clear message and exit code 2, never "failed unexpectedly" (70),
/// and nothing is written.
/// </summary>
public class HostileInputTests
{
    private const string Plan = """
        plan: Test plan
        years: 2020-2023
        themes:
          - id: T1
            title: Safe
            outcomes:
              - id: O1
                title: Children are safe
                measures: [m1]
        measures:
          - id: m1
            title: Re-referrals
            unit: percentage
            polarity: lower-is-better
            frequency: financial-year
        """;

    private const string OutsideTheRange = "is outside the periods GoldenThread reads; expected a period from 1900 to 2100";

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertRejected(CliRunner.Result result, string outDir, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "nothing is written when the input is rejected");
    }

    [Theory]
    [InlineData("9999/00")]
    [InlineData("0000/01")]
    [InlineData("0000-01")]
    [InlineData("9999-12")]
    [InlineData("Dec-9999")]
    [InlineData("9999/00 Q4")]
    [InlineData("0001-01")]
    public void ValuesPeriod_OutsideTheRange_RefusedByValidateAndReport(string period)
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", $"measure,period,value\nm1,{period},20.5\n");
        var outDir = Path.Combine(dir, "out");
        var expected = $"values.csv:2: column 'period': '{period}' {OutsideTheRange}";

        AssertRejected(CliRunner.Run("validate", "--plan", plan, "--data", values), outDir, expected);
        AssertRejected(CliRunner.Run("report", "--plan", plan, "--data", values, "--out", outDir), outDir, expected);
    }

    [Theory]
    [InlineData("9999/00")]
    [InlineData("0000-01")]
    [InlineData("Dec-9999")]
    public void PeriodOption_OutsideTheRange_Refused(string period)
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", "measure,period,value\nm1,2023/24,20.5\n");
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", plan, "--data", values, "--period", period, "--out", outDir);

        AssertRejected(result, outDir, $"column '--period': '{period}' {OutsideTheRange}");
    }

    [Fact]
    public void PlanTarget_OutsideTheRange_Refused()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan + "\n    targets:\n      9999/00: 50\n");

        var result = CliRunner.Run("validate", "--plan", plan);

        AssertRejected(result, Path.Combine(dir, "out"), $"'9999/00' {OutsideTheRange}");
    }

    [Theory]
    [InlineData("plan: [a\nyears: 2020-2023\n", "plan.yaml:1: column '7': YAML syntax: a list or mapping opened here")]
    [InlineData("DEEP", "plan.yaml:1: column '65': lists and mappings nested more than 64 levels deep")]
    public void Plan_UnclosedOrDeeplyNested_IsBadInputNotACrash(string yaml, string expected)
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", yaml == "DEEP" ? new string('[', 30_000) + new string(']', 30_000) : yaml);
        var outDir = Path.Combine(dir, "out");

        AssertRejected(CliRunner.Run("validate", "--plan", plan), outDir, expected);
        AssertRejected(CliRunner.Run("report", "--plan", plan, "--out", outDir), outDir, expected);
    }

    [Theory]
    [InlineData("workspace", "'Not A Workspace!' is not a workspace id")]
    [InlineData("folder", "is a folder; expected the store's file")]
    [InlineData("text file", "is not a GoldenThread store (not an SQLite database)")]
    public void Report_WithAStoreItCannotUse_WritesNoFiles(string fault, string expected)
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", "measure,period,value\nm1,2023/24,20.5\n");
        var outDir = Path.Combine(dir, "out");
        var store = Path.Combine(dir, "store.db");
        var workspace = "ok";
        switch (fault)
        {
            case "workspace":
                workspace = "Not A Workspace!";
                break;
            case "folder":
                Directory.CreateDirectory(store);
                break;
            default:
                File.WriteAllText(store, "these are notes, not a database\n");
                break;
        }

        var result = CliRunner.Run("report", "--plan", plan, "--data", values, "--out", outDir, "--store", store, "--workspace", workspace);

        AssertRejected(result, outDir, expected);
        Assert.Equal(fault == "workspace" ? [] : [store], Directory.EnumerateFileSystemEntries(dir).Where(p => p.StartsWith(store, StringComparison.Ordinal)));
    }

    [Fact]
    public void Report_WithAGoodStore_WritesTheFilesIntoTheOutputFolder()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", "measure,period,value\nm1,2023/24,20.5\n");
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", plan, "--data", values, "--out", outDir, "--store", Path.Combine(dir, "store.db"), "--workspace", "ok");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["dashboard.html", "dashboard.json", "dashboard.xlsx", "report.docx"], Directory.EnumerateFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("wrote " + Path.Combine(outDir, "dashboard.html"), result.Output);
        Assert.Contains("stored workspace 'ok'", result.Output);
    }
}
