using System.Text.Json;

namespace GoldenThread.Cli.Tests;

/// <summary>The dashboard's judgements end to end: the reporting period asked for, "updated" per report, London's region.</summary>
public class JudgementCommandTests
{
    private static JsonElement Json(string outDir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json"))).RootElement;

    private static IEnumerable<JsonElement> Measures(JsonElement dashboard) =>
        dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("measures").EnumerateArray());

    private static JsonElement Measure(JsonElement dashboard, string id) =>
        Measures(dashboard).First(m => m.GetProperty("id").GetString() == id);

    private static void AssertRejectedPeriod(CliRunner.Result result, string outDir, params string[] expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("command line: column '--period': ", result.Error);
        foreach (var e in expected)
        {
            Assert.Contains(e, result.Error);
        }

        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(Path.Combine(outDir, "dashboard.json")), "nothing is written when the period is refused");
    }

    // The Q3 2015/16 sample's values run from 2013 (under-18 conceptions) to 2015/16 Q3 (31 December 2015).
    [Theory]
    [InlineData("2016/17 Q1", "2016/17 Q1 (1 Apr 2016 to 30 Jun 2016) begins after the latest data (2015/16 Q3, which ends on 31 Dec 2015)")]
    [InlineData("2015/16 Q4", "2015/16 Q4 (1 Jan 2016 to 31 Mar 2016) begins after the latest data")]
    [InlineData("2005/06", "2005/06 (1 Apr 2005 to 31 Mar 2006) ends before any data is complete (the earliest, 2013, ends on 31 Dec 2013)")]
    public void Report_PeriodOutsideTheData_IsRefusedNamingThePeriodsWithData(string period, string message)
    {
        var outDir = Path.Combine(CliRunner.TempDirectory(), "out");

        var result = CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--period", period, "--out", outDir);

        AssertRejectedPeriod(result, outDir, message, "Periods with data: 2013, 2014/15, 2015/16 Q2, Nov-15, 2015/16 Q3, Dec-15.");
    }

    [Fact]
    public void Report_AllCouncilsForAPeriodBeyondTheData_WritesNoCouncil()
    {
        var outDir = Path.Combine(CliRunner.TempDirectory(), "out");

        var result = CliRunner.Run("report", "--sample", "leicestershire-2020-23", "--la", "all", "--period", "2030/31", "--out", outDir);

        AssertRejectedPeriod(result, outDir, "2030/31 (1 Apr 2030 to 31 Mar 2031) begins after the latest data (2024/25, which ends on 31 Aug 2025)");
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "no council's folder is written");
    }

    [Fact]
    public void Report_Q3SampleWithThreeQ4Rows_Q4ReportCountsOnlyTheThreeNewFigures()
    {
        // The Q3 rows carry the Q3 report's updated flags (26 measures with a value); three Q4 figures are added with no flag. In the Q4
        // report only those three are new: the Q3 flags belong to the Q3 report and are not copied into the next one.
        var dir = CliRunner.TempDirectory();
        var values = Path.Combine(dir, "values.csv");
        File.WriteAllText(values,
            File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "samples", "leicestershire-2015-16-q3", "values.csv")).TrimEnd('\n') + "\n" +
            "cp-reviews,2015/16 Q4,99.1,,,final,made-up Q4 figure,,,,,\n" +
            "placements-3plus,2015/16 Q4,11.9,,,final,made-up Q4 figure,,,,,\n" +
            "slf-families,2015/16 Q4,2600,,,final,made-up Q4 figure,,,,,\n");

        string Run(string period)
        {
            var outDir = Path.Combine(dir, period.Replace('/', '-').Replace(' ', '-'));
            var result = CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--data", values, "--period", period, "--out", outDir);
            Assert.True(result.ExitCode == 0, result.Error);
            return outDir;
        }

        var q4 = Json(Run("2015/16 Q4"));
        var updated = Measures(q4).Where(m => m.GetProperty("updated").ValueKind == JsonValueKind.True).Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["cp-reviews", "placements-3plus", "slf-families"], updated.Order());
        Assert.Equal(3, q4.GetProperty("overview").GetProperty("withNewData").GetInt32());
        Assert.False(Measure(q4, "gcse-5ac-em").GetProperty("updated").GetBoolean()); // flagged Y for the Q3 report

        // In the Q3 report the Q4 rows are not known yet: the same count as the sample itself (its report's Y flags).
        var sampleOut = Path.Combine(dir, "sample");
        Assert.Equal(0, CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--period", "2015/16 Q3", "--out", sampleOut).ExitCode);
        Assert.Equal(
            Json(sampleOut).GetProperty("overview").GetProperty("withNewData").GetInt32(),
            Json(Run("2015/16 Q3")).GetProperty("overview").GetProperty("withNewData").GetInt32());
    }

    // Barking and Dagenham (301) is in Outer London. Values from bds_long.csv, by
    // tests/GoldenThread.Data.Tests/independent/lait_benchmarks.py ../shared/data/lait '[["Total_ Pup_FixedEx","2023/24",[301]]]'
    // (London, 986: 3.12458; Outer London has none for 2023/24) and by reading ReReferral 2025 for 988 (19.6).
    [Theory]
    [InlineData("a4-fixed-term-exclusion", 3.12458, "London")]
    [InlineData("a3-re-referrals", 19.6, "London (Outer)")]
    public void Report_LondonBorough_RegionIsItsSubRegionOrLondonWhereThatHasNone(string id, double region, string regionName)
    {
        var outDir = Path.Combine(CliRunner.TempDirectory(), "out");

        var result = CliRunner.Run("report", "--sample", "leicestershire-2020-23", "--la", "301", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var dashboard = Json(outDir);
        var m = Measure(dashboard, id);
        Assert.Equal(region, m.GetProperty("region").GetDouble(), 9);
        Assert.Equal(regionName, m.GetProperty("regionName").GetString());
        Assert.Equal("London (Outer)", dashboard.GetProperty("region").GetString());
    }
}
