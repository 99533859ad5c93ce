using GoldenThread.Data.Plans;
using GoldenThread.Data.Values;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Store;

/// <summary>Turns the sources of a report (command-line options or a sample's manifest) into a store import.</summary>
public static class WorkspaceImportSources
{
    /// <summary>
    /// The plan's text and the values: the values file as given, or, where the sources name statutory returns, the
    /// figures derived from them together with the values file's, written in the values format, since the store keeps
    /// values, not returns.
    /// </summary>
    /// <param name="loaded">The values the caller has already read and derived from these sources, to save deriving them again.</param>
    public static WorkspaceImport From(ReportSources sources, string workspaceId, IReadOnlyList<Core.Measures.Observation>? loaded = null)
    {
        var planYaml = File.ReadAllText(sources.PlanPath);
        string? valuesText = null;
        byte[]? valuesXlsx = null;
        var valuesName = sources.ValuesPath is { } n ? Path.GetFileName(n) : "values.csv";
        if (sources.Ssda903Path is not null || sources.CinPath is not null)
        {
            IReadOnlyList<Core.Measures.Observation> values;
            if (loaded is not null)
            {
                values = loaded;
            }
            else
            {
                var plan = PlanReader.ReadFile(sources.PlanPath);
                var derived = ReturnsLoader.ForPlan(plan, ReturnsLoader.DeriveAll(sources.Ssda903Path, sources.CinPath, sources.ChildPopulation));
                var own = sources.ValuesPath is { } vp ? ValuesReader.ReadFile(vp, plan) : [];
                values = [.. derived, .. own];
            }

            // The council's own figure for a period replaces the derived one, as in the dashboard (the later wins).
            var latest = new Dictionary<(string, Core.Periods.Period), Core.Measures.Observation>();
            foreach (var o in values)
            {
                latest[(o.MeasureId.ToLowerInvariant(), o.Period)] = o;
            }

            // A derived figure that could not be worked out (no children in the cohort, say) has no value to store: the
            // values format has no row for "no value", so it is left out and the dashboard shows the figure as missing.
            foreach (var key in latest.Where(kv => kv.Value.Value is null && (kv.Value.Numerator is null || kv.Value.Denominator is null)).Select(kv => kv.Key).ToList())
            {
                latest.Remove(key);
            }

            using var writer = new StringWriter();
            ValuesWriter.WriteCsv(latest.Values, writer);
            valuesText = writer.ToString();
            valuesName = "derived from the statutory returns" + (sources.ValuesPath is null ? "" : " and " + valuesName);
        }
        else if (sources.ValuesPath is { } path)
        {
            if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                valuesXlsx = File.ReadAllBytes(path);
            }
            else
            {
                valuesText = File.ReadAllText(path);
            }
        }

        return new WorkspaceImport
        {
            WorkspaceId = workspaceId,
            PlanYaml = planYaml,
            PlanSourceName = Path.GetFileName(sources.PlanPath),
            ValuesText = valuesText,
            ValuesXlsx = valuesXlsx,
            ValuesSourceName = valuesName,
            HomeLaNumber = int.TryParse(sources.Council, out var la) ? la : null,
            UsesLait = sources.BenchmarksPath is not null,
            DefaultPeriod = sources.Period,
        };
    }
}
