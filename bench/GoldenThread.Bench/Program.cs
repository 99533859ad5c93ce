using GoldenThread.Views.Rendering;
using System.Diagnostics;
using System.Globalization;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Data.Lait;
using GoldenThread.Data.Workspace;
using GoldenThread.Reporting;

// A Stopwatch harness: warm-up runs, then the median of N timed runs, each compared with the baseline of merely
// reading the file. Usage: dotnet run -c Release --project bench/GoldenThread.Bench -- [lait-dir] [runs] [--report]
// With --published-html: writing dashboard.html for every council, Razor components against the string renderer they
// replaced (PublishedHtmlBench; runs = repetitions, default 7). With --component-cost: what one small component costs
// against inline markup (ComponentCostBench).
var dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Directory.Exists(a)) ?? FindLaitDir();
var runs = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
runs = runs > 0 ? runs : 15;
var bds = Path.Combine(dir, "bds_long.csv");
var dict = Path.Combine(dir, "lait_data_dictionary.csv");
var sn = Path.Combine(dir, "sn_may_2025.xlsx");

if (args.Contains("--report"))
{
    var report = LaitLoader.LoadWithReport(bds, dict, sn);
    Console.WriteLine($"rows {report.RowCount}, Years-0 rows skipped {report.ZeroYearRowCount}, measures {report.Data.Measures.Count}, areas {report.Data.Areas.Count}, SN groups {report.Data.Neighbours.Count}");
    foreach (var w in report.Warnings)
    {
        Console.WriteLine("warning: " + w);
    }

    return;
}

if (args.Contains("--component-cost"))
{
    GoldenThread.Bench.ComponentCostBench.Run();
    return;
}

if (args.Contains("--published-html"))
{
    GoldenThread.Bench.PublishedHtmlBench.Run(bds, dict, sn, runs > 0 && args.Any(a => int.TryParse(a, out _)) ? runs : 7);
    return;
}

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} timed runs after 3 warm-up runs");
var baseline = Measure("read bytes + count lines (baseline)", () =>
{
    var bytes = File.ReadAllBytes(bds);
    return bytes.AsSpan().Count((byte)'\n');
});
var load = Measure("LaitLoader.Load (dictionary + bds + SN)", () => LaitLoader.Load(bds, dict, sn).Measures.Count);
var data = LaitLoader.Load(bds, dict, sn);
var positions = Measure("positions: latest period x every council x every measure", () => AllPositions(data));

// The README's first command, in process: load LAIT and the plan, build the sample dashboard, render all three formats.
var sample = SampleCatalogue.Resolve("leicestershire-2020-23");
var sampleJob = Measure("sample dashboard: load LAIT + plan, build, render 4 formats", () => RenderAll(DashboardBuilder.Build(ReportLoader.Load(sample))));
var inputs = ReportLoader.Load(sample, data);
var councils = data.Areas.Values.Where(a => a.IsLocalAuthority).Select(a => a.LaNumber).ToArray();
var allCouncils = Measure($"all {councils.Length} councils' dashboards (LAIT loaded), 4 formats each", () =>
    councils.Sum(la => RenderAll(DashboardBuilder.Build(inputs with { HomeLa = la }))) > 0 ? councils.Length : 0);

Console.WriteLine();
Console.WriteLine($"{"what",-58} {"median ms",10} {"x baseline",11}");
foreach (var (name, ms) in new[] { baseline, load, positions, sampleJob, allCouncils })
{
    Console.WriteLine($"{name,-58} {ms.ToString("F1", CultureInfo.InvariantCulture),10} {(ms / baseline.Ms).ToString("F1", CultureInfo.InvariantCulture),11}");
}

Console.WriteLine($"positions computed per run: {AllPositions(data)}");

(string Name, double Ms) Measure(string name, Func<int> action)
{
    for (var i = 0; i < 3; i++)
    {
        action();
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var sw = Stopwatch.StartNew();
        action();
        times[i] = sw.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    return (name, times[runs / 2]);
}

static int AllPositions(BenchmarkData data)
{
    var councils = data.Areas.Values.Where(a => a.IsLocalAuthority).Select(a => a.LaNumber).ToArray();
    var count = 0;
    foreach (var series in data.Measures.Values)
    {
        if (NationalBenchmark.Latest(series) is not { } latest)
        {
            continue;
        }

        var distribution = NationalDistribution.Of(latest.ByArea);
        foreach (var la in councils)
        {
            NationalBenchmark.For(data, series.Info.Code, latest, distribution, la, series.Info.Polarity, series.Info.NoQuartile);
            count++;
        }
    }

    return count;
}

// Renders into memory so the disk is not measured; returns the bytes written.
static int RenderAll(Dashboard dashboard)
{
    using var html = new StringWriter();
    PublishedHtml.WriteDashboard(dashboard, html);
    using var xlsx = new MemoryStream();
    DashboardXlsxRenderer.Render(dashboard, xlsx);
    using var json = new MemoryStream();
    DashboardJsonRenderer.Render(dashboard, json);
    using var docx = new MemoryStream();
    CommitteeReportDocxRenderer.Render(dashboard, docx);
    return html.GetStringBuilder().Length + (int)xlsx.Length + (int)json.Length + (int)docx.Length;
}

static string FindLaitDir()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        var candidate = Path.Combine(d.FullName, "shared", "data", "lait");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("shared/data/lait not found above " + AppContext.BaseDirectory);
}
