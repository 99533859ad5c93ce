using GoldenThread.Views.Published;

namespace GoldenThread.Views.Rendering;

/// <summary>The published HTML files, each one self-contained page: what the command line writes.</summary>
public static class PublishedHtml
{
    /// <summary><c>dashboard.html</c>: the summary, overview, key and one table per theme.</summary>
    public static void WriteDashboard(Core.Dashboard.Dashboard dashboard, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        StaticHtml.WriteAsync<DashboardFile>(new Dictionary<string, object?> { [nameof(DashboardFile.Dashboard)] = dashboard }, writer)
            .GetAwaiter().GetResult();
    }
}
