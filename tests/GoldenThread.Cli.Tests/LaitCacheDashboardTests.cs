using System.Text;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Data.Lait;
using GoldenThread.Data.Workspace;
using GoldenThread.Reporting;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// The dashboards built from LAIT read through its cache are the dashboards built from the files parsed: the JSON of
/// both Leicestershire samples and of three other councils, byte for byte, before and after the LAIT file changes under
/// the cache (a copy of the published files in a temporary folder, changed in place with its size and time kept).
/// </summary>
public sealed class LaitCacheDashboardTests : IDisposable
{
    private readonly string _root = CliRunner.TempDirectory();
    private readonly string _bds;

    public LaitCacheDashboardTests()
    {
        var lait = Path.GetDirectoryName(SampleCatalogue.Resolve("leicestershire-2020-23").BenchmarksPath)!;
        foreach (var name in new[] { "bds_long.csv", "lait_data_dictionary.csv", "sn_may_2025.xlsx" })
        {
            File.Copy(Path.Combine(lait, name), Path.Combine(_root, name));
        }

        _bds = Path.Combine(_root, "bds_long.csv");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Both samples with their own values, and three other councils (Derbyshire, Central Bedfordshire, Norfolk) on the 2020-23 plan with LAIT's figures only.</summary>
    private IReadOnlyList<ReportSources> Cases()
    {
        ReportSources Sample(string name) => SampleCatalogue.Resolve(name) with { BenchmarksPath = _bds, DictionaryPath = null, NeighboursPath = null };
        var plan = Sample("leicestershire-2020-23");
        return
        [
            plan,
            Sample("leicestershire-2015-16-q3"),
            plan with { Council = "830", ValuesPath = null },
            plan with { Council = "823", ValuesPath = null },
            plan with { Council = "926", ValuesPath = null },
        ];
    }

    private static string Json(ReportSources sources, BenchmarkData data)
    {
        var dashboard = DashboardDisclosure.Apply(DashboardBuilder.Build(ReportLoader.Load(sources, data)), DisclosureRules.Default);
        using var stream = new MemoryStream();
        DashboardJsonRenderer.Render(dashboard, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private List<string> Dashboards(BenchmarkData data) => Cases().Select(c => Json(c, data)).ToList();

    private BenchmarkData Load(string? cache, out LaitCacheOutcome outcome) => ReportLoader.LoadBenchmarks(Cases()[0], cache, out outcome);

    [Fact]
    public void DashboardJson_WithAndWithoutCache_AndAfterTheFileChanges_IsIdentical()
    {
        var cache = Path.Combine(_root, "cache");
        var parsed = Dashboards(Load(null, out _));
        var built = Dashboards(Load(cache, out var first));
        var read = Dashboards(Load(cache, out var second));

        Assert.Equal((LaitCacheOutcome.Built, LaitCacheOutcome.Hit), (first, second));
        Assert.Equal(parsed, built);
        Assert.Equal(parsed, read);

        // Every Leicestershire figure's last digit moved on by one: same size; the time put back as it was.
        var written = File.GetLastWriteTimeUtc(_bds);
        var lines = File.ReadAllLines(_bds);
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length == 7 && f[5] == "855" && f[4].Length > 0 && char.IsAsciiDigit(f[4][^1]))
            {
                f[4] = f[4][..^1] + (char)('0' + ((f[4][^1] - '0' + 1) % 10));
                lines[i] = string.Join(',', f);
            }
        }

        File.WriteAllLines(_bds, lines);
        File.SetLastWriteTimeUtc(_bds, written);

        var changedParsed = Dashboards(Load(null, out _));
        var changedCached = Dashboards(Load(cache, out var third));

        Assert.Equal(LaitCacheOutcome.Rebuilt, third);
        Assert.Equal(changedParsed, changedCached);
        Assert.NotEqual(parsed[0], changedCached[0]);
    }
}
