using GoldenThread.Core.AreaComparisons;
using GoldenThread.Views.AreaComparisons;
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

    /// <summary>The committee pack as one printable page: what <c>pack.pdf</c> is printed from.</summary>
    public static string Pack(Reporting.CommitteePack.CommitteePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return StaticHtml.RenderAsync<PackFile>(new Dictionary<string, object?> { [nameof(PackFile.Pack)] = pack }).GetAwaiter().GetResult();
    }

    /// <summary>A printed page's margin for pack.pdf: the footer with <paramref name="text"/> and the page numbers, or an empty header for null.</summary>
    public static string PackPageMargin(string? text) =>
        StaticHtml.RenderAsync<PackPageMargin>(new Dictionary<string, object?> { [nameof(Published.PackPageMargin.Text)] = text }).GetAwaiter().GetResult();

    /// <summary><c>comparison.html</c>: what was compared, the key figures for the area of interest, then per table the chart, the table and the sentences.</summary>
    public static void WriteAreaComparison(AreaComparisonResult result, string heading, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(heading);
        StaticHtml.WriteAsync<AreaComparisonFile>(
            new Dictionary<string, object?> { [nameof(AreaComparisonFile.Result)] = result, [nameof(AreaComparisonFile.Heading)] = heading },
            writer).GetAwaiter().GetResult();
    }

    /// <summary>One table's chart as a standalone SVG file: the same drawing as in <c>comparison.html</c>.</summary>
    public static void WriteComparisonChart(ComparisonTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        StaticHtml.WriteAsync<ComparisonChart>(new Dictionary<string, object?> { [nameof(ComparisonChart.Table)] = table }, writer)
            .GetAwaiter().GetResult();
        writer.Write('\n');
    }
}
