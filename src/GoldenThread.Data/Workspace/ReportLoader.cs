using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Data.Diagnostics;
using GoldenThread.Data.Lait;
using GoldenThread.Data.Plans;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Workspace;

/// <summary>Reads everything a dashboard needs from the files the user named, checking as it goes.</summary>
public static class ReportLoader
{
    /// <summary>Loads the plan, values and benchmarks. Throws <see cref="InputException"/> naming the file and problem.</summary>
    /// <param name="laitCache">A folder to keep LAIT's parsed files in (<see cref="LaitCache"/>); none when null.</param>
    public static DashboardInputs Load(ReportSources sources, BenchmarkData? alreadyLoaded = null, StageTimings? timings = null, string? laitCache = null)
    {
        // LAIT's files need nothing from the plan: they are read on the other core while the plan and values are. The
        // plan's problems are still the ones reported first, as they were when the two were read one after the other.
        var lait = alreadyLoaded is null && sources.BenchmarksPath is not null
            ? Task.Run(() => (Data: (BenchmarkData?)LoadBenchmarks(sources, laitCache, out var o), Outcome: o))
            : Task.FromResult((Data: alreadyLoaded, Outcome: LaitCacheOutcome.Off));
        var plan = PlanReader.ReadFile(sources.PlanPath);
        timings?.Mark("read plan");
        // Derived figures first, so that a value the council gives in its own file for the same period takes precedence.
        var derived = plan.Measures.Any(m => m.ReturnMeasureId is not null)
            ? ReturnsLoader.ForPlan(plan, ReturnsLoader.DeriveAll(sources.Ssda903Path, sources.CinPath, sources.ChildPopulation))
            : [];
        IReadOnlyList<Observation> own = sources.ValuesPath is { } vp ? ValuesReader.ReadFile(vp, plan) : [];
        IReadOnlyList<Observation> values = [.. derived, .. own];
        timings?.Mark("read values (and returns)");
        var (benchmarks, outcome) = lait.GetAwaiter().GetResult();
        timings?.Mark($"read LAIT, rest of (cache: {outcome.ToString().ToLowerInvariant()})");

        int? home = plan.LaNumber;
        if (sources.Council is { } council && !string.Equals(council, "all", StringComparison.OrdinalIgnoreCase))
        {
            home = ResolveCouncil(council, benchmarks, plan.Council, plan.LaNumber);
        }

        Period? period = null;
        if (!string.IsNullOrWhiteSpace(sources.Period))
        {
            var parsed = Period.Parse(sources.Period);
            if (!parsed.Success)
            {
                throw new InputException(new InputError("command line", null, "--period", parsed.Error!));
            }

            period = parsed.Value;
        }

        return new DashboardInputs { Plan = plan, Values = values, Benchmarks = benchmarks, HomeLa = home, ReportingPeriod = period };
    }

    /// <summary>Loads LAIT's data, dictionary and neighbour groups; the latter two default to the files beside the data.</summary>
    public static BenchmarkData LoadBenchmarks(ReportSources sources, string? laitCache = null) => LoadBenchmarks(sources, laitCache, out _);

    /// <inheritdoc cref="LoadBenchmarks(ReportSources, string?)"/>
    public static BenchmarkData LoadBenchmarks(ReportSources sources, string? laitCache, out LaitCacheOutcome outcome)
    {
        var bds = sources.BenchmarksPath ?? throw new ArgumentException("No benchmarks file.", nameof(sources));
        var folder = Path.GetDirectoryName(Path.GetFullPath(bds))!;
        var dictionary = sources.DictionaryPath ?? Path.Combine(folder, "lait_data_dictionary.csv");
        var neighbours = sources.NeighboursPath ?? Path.Combine(folder, "sn_may_2025.xlsx");
        foreach (var (path, option) in new[] { (bds, "--benchmarks"), (dictionary, "--dictionary"), (neighbours, "--neighbours") })
        {
            if (!File.Exists(path))
            {
                throw new InputException(new InputError(path, null, null, $"file not found (from {option})"));
            }
        }

        (var report, outcome) = LaitCache.Load(bds, dictionary, neighbours, laitCache);
        return report.Data;
    }

    /// <summary>An LA number, or a council's name looked up in the benchmark data (or matched to the plan's council).</summary>
    public static int ResolveCouncil(string council, BenchmarkData? benchmarks, string? planCouncil, int? planLa)
    {
        if (benchmarks?.FindCouncil(council) is { } area)
        {
            return area.LaNumber;
        }

        if (int.TryParse(council, out var number))
        {
            if (benchmarks is null || benchmarks.Areas.Count == 0)
            {
                return number;
            }

            throw new InputException(new InputError("command line", null, "--la", $"no council has LA number {number} in the benchmark data; expected a DfE three-digit LA number such as 855"));
        }

        if (planLa is { } la && string.Equals(planCouncil, council, StringComparison.OrdinalIgnoreCase))
        {
            return la;
        }

        throw new InputException(new InputError("command line", null, "--la",
            $"'{council}' is not a council this data knows; expected an LA number (855) or a name as DfE writes it (Leicestershire)"));
    }
}
