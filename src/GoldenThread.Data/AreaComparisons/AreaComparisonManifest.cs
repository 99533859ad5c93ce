using GoldenThread.Core.AreaComparisons;
using YamlDotNet.RepresentationModel;

namespace GoldenThread.Data.AreaComparisons;

/// <summary>The files and choices of one area comparison, as the user gave them (command-line options or a sample manifest).</summary>
public sealed record AreaComparisonSources
{
    /// <summary>The long CSV of figures (docs/area-comparisons.md).</summary>
    public required string DataPath { get; init; }

    /// <summary>The indicators CSV: title, polarity, unit, decimals, statement per indicator.</summary>
    public required string IndicatorsPath { get; init; }

    /// <summary>Benchmark areas as the data names them, in the order sentences name them: England, then the region.</summary>
    public IReadOnlyList<string> Benchmarks { get; init; } = [];

    /// <summary>The area the report is about (its sentences lead); optional.</summary>
    public string? Focus { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// Reads an area-comparison sample manifest: <c>kind: area-comparison</c>, <c>data</c>, <c>indicators</c>,
/// <c>benchmarks</c> (a list), <c>focus</c>, <c>description</c>. Paths are relative to the manifest.
/// </summary>
public static class AreaComparisonManifest
{
    public const string Kind = "area-comparison";

    private static readonly string[] Allowed = ["kind", "description", "data", "indicators", "benchmarks", "focus"];

    /// <summary>The manifest's <c>kind</c>, or null when it has none (a dashboard sample).</summary>
    public static string? KindOf(YamlMappingNode root) =>
        root.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "kind").Value is YamlScalarNode { Value: { } kind } ? kind : null;

    /// <summary>
    /// An area comparison named as <c>--comparisons</c> takes it: a bundled area-comparison sample's name
    /// (<c>ncmp-2014-15</c>), or the path of a manifest.
    /// </summary>
    public static AreaComparisonSources Find(string sampleOrPath, string option)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sampleOrPath);
        var manifest = File.Exists(sampleOrPath) ? sampleOrPath
            : Directory.Exists(sampleOrPath) && File.Exists(Path.Combine(sampleOrPath, "sample.yaml")) ? Path.Combine(sampleOrPath, "sample.yaml")
            : Workspace.SampleCatalogue.FindSamplesDirectory() is { } dir && File.Exists(Path.Combine(dir, sampleOrPath, "sample.yaml")) && !sampleOrPath.Contains('/', StringComparison.Ordinal)
                ? Path.Combine(dir, sampleOrPath, "sample.yaml")
                : throw new InputException(new InputError("command line", null, option,
                    $"'{sampleOrPath}' is neither an area-comparison manifest nor a bundled area-comparison sample; expected a file such as samples/ncmp-2014-15/sample.yaml or a name such as ncmp-2014-15"));
        return ReadFile(manifest);
    }

    /// <summary>Reads a manifest from its file.</summary>
    public static AreaComparisonSources ReadFile(string manifestPath)
    {
        try
        {
            Utf8Text.Require(manifestPath, Path.GetFileName(manifestPath), TextLayout.Lines, 4L * Plans.YamlLimits.MaxCharacters);
            using var reader = new StreamReader(manifestPath, Utf8Text.Strict, detectEncodingFromByteOrderMarks: true);
            return Read(reader, manifestPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(Path.GetFileName(manifestPath), null, null, "cannot be read: " + e.Message));
        }
    }

    public static AreaComparisonSources Read(TextReader reader, string manifestPath)
    {
        YamlStream stream;
        try
        {
            stream = Plans.YamlLimits.Load(reader, manifestPath);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException(new InputError(manifestPath, (int)e.Start.Line, null, "not valid YAML: " + e.Message));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException(new InputError(manifestPath, 1, null, $"expected a mapping with kind: {Kind}, data, indicators, benchmarks and focus"));
        }

        if (KindOf(root) != Kind)
        {
            var sample = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(manifestPath)));
            throw new InputException(new InputError(manifestPath, null, "kind",
                $"this sample is a dashboard, not an area comparison; run 'goldenthread report --sample {sample}'"));
        }

        var errors = new List<InputError>();
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var benchmarks = new List<string>();
        foreach (var (key, value) in root.Children)
        {
            var k = (key as YamlScalarNode)?.Value ?? "";
            if (!Allowed.Contains(k))
            {
                errors.Add(new InputError(manifestPath, (int)key.Start.Line, k, $"unknown key; expected one of {string.Join(", ", Allowed)}"));
            }
            else if (k == "benchmarks")
            {
                if (value is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
                {
                    benchmarks.AddRange(list.Children.Select(c => ((YamlScalarNode)c).Value!));
                }
                else
                {
                    errors.Add(new InputError(manifestPath, (int)value.Start.Line, k, "expected a list of area names, such as [England, East Midlands]"));
                }
            }
            else
            {
                scalars[k] = (value as YamlScalarNode)?.Value ?? "";
            }
        }

        foreach (var required in new[] { "data", "indicators" })
        {
            if (string.IsNullOrWhiteSpace(scalars.GetValueOrDefault(required)))
            {
                errors.Add(new InputError(manifestPath, null, required, "required: a CSV file, relative to the manifest"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return new AreaComparisonSources
        {
            DataPath = Path.GetFullPath(Path.Combine(baseDir, scalars["data"])),
            IndicatorsPath = Path.GetFullPath(Path.Combine(baseDir, scalars["indicators"])),
            Benchmarks = benchmarks,
            Focus = string.IsNullOrWhiteSpace(scalars.GetValueOrDefault("focus")) ? null : scalars["focus"],
            Description = scalars.GetValueOrDefault("description"),
        };
    }
}

/// <summary>Reads the two files of an area comparison and evaluates it; every problem becomes an <see cref="InputException"/>.</summary>
public static class AreaComparisonLoader
{
    /// <param name="sources">The files and choices.</param>
    /// <param name="disclosure">Suppression of small counts where counts are given; null for the default (1 to 5).</param>
    public static AreaComparisonResult Load(AreaComparisonSources sources, GoldenThread.Core.Disclosure.DisclosureRules? disclosure = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var indicatorsName = Path.GetFileName(sources.IndicatorsPath);
        var dataName = Path.GetFileName(sources.DataPath);
        IReadOnlyList<ComparisonIndicator> indicators;
        using (var reader = Open(sources.IndicatorsPath))
        {
            indicators = ComparisonIndicatorsReader.Read(reader, indicatorsName);
        }

        IReadOnlyList<AreaFigure> figures;
        using (var reader = Open(sources.DataPath))
        {
            figures = AreaFiguresReader.Read(reader, dataName, indicators, indicatorsName);
        }

        if (sources.Benchmarks.Count == 0)
        {
            throw new InputException(new InputError("command line", null, "--benchmark", "no benchmark areas; expected at least one, such as --benchmark England"));
        }

        var result = AreaComparisonEvaluator.Evaluate(indicators, figures, new AreaComparisonOptions(sources.Benchmarks, sources.Focus, disclosure));
        if (!result.Success)
        {
            throw new InputException(new InputError(dataName, null, AreaFiguresReader.Area, result.Error!));
        }

        return result.Value;
    }

    private static StreamReader Open(string path)
    {
        try
        {
            // Checked first so that a byte that is not UTF-8 is refused at its line and column, never replaced.
            Utf8Text.Require(path, Path.GetFileName(path), TextLayout.Csv, 4L * Values.CsvText.MaxCharacters);
            return new StreamReader(path, Utf8Text.Strict, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(Path.GetFileName(path), null, null, "cannot be opened: " + e.Message));
        }
    }
}
