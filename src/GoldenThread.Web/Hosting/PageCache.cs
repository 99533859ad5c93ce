using GoldenThread.Store;
using Microsoft.AspNetCore.OutputCaching;

namespace GoldenThread.Web.Hosting;

/// <summary>
/// The framework's output cache for the pages of a workspace that anyone may read: the same page for the same address
/// and the same state of the workspace is rendered once. The key holds the workspace's plan, data and cycle versions and
/// its stamp (moved by every import and every commentary), read from its row on each request, so a change made through any
/// instance is seen at once by all. Only anonymous GETs answered 200 without a cookie are cached (the framework's rule),
/// so a signed-in editor's pages, with their forms, are always fresh.
/// </summary>
public static class PageCache
{
    public const string Policy = "workspace-pages";

    public static IServiceCollection AddPageCache(this IServiceCollection services) =>
        services.AddOutputCache(o =>
        {
            // About 200 pages of 200 KB; an entry lives a minute at most, for what does not change the stamp (the clock).
            o.SizeLimit = 64L * 1024 * 1024;
            o.AddPolicy(Policy, b => b.Expire(TimeSpan.FromSeconds(60)).SetVaryByQuery("*").VaryByValue(WorkspaceStamp));
        });

    public static TBuilder CachedPage<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.CacheOutput(Policy);

    private static async ValueTask<KeyValuePair<string, string>> WorkspaceStamp(HttpContext http, CancellationToken ct)
    {
        if (http.Request.RouteValues["ws"] is not string id)
        {
            return new("ws", "");
        }

        var info = await http.RequestServices.GetRequiredService<WorkspaceStore>().FindAsync(id, ct);
        return new("ws", info is null ? "none" : $"{info.PlanVersion}.{info.DataVersion}.{info.CycleVersion}.{info.UpdatedUtc.UtcTicks}");
    }
}
