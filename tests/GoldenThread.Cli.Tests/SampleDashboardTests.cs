using System.Text.Json;

namespace GoldenThread.Cli.Tests;

/// <summary>Both bundled samples, end to end through the command line, checked against independent calculations.</summary>
public class SampleDashboardTests
{
    private static JsonElement RunReport(params string[] extra)
    {
        var outDir = CliRunner.TempDirectory();
        var result = CliRunner.Run(["report", .. extra, "--out", outDir]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        foreach (var f in new[] { "dashboard.html", "dashboard.xlsx", "dashboard.json", "report.docx" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, f)).Length > 0, f + " was not written");
            Assert.Contains(Path.Combine(outDir, f), result.Output);
        }

        return JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json"))).RootElement;
    }

    [Fact]
    public void Report_AllCouncils_EachFolderHasTheCommitteeReport()
    {
        var outDir = CliRunner.TempDirectory();
        var result = CliRunner.Run(["report", "--sample", "leicestershire-2020-23", "--la", "all", "--out", outDir]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);

        var folders = Directory.GetDirectories(outDir);
        Assert.Contains($"wrote dashboards for {folders.Length} councils", result.Output);
        Assert.True(folders.Length > 150, $"only {folders.Length} council folders");
        Assert.All(folders, f => Assert.True(new FileInfo(Path.Combine(f, "report.docx")).Length > 0, f + " has no report.docx"));
        Assert.True(File.Exists(Path.Combine(outDir, "855-leicestershire", "report.docx")));
    }

    [Fact]
    public void Report_AllCouncilsWithOwnValues_GivesTheOwnValuesToTheHomeCouncilOnly()
    {
        var outDir = CliRunner.TempDirectory();
        var bds = Path.GetFullPath(Path.Combine(CliRunner.RepositoryRoot, "..", "shared", "data", "lait", "bds_long.csv"));

        // The period named: with LAIT added, the latest period with data would be LAIT's, years after the report.
        var result = CliRunner.Run(["report", "--sample", "leicestershire-2015-16-q3", "--benchmarks", bds, "--period", "2015/16 Q3", "--la", "all", "--out", outDir]);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        JsonElement Leavers(string folder) => Measure(
            JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, folder, "dashboard.json"))).RootElement, "id", "care-leavers-accommodation");
        Assert.Equal(66.7, Number(Leavers("855-leicestershire"), "value"));
        Assert.Null(Number(Leavers("202-camden"), "value")); // LAIT has nothing for Camden by 2015/16 Q3
    }

    private static JsonElement Measure(JsonElement dashboard, string property, string value) =>
        dashboard.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray())
            .First(m => m.GetProperty(property).GetString() == value);

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    // Literals from tests/GoldenThread.Data.Tests/independent/lait_benchmarks.py (csv + zipfile, LAIT's R method), run as
    //   python3 lait_benchmarks.py ../shared/data/lait '[["FSP_NEW_GOODDEV","2025",[855,926]],["ReReferral","2025",[855,926]],
    //     ["CareLeaverAcc","2025",[855]],["RevCP","2025",[855]],["%_2yr_olds","2025",[855]]]'
    // Columns: code, Years, LA, value, rank, ranked, quartile, SN mean, SN count, England, region.
    [Theory]
    [InlineData("FSP_NEW_GOODDEV", "855", 70.4, 41, 153, 2, 70.24999999999999, 10, 68.3, 67.3)]
    [InlineData("FSP_NEW_GOODDEV", "926", 67.5, 95, 153, 3, 68.69, 10, 68.3, 68.7)]
    [InlineData("ReReferral", "855", 25.5, 135, 153, 4, 21.759999999999998, 10, 22.6, 24.7)]
    [InlineData("ReReferral", "Norfolk", 17.9, 49, 153, 2, 23.11, 10, 22.6, 19.4)]
    [InlineData("CareLeaverAcc", "855", 94.0, 22, 149, 1, 86.875, 8, 89.0, 91.0)]
    [InlineData("RevCP", "855", 84.4, 129, 150, 4, 88.07000000000001, 10, 90.6, 89.6)]
    [InlineData("%_2yr_olds", "855", 53.7, 139, 153, 4, 66.09, 10, 65.2, 60.3)]
    public void Report_Leicestershire2020To23_BenchmarksEqualIndependentCalculation(
        string code, string la, double value, int rank, int ranked, int quartile, double snMean, int snCount, double england, double region)
    {
        var dashboard = RunReport("--sample", "leicestershire-2020-23", "--la", la);

        var m = Measure(dashboard, "laitCode", code);
        Assert.Equal(value, Number(m, "value")!.Value, 9);
        Assert.Equal(rank, m.GetProperty("rank").GetInt32());
        Assert.Equal(ranked, m.GetProperty("rankedCount").GetInt32());
        Assert.Equal(quartile, m.GetProperty("quartile").GetInt32());
        Assert.Equal(snMean, Number(m, "snAverage")!.Value, 9);
        Assert.Equal(snCount, m.GetProperty("neighboursWithValues").GetInt32());
        Assert.Equal(england, Number(m, "england")!.Value, 9);
        Assert.Equal(region, Number(m, "region")!.Value, 9);
        Assert.Equal("2024/25", m.GetProperty("period").GetString());
    }

    [Fact]
    public void Report_Leicestershire2020To23_MeasuresLaitDoesNotHoldAwaitLocalData()
    {
        var dashboard = RunReport("--sample", "leicestershire-2020-23");

        var unmapped = dashboard.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray())
            .Where(m => m.GetProperty("laitCode").ValueKind == JsonValueKind.Null && m.GetProperty("gap").ValueKind == JsonValueKind.Null)
            .ToList();
        Assert.NotEmpty(unmapped);
        Assert.All(unmapped, m =>
        {
            Assert.Equal(JsonValueKind.Null, m.GetProperty("value").ValueKind);
            Assert.Equal("Awaiting local data", m.GetProperty("valueText").GetString());
            Assert.Equal(JsonValueKind.Null, m.GetProperty("rag").ValueKind);
        });
        Assert.Equal("Leicestershire", dashboard.GetProperty("council").GetString());
        Assert.Equal("East Midlands", dashboard.GetProperty("region").GetString());
    }

    [Fact]
    public void Report_Leicestershire2020To23_FsmGapIsFsmMinusAllAndNarrowing()
    {
        var dashboard = RunReport("--sample", "leicestershire-2020-23");

        // FSP_Gooddev_FSM minus FSP_NEW_GOODDEV for Leicestershire in bds_long.csv: 2025: 46.1 - 70.4; 2024: 44.3 - 69.6.
        var gap = Measure(dashboard, "id", "a1-gld-fsm-gap");
        Assert.Equal(46.1 - 70.4, Number(gap, "value")!.Value, 9);
        Assert.Equal(44.3 - 69.6, Number(gap.GetProperty("gap"), "previousGap")!.Value, 9);
        Assert.Equal("narrowing", gap.GetProperty("gap").GetProperty("trend").GetString());
        Assert.Equal("green", gap.GetProperty("rag").GetString());
        Assert.Equal("-24.3 pp", gap.GetProperty("valueText").GetString());

        // Both written "2024/25": the early years measure is an academic year, re-referrals a financial year.
        var gld = Measure(dashboard, "laitCode", "FSP_NEW_GOODDEV");
        Assert.Equal(("academic-year", "2025-08-31"), (gld.GetProperty("periodKind").GetString(), gld.GetProperty("periodEnd").GetString()));
        var reReferrals = Measure(dashboard, "laitCode", "ReReferral");
        Assert.Equal(("financial-year", "2025-03-31"), (reReferrals.GetProperty("periodKind").GetString(), reReferrals.GetProperty("periodEnd").GetString()));
    }

    [Fact]
    public void Report_Q3Sample_ReproducesTheTranscribedDashboard()
    {
        var dashboard = RunReport("--sample", "leicestershire-2015-16-q3");

        Assert.Equal("2015/16 Q3", dashboard.GetProperty("reportingPeriod").GetString());

        // "0.59% (2)" rests on two children: withheld from what is published, with the footnote; the judgements stay.
        var cp = Measure(dashboard, "id", "cp-2yrs-open");
        Assert.True(cp.GetProperty("suppressed").GetBoolean());
        Assert.Equal("*", cp.GetProperty("valueText").GetString());
        Assert.Equal(JsonValueKind.Null, cp.GetProperty("value").ValueKind);
        Assert.StartsWith("* Suppressed: counts from 1 to 5", dashboard.GetProperty("disclosureNote").GetString());
        // Top quartile and SN 2.4 as supplied in Appendix A.
        Assert.Equal(1, cp.GetProperty("quartile").GetInt32());
        Assert.Equal("supplied", cp.GetProperty("quartileProvenance").GetString());
        Assert.Equal(2.4, Number(cp, "snAverage"));
        Assert.Equal("supplied", cp.GetProperty("snAverageProvenance").GetString());
        Assert.True(cp.GetProperty("updated").GetBoolean());

        // 66.7% against 53.9% in Q2 (para 12): improved; target top quartile, quartile 4: Red (as the dashboard).
        var leavers = Measure(dashboard, "id", "care-leavers-accommodation");
        Assert.Equal("improved", leavers.GetProperty("direction").GetString());
        Assert.Equal("red", leavers.GetProperty("rag").GetString());
        Assert.Equal("worse", leavers.GetProperty("snComparison").GetString()); // 66.7 against 74.1

        // 12.55% against a target below 9%: Red computed, though the dashboard says Amber by a rule the report does not state.
        var moves = Measure(dashboard, "id", "placements-3plus");
        Assert.Equal("red", moves.GetProperty("rag").GetString());

        // The report's 28 measures with new data: 27 here (the custody row is not legible; Q3AppendixATests has the rest).
        Assert.Equal(27, dashboard.GetProperty("overview").GetProperty("withNewData").GetInt32());
    }

    [Fact]
    public void Report_DisclosureControlOff_ShowsTheSmallCountForInternalUse()
    {
        var dashboard = RunReport("--sample", "leicestershire-2015-16-q3", "--disclosure-threshold", "0");

        var cp = Measure(dashboard, "id", "cp-2yrs-open");
        Assert.Equal("0.59% (2)", cp.GetProperty("valueText").GetString());
        Assert.False(cp.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, dashboard.GetProperty("disclosureNote").ValueKind);
    }

    [Fact]
    public void Report_WithStore_SavesThePlanAndValuesAsAWorkspace()
    {
        var dir = CliRunner.TempDirectory();
        var store = Path.Combine(dir, "db", "goldenthread.db");

        var first = CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--out", Path.Combine(dir, "out"), "--store", store);
        var second = CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--out", Path.Combine(dir, "out"), "--store", store);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("stored workspace 'leicestershire-2015-16-q3'", first.Output);
        Assert.True(File.Exists(store));
        Assert.Contains("stored workspace 'leicestershire-2015-16-q3'", second.Output);
    }
}
