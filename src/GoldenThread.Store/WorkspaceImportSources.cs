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
    public static WorkspaceImport From(ReportSources sources, string workspaceId)
    {
        var planYaml = File.ReadAllText(sources.PlanPath);
        string? valuesText = null;
        byte[]? valuesXlsx = null;
        var valuesName = sources.ValuesPath is { } n ? Path.GetFileName(n) : "values.csv";
        if (sources.Ssda903Path is not null || sources.CinPath is not null)
        {
            var plan = PlanReader.ReadFile(sources.PlanPath);
            var derived = ReturnsLoader.ForPlan(plan, ReturnsLoader.DeriveAll(sources.Ssda903Path, sources.CinPath, sources.ChildPopulation));
            var own = sources.ValuesPath is { } vp ? ValuesReader.ReadFile(vp, plan) : [];
            var ownKeys = own.Select(o => (o.MeasureId, o.Period)).ToHashSet();
            using var writer = new StringWriter();
            ValuesWriter.WriteCsv([.. derived.Where(o => !ownKeys.Contains((o.MeasureId, o.Period))), .. own], writer);
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
