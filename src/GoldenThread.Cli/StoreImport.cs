using System.Text;
using GoldenThread.Data;
using GoldenThread.Data.Diagnostics;
using GoldenThread.Data.Workspace;
using GoldenThread.Store;
using Microsoft.Data.Sqlite;

namespace GoldenThread.Cli;

/// <summary>Saves what <c>report</c> read into a store, all or nothing (the store re-reads and checks both files first).</summary>
internal static class StoreImport
{
    /// <summary>
    /// What can be known wrong before anything is written: the workspace id, and a store path that is a folder or a file
    /// that is not an SQLite database. <c>report</c> checks these first, so that a mistake in them leaves nothing behind.
    /// </summary>
    public static StoreConnection Check(string target, string workspaceId)
    {
        WorkspaceStore.CheckId(workspaceId);
        var connection = StoreConnection.Parse(target);
        if (connection.Provider == StoreProvider.Sqlite && new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource is { Length: > 0 } path)
        {
            if (Directory.Exists(path))
            {
                throw new InputException(new InputError(path, null, "--store", "is a folder; expected the store's file (e.g. goldenthread.db), new or existing"));
            }

            if (File.Exists(path) && new FileInfo(path).Length > 0 && !IsSqlite(path))
            {
                throw new InputException(new InputError(path, null, "--store", "is not a GoldenThread store (not an SQLite database); expected the store's file, or a path where one may be made"));
            }
        }

        return connection;
    }

    public static string Run(ReportSources sources, IReadOnlyList<GoldenThread.Core.Measures.Observation> values, string target, string workspaceId, bool? dashboardPublic, StageTimings? timings = null)
    {
        var connection = Check(target, workspaceId);
        StoreMigrator.MigrateAsync(connection, Console.Error.WriteLine).GetAwaiter().GetResult();
        timings?.Mark("store: open and migrate");
        using var db = connection.CreateContext();
        var info = new WorkspaceStore(db, TimeProvider.System).ImportAsync(WorkspaceImportSources.From(sources, workspaceId, values) with { DashboardPublic = dashboardPublic }).GetAwaiter().GetResult();
        timings?.Mark("store: import workspace");
        return $"stored workspace '{info.Id}' in {connection.Describe()}: plan version {info.PlanVersion}, data version {info.DataVersion}";
    }

    private static bool IsSqlite(string path)
    {
        var header = new byte[16];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && header.AsSpan().SequenceEqual(Encoding.ASCII.GetBytes("SQLite format 3\0"));
    }
}
