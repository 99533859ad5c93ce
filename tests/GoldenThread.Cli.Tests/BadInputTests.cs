namespace GoldenThread.Cli.Tests;

/// <summary>Bad input gets a clear message naming the file and what was expected, exit code 2, no stack trace, nothing written.</summary>
public class BadInputTests
{
    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

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

    private static void AssertRejected(CliRunner.Result result, string outDir, params string[] expected)
    {
        Assert.Equal(2, result.ExitCode);
        foreach (var e in expected)
        {
            Assert.Contains(e, result.Error);
        }

        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(Path.Combine(outDir, "dashboard.json")), "nothing is written when the input is rejected");
    }

    [Fact]
    public void Report_PlanFileMissing_SaysWhichFile()
    {
        var dir = CliRunner.TempDirectory();
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", Path.Combine(dir, "nope.yaml"), "--out", outDir);

        AssertRejected(result, outDir, "nope.yaml");
    }

    [Fact]
    public void Report_PlanWithMissingPolarity_NamesFileLineAndField()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan.Replace("    polarity: lower-is-better\n", ""));
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", plan, "--out", outDir);

        AssertRejected(result, outDir, "plan.yaml:", "polarity");
    }

    [Fact]
    public void Report_ValuesWithUnknownMeasureAndBadNumber_ListsEveryProblem()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", "measure,period,value\nm1,2023/24,20.5\nm2,2023/24,3\nm1,2024/25,twelve\n");
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", plan, "--data", values, "--out", outDir);

        AssertRejected(result, outDir, "values.csv:3: column 'measure': unknown measure 'm2'", "values.csv:4: column 'value': 'twelve' is not a number");
    }

    [Fact]
    public void Report_BadPeriod_SaysWhatAPeriodLooksLike()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", "measure,period,value\nm1,2023/24,20.5\n");
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", plan, "--data", values, "--period", "Q7", "--out", outDir);

        AssertRejected(result, outDir, "--period", "'Q7' is not a period; expected a period such as 2015/16 Q3");
    }

    [Fact]
    public void Report_UnknownCouncil_SaysWhatIsExpected()
    {
        var outDir = Path.Combine(CliRunner.TempDirectory(), "out");

        var result = CliRunner.Run("report", "--sample", "leicestershire-2020-23", "--la", "Atlantis", "--out", outDir);

        AssertRejected(result, outDir, "'Atlantis' is not a council this data knows");
    }

    [Fact]
    public void Report_UnknownSample_ListsTheSamples()
    {
        var outDir = Path.Combine(CliRunner.TempDirectory(), "out");

        var result = CliRunner.Run("report", "--sample", "nowhere", "--out", outDir);

        AssertRejected(result, outDir, "there is no sample called 'nowhere'", "leicestershire-2020-23");
    }

    [Fact]
    public void Report_NeitherPlanNorSample_AsksForOne()
    {
        var result = CliRunner.Run("report");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give --plan FILE (your plan) or --sample NAME (a bundled sample)", result.Error);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("validate")]
    [InlineData("samples")]
    public void Help_EveryCommand_DescribesItsOptions(string command)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    [Fact]
    public void Validate_GoodPlanAndValues_SaysValidWithCounts()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var values = Write(dir, "values.csv", "measure,period,value\nm1,2023/24,20.5\n");

        var result = CliRunner.Run("validate", "--plan", plan, "--data", values);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("valid: 1 themes, 1 outcomes, 0 commissioning intentions, 0 actions, 1 measures", result.Output);
        Assert.Contains("valid: 1 values for 1 measures", result.Output);
    }

    [Fact]
    public void Report_NoValuesAndNoPeriod_IsBadInputNotAFault()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Write(dir, "plan.yaml", Plan);
        var outDir = Path.Combine(dir, "out");

        var result = CliRunner.Run("report", "--plan", plan, "--out", outDir);

        AssertRejected(result, outDir, "There are no values to report on");
    }
}
