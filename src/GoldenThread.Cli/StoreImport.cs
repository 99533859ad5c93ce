using GoldenThread.Data.Workspace;
using GoldenThread.Store;

namespace GoldenThread.Cli;

/// <summary>Saves what <c>report</c> read into a store, all or nothing (the store re-reads and checks both files first).</summary>
internal static class StoreImport
{
    public static string Run(ReportSources sources, string target, string workspaceId)
    {
        var connection = StoreConnection.Parse(target);
        StoreMigrator.MigrateAsync(connection).GetAwaiter().GetResult();
        using var db = connection.CreateContext();
        var info = new WorkspaceStore(db, TimeProvider.System).ImportAsync(new WorkspaceImport
        {
            WorkspaceId = workspaceId,
            PlanYaml = File.ReadAllText(sources.PlanPath),
            PlanSourceName = Path.GetFileName(sources.PlanPath),
            ValuesText = sources.ValuesPath is { } v && v.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? File.ReadAllText(v) : null,
            ValuesXlsx = sources.ValuesPath is { } x && x.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? File.ReadAllBytes(x) : null,
            ValuesSourceName = sources.ValuesPath is { } n ? Path.GetFileName(n) : "values.csv",
            HomeLaNumber = int.TryParse(sources.Council, out var la) ? la : null,
            UsesLait = sources.BenchmarksPath is not null,
            DefaultPeriod = sources.Period,
        }).GetAwaiter().GetResult();
        return $"stored workspace '{info.Id}' in {connection.Describe()}: plan version {info.PlanVersion}, data version {info.DataVersion}";
    }
}
