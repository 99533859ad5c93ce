using System.Text.Json;
using System.Xml.Linq;
using GoldenThread.Data.AreaComparisons;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "gt-compare-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Run_NcmpSample_WritesPageChartsAndJsonWithTheReportsJudgements()
    {
        var manifest = SampleCatalogue.ManifestPath("ncmp-2014-15", "--data");
        using var reader = File.OpenText(manifest);
        var sources = AreaComparisonManifest.Read(reader, manifest);

        var lines = CompareJob.Run(sources, _out);

        Assert.True(File.Exists(Path.Combine(_out, "comparison.html")));
        var svgs = Directory.GetFiles(_out, "*.svg");
        Assert.Equal(10, svgs.Length);
        Assert.All(svgs, f => XDocument.Load(f));
        Assert.Contains("20.2% of Reception children in Leicestershire are overweight or obese, significantly lower than the England and East Midlands averages (21.9% and 21.7% respectively).", lines);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "comparison.json")));
        var table = json.RootElement.GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("indicator").GetString() == "overweight-or-obese" && t.GetProperty("group").GetString() == "Year 6");
        string Words(string area, int benchmark) => table.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("area").GetString() == area).GetProperty("comparisons")[benchmark].GetProperty("words").GetString()!;
        // The report: Blaby, Harborough and Melton significantly lower than England; the rest similar.
        Assert.Equal("significantly lower (better)", Words("Blaby", 0));
        Assert.Equal("significantly lower (better)", Words("Harborough", 0));
        Assert.Equal("significantly lower (better)", Words("Melton", 0));
        Assert.Equal("similar", Words("Charnwood", 0));
        Assert.Equal("similar", Words("Hinckley and Bosworth", 0));
        Assert.Equal("significantly lower (better)", Words("Leicestershire", 1));
    }

    [Fact]
    public void Invoke_CompareWithFiles_ExitsOkAndWritesFiles()
    {
        var dir = Path.GetDirectoryName(SampleCatalogue.ManifestPath("ncmp-2014-15", "--data"))!;
        var root = new System.CommandLine.RootCommand { CompareCommand.Create() };

        var code = root.Parse(["compare", "--data", Path.Combine(dir, "data.csv"), "--indicators", Path.Combine(dir, "indicators.csv"),
            "--benchmark", "England", "--benchmark", "East Midlands", "--out", _out]).Invoke();

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_out, "comparison.json")));
        Assert.True(File.Exists(Path.Combine(_out, "obese-year-6.svg")));
    }

    [Fact]
    public void Invoke_UnknownBenchmark_ExitsBadInput()
    {
        var dir = Path.GetDirectoryName(SampleCatalogue.ManifestPath("ncmp-2014-15", "--data"))!;
        var root = new System.CommandLine.RootCommand { CompareCommand.Create() };

        var code = root.Parse(["compare", "--data", Path.Combine(dir, "data.csv"), "--indicators", Path.Combine(dir, "indicators.csv"),
            "--benchmark", "Englnd", "--out", _out]).Invoke();

        Assert.Equal(2, code);
        Assert.False(File.Exists(Path.Combine(_out, "comparison.json")));
    }
}
