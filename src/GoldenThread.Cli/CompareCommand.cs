using System.CommandLine;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Data;
using GoldenThread.Data.AreaComparisons;
using GoldenThread.Data.Workspace;
using GoldenThread.Reporting.AreaComparisons;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Cli;

internal static class CompareCommand
{
    public static Command Create()
    {
        var sample = new Option<string?>("--sample") { Description = "Run a bundled area-comparison sample by name (e.g. ncmp-2014-15); other options override its manifest." };
        var data = new Option<string?>("--data") { Description = "The figures: a long CSV indicator,group,area,value,lower,upper,numerator,denominator,note (see docs/area-comparisons.md)." };
        var indicators = new Option<string?>("--indicators") { Description = "The indicators CSV: indicator,title,polarity,unit,decimals,statement." };
        var benchmark = new Option<string[]>("--benchmark") { Description = "A benchmark area as the data names it; repeat for several, England first (--benchmark England --benchmark \"East Midlands\").", AllowMultipleArgumentsPerToken = false };
        var focus = new Option<string?>("--focus") { Description = "The area the report is about; its sentences lead the page." };
        var output = new Option<string>("--out") { Description = "The folder to write comparison.html, comparison.json and one SVG per chart into.", DefaultValueFactory = _ => "out" };

        var command = new Command("compare", "Compare areas with benchmarks (England, the region) using 95% confidence intervals: HTML page, SVG charts and JSON.")
        {
            sample, data, indicators, benchmark, focus, output,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var sampleName = parse.GetValue(sample);
            var dataPath = parse.GetValue(data);
            var indicatorsPath = parse.GetValue(indicators);
            AreaComparisonSources? fromSample = null;
            if (sampleName is not null)
            {
                fromSample = AreaComparisonManifest.ReadFile(SampleCatalogue.ManifestPath(sampleName, "--data and --indicators"));
            }
            else if (dataPath is null || indicatorsPath is null)
            {
                throw new InputException(new InputError("command line", null, dataPath is null ? "--data" : "--indicators",
                    "give --data FILE and --indicators FILE (your figures), or --sample NAME (a bundled sample)"));
            }

            var benchmarks = parse.GetValue(benchmark) ?? [];
            var sources = new AreaComparisonSources
            {
                DataPath = dataPath ?? fromSample!.DataPath,
                IndicatorsPath = indicatorsPath ?? fromSample!.IndicatorsPath,
                Benchmarks = benchmarks.Length > 0 ? benchmarks : fromSample?.Benchmarks ?? [],
                Focus = parse.GetValue(focus) ?? fromSample?.Focus,
                Description = fromSample?.Description,
            };

            foreach (var line in CompareJob.Run(sources, parse.GetValue(output)!))
            {
                Console.WriteLine(line);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary>Loads and evaluates an area comparison and writes the page, the charts and the JSON; returns lines to print.</summary>
internal static class CompareJob
{
    public const string HtmlFile = "comparison.html";
    public const string JsonFile = "comparison.json";

    public static IReadOnlyList<string> Run(AreaComparisonSources sources, string outDir)
    {
        var result = AreaComparisonLoader.Load(sources);
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        var heading = sources.Description is { Length: > 0 } d
            ? d
            : $"Comparison of areas with {string.Join(" and ", sources.Benchmarks)}";

        var html = Path.GetFullPath(Path.Combine(outDir, HtmlFile));
        using (var w = new StreamWriter(html))
        {
            PublishedHtml.WriteAreaComparison(result, heading, w);
        }

        written.Add(html);
        foreach (var table in result.Tables)
        {
            var svg = Path.GetFullPath(Path.Combine(outDir, AreaComparisonChart.Slug(table) + ".svg"));
            using (var w = new StreamWriter(svg))
            {
                PublishedHtml.WriteComparisonChart(table, w);
            }

            written.Add(svg);
        }

        var json = Path.GetFullPath(Path.Combine(outDir, JsonFile));
        using (var s = File.Create(json))
        {
            AreaComparisonJsonRenderer.Render(result, s);
        }

        written.Add(json);
        return
        [
            .. result.FocusSentences,
            $"{result.Tables.Count} tables compared with {string.Join(" and ", sources.Benchmarks)}",
            .. written.Select(f => "wrote " + f),
        ];
    }
}
