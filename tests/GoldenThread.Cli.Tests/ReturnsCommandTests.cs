using System.Globalization;
using System.Text.Json;

namespace GoldenThread.Cli.Tests;

/// <summary>Synthetic returns generated, derived and fed into a dashboard, through the command line.</summary>
public class ReturnsCommandTests
{
    private const string Plan = """
        plan: Synthetic council plan
        years: 2023-2025
        themes:
          - id: T1
            title: Children live in safe, stable homes
            outcomes:
              - id: O1
                title: Stable placements
                measures: [moves, cp-long]
        measures:
          - id: moves
            title: Children looked after with three or more placements in the year
            unit: percentage
            polarity: lower-is-better
            frequency: rolling-12-months
            return: cla-3plus-placements
            targets:
              2024/25: below 10%
          - id: cp-long
            title: Child protection plans open two years or more at the period end
            unit: percentage
            polarity: lower-is-better
            frequency: quarterly
            return: cp-2-years-open-at-end
        """;

    [Fact]
    public void SynthDeriveReport_SyntheticCouncil_DashboardShowsTheDerivedFigures()
    {
        var dir = CliRunner.TempDirectory();
        var returns = Path.Combine(dir, "returns");

        var synth = CliRunner.Run("synth", "--children", "400", "--years", "2", "--seed", "11", "--out", returns);
        Assert.True(synth.ExitCode == 0, synth.Error);

        var csv = Path.Combine(dir, "derived.csv");
        var derive = CliRunner.Run("derive", "--ssda903", Path.Combine(returns, "ssda903"), "--cin", Path.Combine(returns, "cin"), "--out", csv);
        Assert.True(derive.ExitCode == 0, derive.Error);
        var rows = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        var moves = rows.Single(r => r[0] == "cla-3plus-placements" && r[1] == "2024/25");

        var plan = Path.Combine(dir, "plan.yaml");
        File.WriteAllText(plan, Plan);
        var outDir = Path.Combine(dir, "out");
        var report = CliRunner.Run("report", "--plan", plan, "--ssda903", Path.Combine(returns, "ssda903"), "--cin", Path.Combine(returns, "cin"), "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Error);

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json"))).RootElement;
        var measures = json.GetProperty("sections")[0].GetProperty("measures");
        var m = measures.EnumerateArray().Single(x => x.GetProperty("id").GetString() == "moves");
        Assert.Equal("2024/25", m.GetProperty("period").GetString());
        Assert.Equal(double.Parse(moves[2], CultureInfo.InvariantCulture), m.GetProperty("value").GetDouble(), 9);
        Assert.Equal(double.Parse(moves[3], CultureInfo.InvariantCulture), m.GetProperty("numerator").GetDouble());
        Assert.Equal("2024/25 Q3", m.GetProperty("previousPeriod").GetString()); // the twelve months to December
        Assert.Equal("significance", m.GetProperty("directionMethod").GetString());
        Assert.NotEqual(JsonValueKind.Null, m.GetProperty("rag").ValueKind);
        Assert.True(m.GetProperty("trend").GetArrayLength() >= 4);
    }

    [Fact]
    public void Derive_FolderWithoutYears_SaysHowToLayItOut()
    {
        var dir = CliRunner.TempDirectory();

        var result = CliRunner.Run("derive", "--ssda903", dir, "--out", Path.Combine(dir, "x.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no collection-year sub-folders (from --ssda903)", result.Error);
        Assert.False(File.Exists(Path.Combine(dir, "x.csv")));
    }

    [Fact]
    public void Report_PlanNamingAnUnknownReturnMeasure_SuggestsTheNearest()
    {
        var dir = CliRunner.TempDirectory();
        var plan = Path.Combine(dir, "plan.yaml");
        File.WriteAllText(plan, Plan.Replace("return: cla-3plus-placements", "return: cla-3-plus-placements"));

        var result = CliRunner.Run("validate", "--plan", plan);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'cla-3-plus-placements' is not a measure derived from the statutory returns; did you mean 'cla-3plus-placements'?", result.Error);
    }

    [Fact]
    public void Report_SyntheticSample_RunsFromItsManifestWithGeneratedReturns()
    {
        var outDir = CliRunner.TempDirectory();

        var result = CliRunner.Run("report", "--sample", "synthetic-social-care", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json"))).RootElement;
        Assert.Equal("2024/25 Q4", json.GetProperty("reportingPeriod").GetString());
        var rows = json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal(27, rows.Count);
        // Three years of returns do not reach back to every adopted child's entry to care (nor, for some windows, 2½
        // years or a plan's first review): such a row says "Not computable" with its reason; a figure resting on a count of
        // 1 to 5 is withheld (disclosure control); every other row has a value.
        var lookBack = new[] { "adoption-days", "adoption-within-14m", "long-term-stability", "cp-reviews", "re-referrals" };
        Assert.All(rows, r => Assert.True(
            r.GetProperty("value").ValueKind != JsonValueKind.Null
                || (r.GetProperty("suppressed").GetBoolean() && r.GetProperty("valueText").GetString() == "*")
                || (r.GetProperty("valueText").GetString() == "Not computable" && lookBack.Contains(r.GetProperty("id").GetString())),
            r.GetProperty("id").GetString()));
    }
}
