using GoldenThread.Data.AreaComparisons;
using YamlDotNet.RepresentationModel;

namespace GoldenThread.Data.Workspace;

/// <summary>The bundled samples in <c>samples/</c>, each a folder with a <c>sample.yaml</c> manifest.</summary>
/// <remarks>
/// A manifest names the plan, optionally the values file, <c>benchmarks: lait</c> for the published LAIT files beside the
/// repository, the council (<c>la</c>), the reporting period and, for the committee pack's confidence-interval
/// appendix, an area comparison's manifest (<c>comparisons</c>). Paths are relative to the manifest.
/// <c>kind: area-comparison</c> marks a sample for <c>compare</c> instead (<see cref="AreaComparisonManifest"/>); <c>kind: dashboard</c>
/// or no kind is a dashboard sample.
/// </remarks>
public static class SampleCatalogue
{
    /// <summary>The samples folder, found walking up from the current directory and from the program's folder.</summary>
    public static string? FindSamplesDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "sample.yaml", SearchOption.AllDirectories).Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static IReadOnlyList<string> Names() =>
        FindSamplesDirectory() is { } dir
            ? Directory.EnumerateFiles(dir, "sample.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(Path.GetDirectoryName(f)!))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The samples that are dashboards (not area comparisons): what a new store is seeded with.</summary>
    public static IReadOnlyList<string> DashboardNames() =>
        Names().Where(name => KindOf(ManifestPath(name, "--plan")) != AreaComparisonManifest.Kind).ToList();

    private static string? KindOf(string manifest)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(manifest);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // An unreadable manifest is a dashboard sample as far as the list goes; loading it reports the fault.
            return null;
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? AreaComparisonManifest.KindOf(root) : null;
    }

    /// <summary>Reads a sample's manifest into the sources of its report.</summary>
    public static ReportSources Resolve(string name)
    {
        var manifest = ManifestPath(name, "--plan");
        using var reader = File.OpenText(manifest);
        return Read(reader, manifest);
    }

    /// <summary>The path of a sample's <c>sample.yaml</c>; throws naming the known samples when there is none.</summary>
    /// <param name="alternative">The option to suggest when no samples folder exists (<c>--plan</c>, <c>--data</c>).</param>
    public static string ManifestPath(string name, string alternative)
    {
        var dir = FindSamplesDirectory()
            ?? throw new InputException(new InputError("samples", null, null, $"no samples folder was found; run from the repository, or give {alternative} instead of --sample"));
        var manifest = Path.Combine(dir, name, "sample.yaml");
        if (!File.Exists(manifest))
        {
            var known = string.Join(", ", Names());
            throw new InputException(new InputError(name, null, null, $"there is no sample called '{name}'; expected one of: {known}"));
        }

        return manifest;
    }

    /// <summary>Parses a manifest; relative paths are resolved against the manifest's folder.</summary>
    public static ReportSources Read(TextReader reader, string manifestPath)
    {
        var fileName = manifestPath;
        YamlStream stream;
        try
        {
            stream = Plans.YamlLimits.Load(reader, fileName);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException(new InputError(fileName, (int)e.Start.Line, null, "not valid YAML: " + e.Message));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException(new InputError(fileName, 1, null, "expected a mapping with plan, values, benchmarks, la and period"));
        }

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<InputError>();
        string[] allowed =
        [
            "kind", "plan", "values", "benchmarks", "la", "period", "description", "ssda903", "cin", "population",
            "synthetic-children", "synthetic-years", "synthetic-seed", "comparisons",
        ];
        if (AreaComparisonManifest.KindOf(root) == AreaComparisonManifest.Kind)
        {
            var sample = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(manifestPath)));
            throw new InputException(new InputError(fileName, null, "kind",
                $"this sample is an area comparison, not a dashboard; run 'goldenthread compare --sample {sample}'"));
        }

        foreach (var (key, value) in root.Children)
        {
            var k = (key as YamlScalarNode)?.Value ?? "";
            if (k == "kind" && (value as YamlScalarNode)?.Value is { } kind && kind != "dashboard")
            {
                errors.Add(new InputError(fileName, (int)value.Start.Line, k, $"'{kind}' is not a kind of sample; expected dashboard or {AreaComparisonManifest.Kind}"));
                continue;
            }

            if (!allowed.Contains(k))
            {
                errors.Add(new InputError(fileName, (int)key.Start.Line, k, $"unknown key; expected one of {string.Join(", ", allowed)}"));
                continue;
            }

            fields[k] = (value as YamlScalarNode)?.Value ?? "";
        }

        if (!fields.TryGetValue("plan", out var plan) || string.IsNullOrWhiteSpace(plan))
        {
            errors.Add(new InputError(fileName, null, "plan", "required: the plan file, relative to the manifest"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        string Full(string p) => Path.GetFullPath(Path.Combine(baseDir, p));
        string? bds = null;
        if (fields.TryGetValue("benchmarks", out var b) && !string.IsNullOrWhiteSpace(b))
        {
            if (b == "lait")
            {
                var lait = LaitLocator.FindDirectory()
                    ?? throw new InputException(new InputError(fileName, null, "benchmarks",
                        $"'lait' means the published LAIT files in shared/data/lait beside the repository, and none were found; set {LaitLocator.EnvironmentVariable} to the folder holding bds_long.csv"));
                bds = Path.Combine(lait, "bds_long.csv");
            }
            else
            {
                bds = Full(b);
            }
        }

        double? population = null;
        if (fields.TryGetValue("population", out var pop) && !string.IsNullOrWhiteSpace(pop))
        {
            var parsed = GoldenThread.Core.Returns.ChildPopulation.Parse(pop);
            population = parsed.Success ? parsed.Value : throw new InputException(new InputError(fileName, null, "population", parsed.Error!));
        }

        string? ssda903 = fields.TryGetValue("ssda903", out var a) && !string.IsNullOrWhiteSpace(a) ? Full(a) : null;
        string? cin = fields.TryGetValue("cin", out var c) && !string.IsNullOrWhiteSpace(c) ? Full(c) : null;
        if (fields.ContainsKey("synthetic-children"))
        {
            (ssda903, cin) = SyntheticReturnsCache.Folders(fileName, fields);
        }

        return new ReportSources
        {
            Ssda903Path = ssda903,
            CinPath = cin,
            ChildPopulation = population,
            PlanPath = Full(plan!),
            ValuesPath = fields.TryGetValue("values", out var v) && !string.IsNullOrWhiteSpace(v) ? Full(v) : null,
            BenchmarksPath = bds,
            Council = fields.GetValueOrDefault("la"),
            Period = fields.GetValueOrDefault("period"),
            ComparisonsPath = fields.TryGetValue("comparisons", out var cmp) && !string.IsNullOrWhiteSpace(cmp) ? Full(cmp) : null,
        };
    }
}
