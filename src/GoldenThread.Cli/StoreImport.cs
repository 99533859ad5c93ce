using GoldenThread.Data.Workspace;
using GoldenThread.Store;

namespace GoldenThread.Cli;

/// <summary>Saves what <c>report</c> read into a store, all or nothing (the store re-reads and checks both files first).</summary>
internal static class StoreImport
{
    public static string Run(ReportSources sources, IReadOnlyList<GoldenThread.Core.Measures.Observation> values, string target, string workspaceId, bool? dashboardPublic)
    {
        var connection = StoreConnection.Parse(target);
        StoreMigrator.MigrateAsync(connection).GetAwaiter().GetResult();
        using var db = connection.CreateContext();
        var info = new WorkspaceStore(db, TimeProvider.System).ImportAsync(WorkspaceImportSources.From(sources, workspaceId, values) with { DashboardPublic = dashboardPublic }).GetAwaiter().GetResult();
        return $"stored workspace '{info.Id}' in {connection.Describe()}: plan version {info.PlanVersion}, data version {info.DataVersion}";
    }
}
