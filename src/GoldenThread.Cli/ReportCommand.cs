using GoldenThread.Core.Disclosure;
using System.CommandLine;
using GoldenThread.Data;
using GoldenThread.Data.Diagnostics;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Cli;

internal static class ReportCommand
{
    /// <param name="mainStarted">The <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> taken on entering <c>Main</c>, for <c>--timings</c>.</param>
    public static Command Create(long mainStarted = 0)
    {
        var sample = new Option<string?>("--sample") { Description = "Run a bundled sample by name (see 'samples'); other options override its manifest." };
        var plan = new Option<string?>("--plan") { Description = "The plan file (YAML; see docs/plan-format.md)." };
        var data = new Option<string?>("--data") { Description = "The council's own values (CSV or XLSX; see docs/formats.md)." };
        var benchmarks = new Option<string?>("--benchmarks") { Description = "LAIT's bds_long.csv, for all councils' data." };
        var dictionary = new Option<string?>("--dictionary") { Description = "LAIT's data dictionary (default: lait_data_dictionary.csv beside --benchmarks)." };
        var neighbours = new Option<string?>("--neighbours") { Description = "DfE's statistical-neighbour workbook (default: sn_may_2025.xlsx beside --benchmarks)." };
        var ssda903 = new Option<string?>("--ssda903") { Description = "The council's SSDA903 folder (one sub-folder per collection year), for measures with 'return:' in the plan." };
        var cin = new Option<string?>("--cin") { Description = "The council's CIN census folder (one sub-folder per collection year), for measures with 'return:' in the plan." };
        var population = PopulationOption.Create("Children aged 0-17 in the area (a whole number above zero), for rates per 10,000 derived from the returns.");
        var la = new Option<string?>("--la") { Description = "The home council: LA number (855) or name (Leicestershire); 'all' for every council (needs --benchmarks). Default: the plan's." };
        var period = new Option<string?>("--period") { Description = "The reporting period, e.g. '2015/16 Q3' or '2024/25' (default: the latest)." };
        var store = new Option<string>("--store")
        {
            Description = $"Save the plan and values imported into this store (a SQLite file or a PostgreSQL connection string) as workspace --workspace; 'none' not to. Default: ${GoldenThread.Store.DefaultStore.EnvironmentVariable}, else data/goldenthread.db in this checkout (the store the web application uses).",
            DefaultValueFactory = _ => GoldenThread.Store.DefaultStore.Location(),
        };
        var threshold = new Option<int>("--disclosure-threshold")
        {
            Description = "Withhold counts from 1 to N, and figures worked out from them, from everything written (default 5). 0 turns disclosure control off: for internal use only, never for publication.",
            DefaultValueFactory = _ => DisclosureRules.Default.Threshold,
        };
        var workspace = new Option<string?>("--workspace") { Description = "The workspace id to save as with --store (default: the sample's name, or 'default')." };
        var timingsOption = new Option<bool>("--timings") { Description = "Write a stopwatch breakdown of the run (start-up, reading, store, judgements, each writer) to standard error." };
        var output = new Option<string>("--out") { Description = "The folder to write dashboard.html, dashboard.xlsx, dashboard.json and report.docx into.", DefaultValueFactory = _ => "out" };

        var command = new Command("report", "Build the performance dashboard (HTML, XLSX, JSON) for a reporting period.")
        {
            sample, plan, data, benchmarks, dictionary, neighbours, ssda903, cin, population, la, period, output, store, workspace, threshold, timingsOption,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var timings = parse.GetValue(timingsOption) ? new StageTimings(mainStarted) : null;
            timings?.Mark("parse command line");
            var sampleName = parse.GetValue(sample);
            var planPath = parse.GetValue(plan);
            if (sampleName is null && planPath is null)
            {
                throw new InputException(new InputError("command line", null, "--plan", "give --plan FILE (your plan) or --sample NAME (a bundled sample)"));
            }

            var baseSources = sampleName is not null ? SampleCatalogue.Resolve(sampleName) : new ReportSources { PlanPath = planPath! };
            var sources = baseSources with
            {
                PlanPath = planPath ?? baseSources.PlanPath,
                ValuesPath = parse.GetValue(data) ?? baseSources.ValuesPath,
                BenchmarksPath = parse.GetValue(benchmarks) ?? baseSources.BenchmarksPath,
                DictionaryPath = parse.GetValue(dictionary) ?? baseSources.DictionaryPath,
                NeighboursPath = parse.GetValue(neighbours) ?? baseSources.NeighboursPath,
                Ssda903Path = parse.GetValue(ssda903) ?? baseSources.Ssda903Path,
                CinPath = parse.GetValue(cin) ?? baseSources.CinPath,
                ChildPopulation = PopulationOption.Value(parse, population) ?? baseSources.ChildPopulation,
                Council = parse.GetValue(la) ?? baseSources.Council,
                Period = parse.GetValue(period) ?? baseSources.Period,
            };

            var n = parse.GetValue(threshold);
            if (n < 0)
            {
                throw new InputException(new InputError("command line", null, "--disclosure-threshold", $"{n} is negative; expected 0 (off) or the largest count to withhold, e.g. 5"));
            }

            var storeTarget = parse.GetValue(store) is { } t && !string.Equals(t, "none", StringComparison.OrdinalIgnoreCase) ? t : null;
            // EF's model and pipelines are built on the other core while the files are read and the dashboard written;
            // the store itself is touched only after, as before.
            var warmUp = storeTarget is not null ? Task.Run(GoldenThread.Store.StoreWarmUp.Run) : Task.CompletedTask;
            var inputs = ReportJob.Load(sources, timings, GoldenThread.Store.DefaultStore.CacheFolder(storeTarget));
            var workspaceId = parse.GetValue(workspace) ?? sampleName ?? "default";
            if (storeTarget is not null)
            {
                StoreImport.Check(storeTarget, workspaceId);
            }

            timings?.Mark("check store target");
            // The files are rendered into a staging folder and moved into place only once the store (if any) has taken the
            // values, so a failure anywhere leaves the output folder as it was.
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            using var staging = new StagedOutput(outDir);
            var lines = ReportJob.Run(sources, inputs, staging.Folder, n == 0 ? null : new DisclosureRules(n), timings);
            string? stored = null;
            if (storeTarget is not null)
            {
                // A bundled sample as shipped is a council's published document, so its dashboard is public, as the web
                // application seeds it; the council's own plan or values stay internal until an administrator says otherwise.
                var published = sampleName is not null && planPath is null && parse.GetValue(data) is null ? true : (bool?)null;
                warmUp.GetAwaiter().GetResult();
                timings?.Mark("wait for the store's warm-up");
                stored = StoreImport.Run(sources, inputs.Values, storeTarget, workspaceId, published, timings);
            }

            staging.Commit();
            foreach (var line in lines)
            {
                Console.WriteLine(staging.InOutput(line));
            }

            if (stored is not null)
            {
                Console.WriteLine(stored);
            }

            if (timings is not null)
            {
                timings.Mark("move files into place, print");
                foreach (var line in timings.Lines())
                {
                    Console.Error.WriteLine(line);
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
