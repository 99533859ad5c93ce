using System.Diagnostics;
using System.Globalization;
using GoldenThread.Core.Returns;
using GoldenThread.Data.Returns;
using GoldenThread.Data.Returns.Synthetic;

// Reading and deriving a national-scale SSDA903: generated once into a temporary folder (never the repository),
// timed as medians against merely reading the bytes and counting lines.
// Usage: dotnet run -c Release --project bench/GoldenThread.Bench.Returns -- [folder] [children] [years] [runs]
var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "goldenthread-bench-returns");
var children = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var years = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var root = Path.Combine(folder, "ssda903");

if (!Directory.Exists(root))
{
    var sw = Stopwatch.StartNew();
    var summary = SyntheticReturns.Write(folder, children, years, seed: 2016);
    Console.WriteLine($"generated {summary.EpisodeRows:N0} episode rows for {summary.LookedAfterChildren:N0} children, {summary.FirstCollectionYear}-{summary.LastCollectionYear}, in {sw.Elapsed.TotalSeconds:F1} s");
}

var files = Directory.GetFiles(root, "*.csv", SearchOption.AllDirectories);
var bytes = files.Sum(f => new FileInfo(f).Length);
var lastYear = Directory.GetDirectories(root).Select(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).Max();
Console.WriteLine($"903 files: {files.Length}, {bytes / 1e6:F1} MB");

double Baseline()
{
    var sw = Stopwatch.StartNew();
    long lines = 0, chars = 0;
    foreach (var f in files)
    {
        using var r = new StreamReader(f);
        while (r.ReadLine() is { } line)
        {
            lines++;
            chars += line.Length;
        }
    }

    sw.Stop();
    if (lines == 0 || chars == 0)
    {
        throw new InvalidOperationException("no data");
    }

    return sw.Elapsed.TotalSeconds;
}

IReadOnlyList<GoldenThread.Core.Measures.Observation> last = [];
double Full()
{
    var sw = Stopwatch.StartNew();
    var data = Ssda903Reader.ReadFolder(root);
    var all = new List<GoldenThread.Core.Measures.Observation>();
    // Every measure for the latest financial year and the three rolling years before it.
    all.AddRange(ReturnMeasures.Derive(data, null, ReportingWindow.FinancialYear(lastYear - 1), new ReturnOptions { ChildPopulation = 12_000_000 }));
    for (var q = 1; q <= 3; q++)
    {
        all.AddRange(ReturnMeasures.Derive(data, null, ReportingWindow.RollingYearTo(lastYear - 1, q)));
    }

    sw.Stop();
    last = all;
    return sw.Elapsed.TotalSeconds;
}

static double Median(List<double> xs)
{
    xs.Sort();
    return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[(xs.Count / 2) - 1] + xs[xs.Count / 2]) / 2;
}

if (args.Length > 4 && args[4] == "once")
{
    // Peak memory of one load in a fresh process, without the garbage of earlier runs.
    var t = Full();
    var info = GC.GetGCMemoryInfo(GCKind.Any);
    Console.WriteLine($"one read + derive: {t:F2} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB " +
        $"({(double)Process.GetCurrentProcess().PeakWorkingSet64 / bytes:F2}x the files); GC heap after {info.HeapSizeBytes / 1e6:F0} MB; total allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB");
    return;
}

Baseline();
var baseline = Enumerable.Range(0, runs).Select(_ => Baseline()).ToList();
var full = new List<double>();
for (var i = 0; i < runs; i++)
{
    full.Add(Full());
}

// Retained memory: what the merged data costs once loaded.
var before = GC.GetTotalMemory(true);
var held = Ssda903Reader.ReadFolder(root);
var after = GC.GetTotalMemory(true);
var gc = GC.GetGCMemoryInfo(GCKind.Any);
Console.WriteLine($"episodes after merge: {held.Episodes.Length:N0}; children: {held.Children.Count:N0}");
Console.WriteLine($"baseline (read bytes + count lines): median {Median(baseline):F2} s of {runs}");
Console.WriteLine($"read + check + merge + derive {last.Count} observations: median {Median(full):F2} s of {runs}");
Console.WriteLine($"ratio: {Median(full) / Median(baseline):F1}x");
Console.WriteLine($"files {bytes / 1e6:F0} MB; retained after load {(after - before) / 1e6:F0} MB ({(double)(after - before) / bytes:F2}x); " +
    $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB ({(double)Process.GetCurrentProcess().PeakWorkingSet64 / bytes:F2}x); last GC heap {gc.HeapSizeBytes / 1e6:F0} MB");
GC.KeepAlive(held);
foreach (var o in last.Take(46))
{
    Console.WriteLine($"  {o.MeasureId,-40} {o.Period.Label,-10} {o.Value,10:F1} {o.Numerator,10} {o.Denominator,12}");
}
