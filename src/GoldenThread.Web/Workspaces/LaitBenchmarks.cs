using System.Collections.Concurrent;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Data.Lait;
using GoldenThread.Data.Workspace;
using GoldenThread.Store;
using GoldenThread.Web.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Workspaces;

/// <summary>
/// LAIT's published files, read once per folder and kept in memory (about 0.3 s and a few tens of MB): they are public,
/// national and replaced wholesale by DfE, so they are not copied into the store.
/// </summary>
public sealed class LaitBenchmarks(IOptions<GoldenThreadOptions> options, StoreConnection store, ILogger<LaitBenchmarks> log)
{
    private readonly ConcurrentDictionary<string, Lazy<BenchmarkData?>> _byFolder = new(StringComparer.Ordinal);

    /// <summary>The application's LAIT folder: the option, else shared/data/lait found beside the repository.</summary>
    public string? DefaultFolder { get; } = string.IsNullOrWhiteSpace(options.Value.LaitFolder) ? LaitLocator.FindDirectory() : Path.GetFullPath(options.Value.LaitFolder);

    /// <summary>The data in <paramref name="folder"/> (the default folder when null); null when there is none.</summary>
    public BenchmarkData? Get(string? folder = null)
    {
        var f = folder ?? DefaultFolder;
        if (f is null)
        {
            return null;
        }

        return _byFolder.GetOrAdd(f, key => new Lazy<BenchmarkData?>(() => Load(key))).Value;
    }

    private BenchmarkData? Load(string folder)
    {
        var bds = Path.Combine(folder, "bds_long.csv");
        if (!File.Exists(bds))
        {
            log.LogWarning("No LAIT data in {Folder}: dashboards show the council's own values only", folder);
            return null;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The parsed files are kept beside the application's store, as the command line keeps them beside its.
        var data = ReportLoader.LoadBenchmarks(new ReportSources { PlanPath = "", BenchmarksPath = bds }, DefaultStore.CacheFolder(store.ConnectionString), out var cache);
        log.LogInformation("Loaded LAIT from {Folder}: {Measures} measures, {Areas} areas in {Ms:0} ms (cache: {Cache})",
            folder, data.Measures.Count, data.Areas.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, cache);
        return data;
    }
}
